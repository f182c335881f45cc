package io.atspec.grammar.check;

import io.atspec.grammar.Reporter;
import io.atspec.grammar.model.Format;
import io.atspec.grammar.model.FormatItem;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rule for a payload counted by a length field ({@code <link>,<length>,<data>}), in a URC
 * report and in an information response alike: the payload is the last field, its length is an
 * earlier int field of the same line, and that field has a declared maximum, which bounds the
 * read so that a wrong length cannot swallow the lines behind it.
 */
final class CountedPayloads {

    private final Reporter reporter;

    CountedPayloads(Reporter reporter) {
        this.reporter = reporter;
    }

    /**
     * Checks {@code payload}, sized by {@code sized}, in {@code format}.
     *
     * @param owner what declares the fields, for messages ({@code URC +A}, {@code AT+X})
     * @param where the line, for messages ({@code its report}, {@code its response +X:})
     */
    void check(
            String owner,
            String where,
            Format format,
            FormatItem.Field payload,
            ParamType.SizedBy sized,
            Function<String, Optional<Parameter>> parameters) {
        Optional<Parameter> length = parameters.apply(sized.lengthField());
        if (length.isEmpty() || !(length.get().type() instanceof ParamType.IntType intType)) {
            reporter.error(
                    sized.location(),
                    "payload <" + payload.name() + "> is sized by <" + sized.lengthField()
                            + ">, which must be an int field of " + owner);
            return;
        }
        List<FormatItem.Field> fields = format.fields();
        int position = fields.indexOf(payload);
        boolean before = fields.subList(0, Math.max(position, 0)).stream()
                .anyMatch(f -> f.name().equals(sized.lengthField()));
        if (!before) {
            reporter.error(
                    payload.location(),
                    "payload <" + payload.name() + "> is sized by <" + sized.lengthField()
                            + ">, which must come before it in " + where);
            return;
        }
        if (intType.values().isUnbounded()) {
            reporter.error(
                    payload.location(),
                    "payload <" + payload.name() + "> is sized by <" + sized.lengthField()
                            + ">, which has no declared maximum; give it one (int 1..4096): the maximum bounds"
                            + " the read, so a wrong length cannot swallow the lines behind it");
        }
    }

    /** Whether {@code field} is the last item of the longest shape of {@code format}. */
    static boolean isLast(Format format, FormatItem.Field field) {
        List<List<FormatItem>> shapes = format.shapes();
        List<FormatItem> longest = shapes.get(shapes.size() - 1);
        return !longest.isEmpty() && longest.get(longest.size() - 1) == field;
    }
}
