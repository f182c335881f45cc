package io.atspec.grammar.check;

import io.atspec.grammar.Reporter;
import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.EnumType;
import io.atspec.grammar.model.IntRange;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.SizeRange;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Checks the parameters of one command or URC: names, types, ranges, defaults, modifiers and
 * derived lengths.
 */
final class ParameterChecks {

    private final Chapter chapter;
    private final Reporter reporter;
    private final ValueRules values;

    ParameterChecks(Chapter chapter, Reporter reporter, ValueRules values) {
        this.chapter = chapter;
        this.reporter = reporter;
        this.values = values;
    }

    /** @param owner how the command or URC is named in messages */
    void check(String owner, List<Parameter> parameters) {
        FirstSeen names = new FirstSeen(reporter, "parameter");
        for (Parameter parameter : parameters) {
            names.add(parameter.name(), parameter.location());
            checkType(parameter);
            checkModifiers(parameter);
            parameter
                    .defaultValue()
                    .ifPresent(value -> values.checkLiteral(parameter, value)
                            .ifPresent(problem -> reporter.error(
                                    value.location(),
                                    "default of parameter '" + parameter.name() + "' is invalid: " + problem)));
            parameter.derivedLengthOf().ifPresent(payload -> checkDerived(owner, parameter, payload, parameters));
        }
    }

    private void checkType(Parameter parameter) {
        ParamType type = parameter.type();
        if (type instanceof ParamType.IntType intType) {
            checkValueSet(intType.values().ranges());
            if (!intType.values().fitsLong()) {
                reporter.error(
                        intType.location(),
                        "values " + intType.values() + " of '" + parameter.name() + "' fit no Java long: a"
                                + " signed one stops at 9223372036854775807, an unsigned one (no negative value)"
                                + " at 18446744073709551615");
            }
        } else if (type instanceof ParamType.TextType text) {
            checkSize(text.size());
        } else if (type instanceof ParamType.BytesType bytes && bytes.framing() instanceof ParamType.Bounded bounded) {
            checkSize(bounded.size());
        } else if (type instanceof ParamType.EnumRef ref
                && chapter.enumNamed(ref.enumName()).isEmpty()) {
            reporter.error(
                    ref.location(),
                    "unknown type '" + ref.enumName() + "'; a parameter type is int, string, hex, path,"
                            + " bytes or a declared enum" + declaredEnums());
        }
    }

    private String declaredEnums() {
        List<String> names = chapter.enums().stream().map(EnumType::name).toList();
        return names.isEmpty() ? "" : " (" + String.join(", ", names) + ")";
    }

    void checkValueSet(List<IntRange> ranges) {
        for (int i = 0; i < ranges.size(); i++) {
            IntRange range = ranges.get(i);
            if (range.min().compareTo(range.max()) > 0) {
                reporter.error(
                        range.location(),
                        "range " + range.min() + ".." + range.max() + " is empty: its lower bound is above"
                                + " its upper bound");
                continue;
            }
            for (int j = 0; j < i; j++) {
                IntRange earlier = ranges.get(j);
                if (earlier.min().compareTo(range.max()) <= 0 && range.min().compareTo(earlier.max()) <= 0) {
                    reporter.warning(range.location(), "values " + range + " overlap " + earlier + " listed before");
                }
            }
        }
    }

    private void checkSize(SizeRange size) {
        if (size.min() < 0) {
            reporter.error(size.location(), "a size cannot be negative: " + size.min());
        }
        if (size.max().isPresent() && size.max().get() < size.min()) {
            reporter.error(
                    size.location(),
                    "size range " + size.min() + ".." + size.max().get() + " is empty: its lower bound is"
                            + " above its upper bound");
        } else if (size.max().isPresent() && size.max().get() == 0) {
            reporter.error(size.location(), "size range allows only 0 bytes: the value is always empty");
        }
    }

    private void checkModifiers(Parameter parameter) {
        boolean text = parameter.type() instanceof ParamType.TextType;
        boolean bytes = parameter.type() instanceof ParamType.BytesType;
        if (parameter.quoting() == io.atspec.grammar.model.Quoting.REST_OF_LINE) {
            boolean hex = text && ((ParamType.TextType) parameter.type()).kind() == ParamType.TextKind.HEX;
            if (!text || hex) {
                reporter.error(
                        parameter.location(),
                        "only string and path parameters can run to the end of the line ('rest'); '" + parameter.name()
                                + "' is " + describe(parameter.type()));
            }
        } else if (parameter.quoting() != io.atspec.grammar.model.Quoting.DEFAULT && !text) {
            reporter.error(
                    parameter.location(),
                    "only string, hex and path parameters can be quoted or unquoted; '" + parameter.name() + "' is "
                            + describe(parameter.type()));
        }
        if (parameter.secret() && !text && !bytes) {
            reporter.error(
                    parameter.location(),
                    "only text and bytes parameters can be secret; '" + parameter.name() + "' is "
                            + describe(parameter.type()));
        }
    }

    private void checkDerived(String owner, Parameter length, String payloadName, List<Parameter> parameters) {
        if (!(length.type() instanceof ParamType.IntType lengthType)) {
            reporter.error(
                    length.location(),
                    "derived length '" + length.name() + "' must be an int, not " + describe(length.type()));
            return;
        }
        Optional<Parameter> payload =
                parameters.stream().filter(p -> p.name().equals(payloadName)).findFirst();
        if (payload.isEmpty()) {
            reporter.error(
                    length.location(),
                    "'" + length.name() + "' is the length of '" + payloadName + "', which " + owner
                            + " does not declare");
            return;
        }
        SizeRange size;
        if (payload.get().type() instanceof ParamType.BytesType bytes
                && bytes.framing() instanceof ParamType.Bounded bounded) {
            size = bounded.size();
        } else if (payload.get().type() instanceof ParamType.TextType text) {
            // A hex value is sized in characters; its length counts the bytes they stand for.
            size = text.kind() == ParamType.TextKind.HEX
                    ? new SizeRange(
                            (text.size().min() + 1) / 2,
                            text.size().max().map(max -> max / 2),
                            text.size().location())
                    : text.size();
        } else {
            reporter.error(
                    length.location(),
                    "'" + length.name() + "' is the length of '" + payloadName + "', which is "
                            + describe(payload.get().type()) + "; a length is taken of bytes or a string");
            return;
        }
        BigInteger smallest = BigInteger.valueOf(size.min());
        BigInteger largest = BigInteger.valueOf(size.max().orElse(Long.MAX_VALUE));
        boolean satisfiable = lengthType.values().isUnbounded()
                ? smallest.compareTo(largest) <= 0
                : lengthType.values().ranges().stream()
                        .anyMatch(r -> r.min().max(smallest).compareTo(r.max().min(largest)) <= 0);
        if (!satisfiable) {
            reporter.error(
                    length.location(),
                    "derived length '" + length.name() + "' allows " + lengthType.values() + " but '" + payloadName
                            + "' is " + size + ": no payload can satisfy both");
        }
    }

    static String describe(ParamType type) {
        if (type instanceof ParamType.IntType) {
            return "an int";
        }
        if (type instanceof ParamType.TextType text) {
            return "a " + text.kind().name().toLowerCase(java.util.Locale.ROOT);
        }
        if (type instanceof ParamType.BytesType) {
            return "a bytes payload";
        }
        return "enum " + ((ParamType.EnumRef) type).enumName();
    }
}
