package io.atspec.grammar.check;

import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.Form;
import io.atspec.grammar.model.FormKind;
import io.atspec.grammar.model.FormatItem;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.Quoting;
import java.util.List;
import java.util.Optional;

/** Decides whether the arguments of an AT line fit a form of its command. */
final class FormMatcher {

    private final ValueRules values;

    FormMatcher(ValueRules values) {
        this.values = values;
    }

    /** A sent line split into command, kind and arguments. */
    record SentLine(Command command, FormKind kind, List<String> arguments) {}

    /**
     * Finds the command a line addresses. {@code line} has its spaces outside quotes removed.
     * The longest declared name wins, so AT+HTTPSCFGA is not read as AT+HTTPSCFG plus "A".
     */
    static Optional<SentLine> parse(List<Command> commands, String line) {
        SentLine best = null;
        int bestLength = -1;
        for (Command command : commands) {
            for (String name : names(command)) {
                if (!line.startsWith(name) || name.length() <= bestLength) {
                    continue;
                }
                String rest = line.substring(name.length());
                FormKind kind;
                List<String> arguments = List.of();
                if (rest.isEmpty()) {
                    kind = FormKind.EXEC;
                } else if (rest.equals("?")) {
                    kind = FormKind.QUERY;
                } else if (rest.equals("=?")) {
                    kind = FormKind.TEST;
                } else if (rest.startsWith("=")) {
                    kind = FormKind.SET;
                    arguments = WireArguments.split(rest.substring(1));
                } else {
                    continue;
                }
                best = new SentLine(command, kind, arguments);
                bestLength = name.length();
            }
        }
        return Optional.ofNullable(best);
    }

    private static List<String> names(Command command) {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(command.name()),
                        command.aliases().stream().map(a -> a.name()))
                .toList();
    }

    /** The first form the line fits, or why it fits none (told for the first candidate). */
    Result match(SentLine line) {
        List<Form> candidates = line.command().forms(line.kind());
        if (candidates.isEmpty()) {
            return Result.failure(
                    line.command().name() + " has no " + line.kind().keyword() + " form");
        }
        for (Form form : candidates) {
            Optional<List<FormatItem>> shape = matchingShape(line.command(), form, line.arguments());
            if (shape.isPresent()) {
                return Result.success(form, shape.get());
            }
        }
        Form first = candidates.get(0);
        String reason = first.describe() + ": " + reasonNotMatching(line.command(), first, line.arguments());
        return Result.failure(
                candidates.size() == 1
                        ? reason
                        : "it fits none of the " + candidates.size() + " "
                                + line.kind().keyword() + " forms (" + reason + ")");
    }

    private Optional<List<FormatItem>> matchingShape(Command command, Form form, List<String> arguments) {
        return form.format().shapes().stream()
                .filter(shape -> fitted(command, shape, arguments)
                        .map(fitted ->
                                reasonShapeNotMatching(command, shape, fitted).isEmpty())
                        .orElse(false))
                .findFirst();
    }

    /** Why no shape of {@code form} fits: the first mismatching argument, or the count. */
    private String reasonNotMatching(Command command, Form form, List<String> arguments) {
        for (List<FormatItem> shape : form.format().shapes()) {
            Optional<List<String>> fitted = fitted(command, shape, arguments);
            if (fitted.isPresent()) {
                return reasonShapeNotMatching(command, shape, fitted.get()).orElse("no match");
            }
        }
        int min = form.format().requiredCount();
        int max = form.format().maximumCount();
        return "expected "
                + (min == max ? Integer.toString(min) : min + " to " + max)
                + " argument"
                + (max == 1 ? "" : "s")
                + " ("
                + (form.format().isEmpty() ? "none" : form.format().toString())
                + "), found "
                + arguments.size();
    }

    /**
     * The arguments one per item of {@code shape}: as split, or, when the shape ends in a
     * {@code rest} parameter, with the commas after its start put back into its value.
     */
    private static Optional<List<String>> fitted(Command command, List<FormatItem> shape, List<String> arguments) {
        if (shape.size() == arguments.size()) {
            return Optional.of(arguments);
        }
        if (shape.isEmpty()
                || arguments.size() < shape.size()
                || !(shape.get(shape.size() - 1) instanceof FormatItem.Field last)
                || !command.parameter(last.name())
                        .map(p -> p.quoting() == Quoting.REST_OF_LINE)
                        .orElse(false)) {
            return Optional.empty();
        }
        List<String> out = new java.util.ArrayList<>(arguments.subList(0, shape.size() - 1));
        out.add(String.join(",", arguments.subList(shape.size() - 1, arguments.size())));
        return Optional.of(out);
    }

    private Optional<String> reasonShapeNotMatching(Command command, List<FormatItem> shape, List<String> arguments) {
        for (int i = 0; i < shape.size(); i++) {
            FormatItem item = shape.get(i);
            String argument = arguments.get(i);
            if (item instanceof FormatItem.Text text) {
                if (!text.text().equals(argument)) {
                    return Optional.of("expected \"" + text.text() + "\", found '" + argument + "'");
                }
                continue;
            }
            FormatItem.Field field = (FormatItem.Field) item;
            Optional<Parameter> parameter = command.parameter(field.name());
            if (parameter.isEmpty()) {
                continue; // reported where the form is declared
            }
            if (field.fixedValue().isPresent()) {
                String expected =
                        values.wireCode(parameter.get(), field.fixedValue().get());
                if (!expected.equals(WireArguments.unquoted(argument))) {
                    return Optional.of("<" + field.name() + "> must be "
                            + field.fixedValue().get().wireForm() + ", found '" + argument + "'");
                }
                continue;
            }
            Optional<String> problem = values.checkWire(parameter.get(), argument);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** The outcome of matching a line against a command's forms. */
    record Result(Optional<Form> form, List<FormatItem> shape, String reason) {
        static Result success(Form form, List<FormatItem> shape) {
            return new Result(Optional.of(form), shape, "");
        }

        static Result failure(String reason) {
            return new Result(Optional.empty(), List.of(), reason);
        }
    }
}
