package io.atspec.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.atspec.grammar.link.LinkedChapter;
import io.atspec.grammar.link.LinkedParameter;
import io.atspec.grammar.model.CodeKind;
import io.atspec.grammar.model.EnumConstant;
import io.atspec.grammar.model.EnumType;
import io.atspec.grammar.model.IntRange;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.Quoting;
import io.atspec.grammar.model.SizeRange;
import io.atspec.grammar.model.Value;
import io.atspec.grammar.model.ValueSet;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How each spec type is written in Java, checked before sending, formatted on the wire and
 * read back from it. The one place that knows the mapping, so requests, responses and URCs
 * agree.
 */
final class Types {

    static final String RUNTIME = "io.atspec.runtime";
    static final String BIND = "io.atspec.runtime.bind";
    static final ClassName ARGUMENTS = ClassName.get(BIND, "Arguments");
    static final ClassName FIELDS = ClassName.get(BIND, "Fields");
    static final ClassName CODED = ClassName.get(BIND, "Coded");
    static final ClassName WIRE_PARSE_EXCEPTION = ClassName.get(BIND, "WireParseException");
    static final ClassName AT_COMMAND = ClassName.get(RUNTIME, "AtCommand");
    static final ClassName AT_RESPONSE = ClassName.get(RUNTIME, "AtResponse");
    static final ClassName URC = ClassName.get(RUNTIME, "Urc");
    static final ClassName OPTIONAL = ClassName.get(Optional.class);
    static final ClassName OPTIONAL_INT = ClassName.get(OptionalInt.class);
    static final ClassName OPTIONAL_LONG = ClassName.get(java.util.OptionalLong.class);
    static final TypeName BYTES = ArrayTypeName.of(TypeName.BYTE);
    static final TypeName STRING = ClassName.get(String.class);

    private final String javaPackage;
    private final io.atspec.grammar.model.Chapter chapter;
    /** The enum each enum-typed parameter of the chapter resolved to, from the linked model. */
    private final java.util.Map<Parameter, EnumType> enums = new java.util.HashMap<>();

    Types(LinkedChapter chapter) {
        this.javaPackage = chapter.javaPackage();
        this.chapter = chapter.source();
        java.util.stream.Stream.concat(
                        chapter.commands().stream().flatMap(c -> c.parameters().values().stream()),
                        chapter.urcs().stream().flatMap(u -> u.parameters().values().stream()))
                .forEach(this::remember);
        chapter.commands().forEach(c -> parameters.put(c.source(), c.parameters()));
        chapter.urcs().forEach(u -> parameters.put(u.source(), u.parameters()));
    }

    /** The record of shape {@code shapeName} inside the sealed interface {@code owner}. */
    ClassName shapeRecord(ClassName owner, String shapeName) {
        return owner.nestedClass(io.atspec.grammar.link.ChapterNames.shapeRecordName(chapter, shapeName));
    }

    /** The parameters of each command and URC, as the linker resolved them. */
    private final java.util.Map<Object, java.util.Map<String, LinkedParameter>> parameters =
            new java.util.IdentityHashMap<>();

    /**
     * The parameter a field of {@code command}'s formats names. The linker resolved every field
     * (the checker refused the spec otherwise), so this is never missing.
     */
    Parameter parameter(io.atspec.grammar.model.Command command, String field) {
        return parameters.get(command).get(field).source();
    }

    /** The parameters of {@code command}, by name, types resolved. */
    java.util.Map<String, LinkedParameter> parameters(io.atspec.grammar.model.Command command) {
        return parameters.get(command);
    }

    private void remember(LinkedParameter parameter) {
        parameter.enumType().ifPresent(e -> enums.put(parameter.source(), e));
    }

    ClassName local(String simpleName) {
        return ClassName.get(javaPackage, simpleName);
    }

    Optional<EnumType> enumOf(Parameter parameter) {
        return Optional.ofNullable(enums.get(parameter));
    }

    /** The type a user passes for a request parameter. */
    TypeName requestType(Parameter parameter) {
        ParamType type = parameter.type();
        if (type instanceof ParamType.IntType intType) {
            return intType.values().width() == ValueSet.Width.INT ? TypeName.INT : TypeName.LONG;
        }
        if (type instanceof ParamType.EnumRef ref) {
            return local(ref.enumName());
        }
        if (type instanceof ParamType.BytesType) {
            return BYTES;
        }
        return STRING;
    }

    /** The type a parsed response or URC field has: enums keep unknown codes. */
    TypeName fieldType(Parameter parameter) {
        if (parameter.type() instanceof ParamType.EnumRef ref) {
            return ParameterizedTypeName.get(CODED, local(ref.enumName()));
        }
        return requestType(parameter);
    }

