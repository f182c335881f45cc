package io.atspec.runtime.bind;

import io.atspec.runtime.WireTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The fields of a response or URC line after its prefix, and their conversion. Lenient where
 * modules differ (any run of spaces after the colon, quotes or not), strict about content.
 */
public final class Fields {

    private final String source;
    private final String what;
    private final List<String> fields;

    private Fields(String source, String what, List<String> fields) {
        this.source = source;
        this.what = what;
        this.fields = fields;
    }

    /**
     * Splits what follows {@code prefix} in {@code line}.
     *
     * @param what the type being parsed, for messages
     */
    public static Fields of(String line, String prefix, String what) {
        String rest = line.startsWith(prefix) ? line.substring(prefix.length()) : line;
        return new Fields(line, what, split(rest.strip()));
    }

    /** Splits the arguments of a command line; {@code source} is the whole line, for messages. */
    public static Fields ofArguments(String source, String arguments, String what) {
        return new Fields(source, what, split(arguments.strip()));
    }

    /**
     * Splits at commas outside double quotes and parentheses ({@code (1-7),(IP,IPV6)} is two
     * fields); spaces around a field are dropped. An empty text has no field.
     */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
            }
            if (c == ',' && !quoted && depth == 0) {
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString().strip());
        return out;
    }

    public int size() {
        return fields.size();
    }

    /** Requires between {@code min} and {@code max} fields. */
    public Fields count(int min, int max) {
        if (fields.size() < min || fields.size() > max) {
            throw fail("expected " + (min == max ? String.valueOf(min) : min + " to " + max) + " fields, found "
                    + fields.size());
        }
        return this;
    }

    public boolean has(int index) {
        return index < fields.size();
    }

    /** The text of a field without surrounding quotes. */
    public String text(int index, String name) {
        require(index, name);
        String field = fields.get(index);
        return field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")
                ? field.substring(1, field.length() - 1)
                : field;
    }

    /**
     * The last field of a line whose spec says it runs to the end of the line: every field from
     * {@code index} on, joined with the commas the split took out ({@code a.com/x?a=1,2}).
     */
    public String rest(int index, String name) {
        require(index, name);
        return String.join(",", fields.subList(index, fields.size()));
    }

    public Optional<String> optionalText(int index, String name) {
        return has(index) && !fields.get(index).isEmpty() ? Optional.of(text(index, name)) : Optional.empty();
    }

    public int integer(int index, String name) {
        String text = text(index, name);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw fail("<" + name + "> is not an integer: '" + text + "'");
        }
    }

    /**
     * An integer that must lie in its allowed set: used where two shapes of a line differ only
     * in the range of a field, to tell which one a line is.
     */
    public int integerIn(int index, String name, String allowed, long... bounds) {
        int value = integer(index, name);
        if (Arguments.within(value, false, bounds)) {
            return value;
        }
        throw fail("<" + name + "> = " + value + " is outside " + allowed);
    }

    /** A signed 64-bit integer. */
    public long longInteger(int index, String name) {
        String text = text(index, name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw fail("<" + name + "> is not a 64-bit integer: '" + text + "'");
        }
    }

    /**
     * An unsigned 64-bit integer ({@code 0..18446744073709551615}) in a {@code long}, read with
     * {@link Long#parseUnsignedLong}: show it with {@link Long#toUnsignedString(long)}.
     */
    public long unsignedLong(int index, String name) {
        String text = text(index, name);
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw fail("<" + name + "> is not an unsigned 64-bit integer: '" + text + "'");
        }
    }

    /** As {@link #integerIn}, for a signed 64-bit field. */
    public long longIn(int index, String name, String allowed, long... bounds) {
        long value = longInteger(index, name);
        if (Arguments.within(value, false, bounds)) {
            return value;
        }
        throw fail("<" + name + "> = " + value + " is outside " + allowed);
    }

    /** As {@link #integerIn}, for an unsigned 64-bit field: bounds compared unsigned. */
    public long unsignedLongIn(int index, String name, String allowed, long... bounds) {
        long value = unsignedLong(index, name);
        if (Arguments.within(value, true, bounds)) {
            return value;
        }
        throw fail("<" + name + "> = " + Long.toUnsignedString(value) + " is outside " + allowed);
    }

    public OptionalLong optionalLong(int index, String name) {
        return has(index) && !fields.get(index).isEmpty()
                ? OptionalLong.of(longInteger(index, name))
                : OptionalLong.empty();
    }

    public OptionalLong optionalUnsignedLong(int index, String name) {
        return has(index) && !fields.get(index).isEmpty()
                ? OptionalLong.of(unsignedLong(index, name))
                : OptionalLong.empty();
    }

    public OptionalInt optionalInteger(int index, String name) {
        return has(index) && !fields.get(index).isEmpty() ? OptionalInt.of(integer(index, name)) : OptionalInt.empty();
    }

    /** A field that must hold exactly {@code expected}: fixed text or a discriminator. */
    public Fields literal(int index, String expected) {
        if (!has(index) || !text(index, expected).equals(expected)) {
            throw fail("expected \"" + expected + "\" as field " + (index + 1));
        }
        return this;
    }

    public boolean matches(int index, String expected) {
        return has(index) && text(index, expected).equals(expected);
    }

    private void require(int index, String name) {
        if (!has(index)) {
            throw fail("<" + name + "> is missing");
        }
    }

    private WireParseException fail(String problem) {
        return new WireParseException("cannot read '" + WireTrace.excerpt(source) + "' as " + what + ": " + problem);
    }
}
