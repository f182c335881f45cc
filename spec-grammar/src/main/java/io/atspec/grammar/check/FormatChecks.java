package io.atspec.grammar.check;

import io.atspec.grammar.Reporter;
import io.atspec.grammar.model.Format;
import io.atspec.grammar.model.FormatItem;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.Quoting;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks a format: known fields, valid fixed values, each field once, groups trailing. */
final class FormatChecks {

    private final Reporter reporter;
    private final ValueRules values;

    FormatChecks(Reporter reporter, ValueRules values) {
        this.reporter = reporter;
        this.values = values;
    }

    /**
     * @param owner the command or URC, for messages
     * @param where the form, response or report, for messages
     */
    void checkFields(String owner, String where, Format format, List<Parameter> parameters) {
        Set<String> seen = new HashSet<>();
        for (FormatItem.Field field : format.fields()) {
            Optional<Parameter> parameter = parameters.stream()
                    .filter(p -> p.name().equals(field.name()))
                    .findFirst();
            if (parameter.isEmpty()) {
                reporter.error(
                        field.location(),
                        "unknown parameter <" + field.name() + "> in " + where + " of " + owner + declared(parameters));
                continue;
            }
            if (!seen.add(field.name())) {
                reporter.error(field.location(), "<" + field.name() + "> appears twice in " + where);
            }
            field.fixedValue()
                    .flatMap(v -> values.checkLiteral(parameter.get(), v))
                    .ifPresent(problem -> reporter.error(
                            field.location(), "fixed value of <" + field.name() + "> is invalid: " + problem));
        }
        checkGroupsTrailing(format);
    }

    /**
     * A {@code rest} value takes every comma after it, so only the last field of a form can be
     * one: a field after it could never be told apart from the value.
     */
    void checkRestLast(String owner, String where, Format format, List<Parameter> parameters) {
        List<FormatItem.Field> fields = format.fields();
        for (int i = 0; i < fields.size() - 1; i++) {
            FormatItem.Field field = fields.get(i);
            boolean rest = parameters.stream()
                    .anyMatch(p -> p.name().equals(field.name()) && p.quoting() == Quoting.REST_OF_LINE);
            if (rest) {
                reporter.error(
                        field.location(),
                        "<" + field.name() + "> runs to the end of the line ('rest') but is not the last field of "
                                + where + " of " + owner + ": " + fields.get(i + 1)
                                + " follows it; make it the last field or drop 'rest'");
            }
        }
    }

    /**
     * Only a command line honours {@code rest}: responses and reports are read field by field, so
     * a value that ran on past its comma would be split there.
     */
    void refuseRest(String owner, String where, Format format, List<Parameter> parameters) {
        for (FormatItem.Field field : format.fields()) {
            boolean rest = parameters.stream()
                    .anyMatch(p -> p.name().equals(field.name()) && p.quoting() == Quoting.REST_OF_LINE);
            if (rest) {
                reporter.error(
                        field.location(),
                        "<" + field.name() + "> is 'rest', which only a command's own line honours: " + where
                                + " of " + owner + " is read field by field, so its commas would split it;"
                                + " drop 'rest' or declare a field of its own");
            }
        }
    }

    private void checkGroupsTrailing(Format format) {
        List<FormatItem> items = format.items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof FormatItem.OptionalGroup group) {
                if (i < items.size() - 1) {
                    reporter.error(
                            group.location(),
                            "optional group " + group + " is not trailing: " + items.get(i + 1)
                                    + " follows it, so a parser could not tell which arguments were left out");
                }
                checkGroupsTrailing(group.format());
            }
        }
    }

    private static String declared(List<Parameter> parameters) {
        if (parameters.isEmpty()) {
            return "; it declares no parameters";
        }
        return "; declared: "
                + String.join(", ", parameters.stream().map(Parameter::name).toList());
    }
}
