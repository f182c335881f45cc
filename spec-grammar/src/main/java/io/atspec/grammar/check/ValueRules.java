package io.atspec.grammar.check;

import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.EnumConstant;
import io.atspec.grammar.model.EnumType;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.Value;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether a value fits a parameter: used for defaults and fixed values in the spec, and for
 * the arguments of example lines. Each check answers with the problem in words, or empty.
 */
final class ValueRules {

    private final Chapter chapter;

    ValueRules(Chapter chapter) {
        this.chapter = chapter;
    }

    /** A literal written in the spec (a default or a discriminator) against its parameter. */
    Optional<String> checkLiteral(Parameter parameter, Value value) {
        if (parameter.type() instanceof ParamType.EnumRef ref) {
            Optional<EnumType> type = chapter.enumNamed(ref.enumName());
            if (type.isEmpty()) {
                return Optional.empty(); // the unknown enum is reported once, at the parameter
            }
            if (type.get().constant(value.text()).isEmpty()) {
                return Optional.of("'" + value.text() + "' is not a constant of enum "
                        + type.get().name() + " (" + codes(type.get()) + ")");
            }
            return Optional.empty();
        }
        return checkWire(parameter, value.wireForm());
    }

    /**
     * An argument as it appears on the wire (quotes included, spaces removed) against its
     * parameter. Parsers are lenient about quotes (modules accept both), strict about content.
     */
    Optional<String> checkWire(Parameter parameter, String argument) {
        if (argument.isEmpty()) {
            return parameter.optional() ? Optional.empty() : Optional.of("<" + parameter.name() + "> is empty");
        }
        ParamType type = parameter.type();
        if (type instanceof ParamType.IntType intType) {
            Optional<BigInteger> number = parseInteger(argument);
            if (number.isEmpty()) {
                return Optional.of("<" + parameter.name() + "> must be an integer, found '" + argument + "'");
            }
            if (!intType.values().contains(number.get())) {
                return Optional.of("<" + parameter.name() + "> = " + number.get() + " is outside " + intType.values());
            }
            return Optional.empty();
        }
        if (type instanceof ParamType.EnumRef ref) {
            Optional<EnumType> enumType = chapter.enumNamed(ref.enumName());
            if (enumType.isEmpty()) {
                return Optional.empty();
            }
            String code = WireArguments.unquoted(argument);
            boolean known =
                    enumType.get().constants().stream().anyMatch(c -> c.code().equals(code));
            return known
                    ? Optional.empty()
                    : Optional.of(
                            "<" + parameter.name() + "> = " + argument + " is not one of " + codes(enumType.get()));
        }
        if (type instanceof ParamType.TextType text) {
            String content = WireArguments.unquoted(argument);
            if (text.kind() == ParamType.TextKind.HEX && !content.matches("[0-9A-Fa-f]*")) {
                return Optional.of("<" + parameter.name() + "> must be hexadecimal, found '" + content + "'");
            }
            long bytes = content.getBytes(StandardCharsets.UTF_8).length;
            if (!text.size().contains(bytes)) {
                return Optional.of("<" + parameter.name() + "> is " + bytes + " bytes long; allowed: " + text.size());
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** An integer of any size, as a 64-bit range (signed or unsigned) is checked against it. */
    static Optional<BigInteger> parseInteger(String text) {
        if (!text.matches("-?[0-9]{1,40}")) {
            return Optional.empty();
        }
        return Optional.of(new BigInteger(text));
    }

    static Optional<Long> parseInt(String text) {
        if (!text.matches("-?[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }

    static String codes(EnumType type) {
        return String.join(
                ", ", type.constants().stream().map(EnumConstant::wireForm).toList());
    }

    /** Whether two fixed values name the same wire code (a code and its Java name are one). */
    boolean sameCode(Parameter parameter, Value a, Value b) {
        return wireCode(parameter, a).equals(wireCode(parameter, b));
    }

    /** The wire code a fixed value stands for: an enum's Java name becomes its code. */
    String wireCode(Parameter parameter, Value value) {
        if (parameter.type() instanceof ParamType.EnumRef ref) {
            Optional<EnumConstant> constant = chapter.enumNamed(ref.enumName()).flatMap(e -> e.constant(value.text()));
            if (constant.isPresent()) {
                return constant.get().code();
            }
        }
        return value.text();
    }
}