    /** {@code T} made optional: {@code OptionalInt} / {@code OptionalLong} for ints, {@code Optional<T>} otherwise. */
    static TypeName optional(TypeName type) {
        if (type.equals(TypeName.INT)) {
            return OPTIONAL_INT;
        }
        if (type.equals(TypeName.LONG)) {
            return OPTIONAL_LONG;
        }
        return ParameterizedTypeName.get(OPTIONAL, type.isPrimitive() ? type.box() : type);
    }

    /**
     * A statement that checks {@code value} (an expression of the request type) and throws
     * with command, parameter, value and range when it does not fit; empty when any value fits
     * (an enum constant always does; null is refused where the record is built).
     */
    CodeBlock check(Parameter parameter, String value) {
        ParamType type = parameter.type();
        if (type instanceof ParamType.IntType intType && !intType.values().isUnbounded()) {
            return CodeBlock.of(
                    "$T.$L(NAME, $S, $L, $S$L)",
                    ARGUMENTS,
                    switch (intType.values().width()) {
                        case INT -> "intIn";
                        case LONG -> "longIn";
                        case UNSIGNED_LONG -> "unsignedLongIn";
                    },
                    parameter.name(),
                    value,
                    intType.values().toString(),
                    bounds(intType.values()));
        }
        if (type instanceof ParamType.TextType || type instanceof ParamType.BytesType) {
            return CodeBlock.of("$L", wire(parameter, value));
        }
        return CodeBlock.of("");
    }

    /** An expression giving the wire text of {@code value}, checked on the way. */
    CodeBlock wire(Parameter parameter, String value) {
        ParamType type = parameter.type();
        if (type instanceof ParamType.IntType intType) {
            return switch (intType.values().width()) {
                case INT -> CodeBlock.of("$T.toString($L)", Integer.class, value);
                case LONG -> CodeBlock.of("$T.toString($L)", Long.class, value);
                case UNSIGNED_LONG -> CodeBlock.of("$T.toUnsignedString($L)", Long.class, value);
            };
        }
        if (type instanceof ParamType.EnumRef) {
            Optional<EnumType> enumType = enumOf(parameter);
            boolean quoted = enumType.map(e -> e.constants().stream().anyMatch(c -> c.kind() == CodeKind.QUOTED))
                    .orElse(false);
            return quoted ? CodeBlock.of("'\"' + $L.code() + '\"'", value) : CodeBlock.of("$L.code()", value);
        }
        if (type instanceof ParamType.TextType text) {
            String method = text.kind() == ParamType.TextKind.HEX ? "hex" : "text";
            if (method.equals("hex")) {
                return CodeBlock.of(
                        "$T.hex(NAME, $S, $L, $LL, $LL, $L)",
                        ARGUMENTS,
                        parameter.name(),
                        value,
                        text.size().min(),
                        max(text.size()),
                        parameter.quoting().isQuoted());
            }
            if (parameter.quoting() == Quoting.REST_OF_LINE) {
                // The last field, read to the end of the line: its commas need no quoting.
                return CodeBlock.of(
                        "$T.text(NAME, $S, $L, $LL, $LL, false, $L, true)",
                        ARGUMENTS,
                        parameter.name(),
                        value,
                        text.size().min(),
                        max(text.size()),
                        parameter.secret());
            }
            return CodeBlock.of(
                    "$T.text(NAME, $S, $L, $LL, $LL, $L, $L)",
                    ARGUMENTS,
                    parameter.name(),
                    value,
                    text.size().min(),
                    max(text.size()),
                    parameter.quoting().isQuoted(),
                    parameter.secret());
        }
        // A payload inside a command line travels as text.
        return CodeBlock.of(
                "$T.text(NAME, $S, new $T($L, $T.UTF_8), 0L, -1L, false, $L)",
                ARGUMENTS,
                parameter.name(),
                String.class,
                value,
                java.nio.charset.StandardCharsets.class,
                parameter.secret());
    }

    /** An expression reading field {@code index} of {@code fields} (a {@code Fields}) as the request type. */
    CodeBlock read(Parameter parameter, String fields, int index) {
        ParamType type = parameter.type();
        if (type instanceof ParamType.IntType intType) {
            return CodeBlock.of(
                    "$L.$L($L, $S)", fields, intReader(intType.values().width(), ""), index, parameter.name());
        }
        if (type instanceof ParamType.EnumRef ref) {
            return CodeBlock.of("$T.of($L.text($L, $S))", local(ref.enumName()), fields, index, parameter.name());
        }
        if (type instanceof ParamType.BytesType) {
            return CodeBlock.of(
                    "$L.text($L, $S).getBytes($T.UTF_8)",
                    fields,
                    index,
                    parameter.name(),
                    java.nio.charset.StandardCharsets.class);
        }
        return CodeBlock.of("$L.text($L, $S)", fields, index, parameter.name());
    }

