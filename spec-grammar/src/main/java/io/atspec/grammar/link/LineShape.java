package io.atspec.grammar.link;

import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.CodeKind;
import io.atspec.grammar.model.EnumType;
import io.atspec.grammar.model.Format;
import io.atspec.grammar.model.FormatItem;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.Quoting;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of a line a command expects ({@code +SOCKCLOSE: <link>,"OK"}) as a regular expression
 * over the whole line: the one home of the rule that tells a command's answer from a URC with
 * the same prefix. Literal text matches as written; an int field is digits, an enum field a code
 * of its kind (digits for a numeric enum: an unlisted code is kept, as parsers keep it), a quoted
 * text field a quoted string, a bare one anything up to the next comma;
 * spaces around commas are tolerated. The generator emits the expression into the command's
 * descriptor, where the runtime matches it; the example checker replays examples with it.
 *
 * @param wirePrefix the prefix the line starts with, colon included
 * @param regex the expression the whole line matches
 */
public record LineShape(String wirePrefix, String regex) {

    private static final String COMMA = " *, *";

    /** The shape of {@code wirePrefix format}, its fields typed by {@code parameters}. */
    public static LineShape of(Chapter chapter, String wirePrefix, Format format, Map<String, Parameter> parameters) {
        StringBuilder out = new StringBuilder(Pattern.quote(wirePrefix));
        if (!format.isEmpty()) {
            out.append(" *");
        }
        items(chapter, format.items(), parameters, true, out);
        return new LineShape(wirePrefix, out.toString());
    }

    /** As {@link #of(Chapter, String, Format, Map)}, the parameters given as a list. */
    public static LineShape of(Chapter chapter, String wirePrefix, Format format, List<Parameter> parameters) {
        Map<String, Parameter> byName = new java.util.LinkedHashMap<>();
        parameters.forEach(p -> byName.put(p.name(), p));
        return of(chapter, wirePrefix, format, byName);
    }

    public boolean matches(String line) {
        return line.startsWith(wirePrefix) && Pattern.matches(regex, line);
    }

    private static void items(
            Chapter chapter,
            List<FormatItem> items,
            Map<String, Parameter> parameters,
            boolean first,
            StringBuilder out) {
        boolean leading = first;
        for (FormatItem item : items) {
            if (item instanceof FormatItem.OptionalGroup group) {
                out.append("(?:").append(leading ? "" : COMMA);
                items(chapter, group.format().items(), parameters, true, out);
                out.append(")?");
            } else {
                out.append(leading ? "" : COMMA);
                if (item instanceof FormatItem.Text text) {
                    out.append(Pattern.quote(text.text()));
                } else if (item instanceof FormatItem.Field field) {
                    out.append(field(chapter, field, Optional.ofNullable(parameters.get(field.name()))));
                }
            }
            leading = false;
        }
    }

    private static String field(Chapter chapter, FormatItem.Field field, Optional<Parameter> parameter) {
        if (field.fixedValue().isPresent()) {
            return "\"?" + Pattern.quote(field.fixedValue().get().text()) + "\"?";
        }
        if (parameter.isEmpty()) {
            return "[^,]*";
        }
        Parameter p = parameter.get();
        ParamType type = p.type();
        if (type instanceof ParamType.IntType) {
            return "\"?-?[0-9]+\"?";
        }
        if (type instanceof ParamType.EnumRef ref) {
            // Any code of the enum's kind: a code the spec does not list is kept, not refused
            // (a firmware update must not turn an answer into a URC).
            Optional<EnumType> enumType = chapter.enumNamed(ref.enumName());
            if (enumType.isPresent() && enumType.get().isNumeric()) {
                return "\"?-?[0-9]+\"?";
            }
            boolean quoted = enumType.isPresent()
                    && enumType.get().constants().stream().anyMatch(c -> c.kind() == CodeKind.QUOTED);
            return quoted ? "\"[^\"]*\"" : "(?:\"[^\"]*\"|[^,]*)";
        }
        if (type instanceof ParamType.BytesType || p.quoting() == Quoting.REST_OF_LINE) {
            return ".*";
        }
        return p.quoting() == Quoting.QUOTED ? "\"[^\"]*\"" : "(?:\"[^\"]*\"|[^,]*)";
    }
}
