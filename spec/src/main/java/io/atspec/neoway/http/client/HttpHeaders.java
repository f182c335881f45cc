package io.atspec.neoway.http.client;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The header fields of an HTTP response: an ordered multimap, names matched without regard to
 * case, every field kept in the order the server sent it (Set-Cookie repeats).
 */
public final class HttpHeaders {

    private final List<Map.Entry<String, String>> fields;

    HttpHeaders(List<Map.Entry<String, String>> fields) {
        this.fields = List.copyOf(fields);
    }

    /**
     * No fields.
     *
     * @return headers without a field
     */
    public static HttpHeaders empty() {
        return new HttpHeaders(List.of());
    }

    /**
     * Every field, in order, names as sent.
     *
     * @return the fields, unmodifiable
     */
    public List<Map.Entry<String, String>> fields() {
        return fields;
    }

    /**
     * The values of {@code name}, in order.
     *
     * @param name the field name, in any case
     * @return the values, empty if the field is absent
     */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> f : fields) {
            if (f.getKey().equalsIgnoreCase(name)) {
                values.add(f.getValue());
            }
        }
        return values;
    }

    /**
     * The first value of {@code name}.
     *
     * @param name the field name, in any case
     * @return the value, or empty if the field is absent
     */
    public Optional<String> first(String name) {
        return all(name).stream().findFirst();
    }

    /**
     * The distinct names, lower case, in order of first appearance.
     *
     * @return the names
     */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        fields.forEach(f -> names.add(f.getKey().toLowerCase(Locale.ROOT)));
        return names;
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