    /** Reads a field as the response/URC field type: enums become {@code Coded}. */
    CodeBlock readField(Parameter parameter, String fields, int index) {
        if (parameter.type() instanceof ParamType.EnumRef ref) {
            return CodeBlock.of(
                    "$T.of($L.text($L, $S), $T.values())",
                    CODED,
                    fields,
                    index,
                    parameter.name(),
                    local(ref.enumName()));
        }
        return read(parameter, fields, index);
    }

    /** The wire code a fixed value stands for (an enum's Java name becomes its code), as sent. */
    String fixedWire(Parameter parameter, Value value) {
        Optional<EnumType> enumType = enumOf(parameter);
        if (enumType.isPresent()) {
            Optional<EnumConstant> constant = enumType.get().constant(value.text());
            if (constant.isPresent()) {
                return constant.get().wireForm();
            }
        }
        return value.wireForm();
    }

    /** The fixed value as a parser compares it: without quotes. */
    String fixedCode(Parameter parameter, Value value) {
        String wire = fixedWire(parameter, value);
        return wire.length() >= 2 && wire.startsWith("\"") && wire.endsWith("\"")
                ? wire.substring(1, wire.length() - 1)
                : wire;
    }

    /**
     * The bounds as {@code long} literals; an unsigned bound above {@link Long#MAX_VALUE} is its
     * bit pattern ({@code -1L} for 18446744073709551615), which the unsigned checks compare so.
     */
    static String bounds(ValueSet values) {
        StringBuilder out = new StringBuilder();
        for (IntRange range : values.ranges()) {
            out.append(", ")
                    .append(range.min().longValue())
                    .append("L, ")
                    .append(range.max().longValue())
                    .append('L');
        }
        return out.toString();
    }

    /**
     * The {@code Fields} method reading an int field of {@code width}: {@code integer},
     * {@code longInteger}, {@code unsignedLong}; {@code kind} is "" for a plain read, "In" for a
     * range-checked one, "optional" for an optional one.
     */
    static String intReader(ValueSet.Width width, String kind) {
        return switch (kind) {
            case "In" ->
                switch (width) {
                    case INT -> "integerIn";
                    case LONG -> "longIn";
                    case UNSIGNED_LONG -> "unsignedLongIn";
                };
            case "optional" ->
                switch (width) {
                    case INT -> "optionalInteger";
                    case LONG -> "optionalLong";
                    case UNSIGNED_LONG -> "optionalUnsignedLong";
                };
            default ->
                switch (width) {
                    case INT -> "integer";
                    case LONG -> "longInteger";
                    case UNSIGNED_LONG -> "unsignedLong";
                };
        };
    }

    static long max(SizeRange size) {
        return size.max().orElse(-1L);
    }

    /** Words for the allowed values of a parameter, for Javadoc. */
    String describeRange(Parameter parameter) {
        ParamType type = parameter.type();
        if (type instanceof ParamType.IntType intType) {
            if (intType.values().width() == ValueSet.Width.UNSIGNED_LONG) {
                return "unsigned 64-bit integer, " + intType.values() + ", held in a {@code long} read with"
                        + " {@link Long#parseUnsignedLong}: show it with {@link Long#toUnsignedString(long)}";
            }
            return intType.values().isUnbounded() ? "integer" : "integer, " + intType.values();
        }
        if (type instanceof ParamType.EnumRef ref) {
            return "one of {@link " + ref.enumName() + "}";
        }
        if (type instanceof ParamType.TextType text) {
            boolean unbounded = text.size().min() == 0 && text.size().max().isEmpty();
            String bounds = text.kind() == ParamType.TextKind.HEX && !unbounded
                    ? text.size().describe("hex characters")
                    : text.kind().name().toLowerCase(java.util.Locale.ROOT) + ", " + text.size();
            return bounds
                    + (parameter.quoting().isQuoted() ? ", quoted" : "")
                    + (parameter.quoting() == Quoting.REST_OF_LINE ? ", to the end of the line (commas allowed)" : "")
                    + (parameter.secret() ? ", secret (never logged)" : "");
        }
        return "bytes";
    }
}
