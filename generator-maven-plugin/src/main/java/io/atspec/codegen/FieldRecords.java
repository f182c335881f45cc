package io.atspec.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import io.atspec.grammar.link.LinkedParameter;
import io.atspec.grammar.model.Format;
import io.atspec.grammar.model.FormatItem;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records read from the wire, for responses and URCs alike: one component per field of any of
 * their shapes, optional unless every shape has it, and the parse branches that fill them.
 */
final class FieldRecords {

    /** A record component. */
    record Field(Parameter parameter, boolean optional) {
        String javaName() {
            return Names.camel(parameter.name());
        }

        boolean isPayload() {
            return parameter.type() instanceof ParamType.BytesType;
        }
    }

    private final Types types;

    FieldRecords(Types types) {
        this.types = types;
    }

    /** The union of the fields of every shape of {@code formats}, in first-seen order. */
    List<Field> fields(List<Format> formats, Map<String, LinkedParameter> parameters) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        int shapes = 0;
        for (Format format : formats) {
            for (List<FormatItem> shape : format.shapes()) {
                shapes++;
                for (FormatItem item : shape) {
                    if (item instanceof FormatItem.Field field
                            && field.fixedValue().isEmpty()) {
                        seen.merge(field.name(), 1, Integer::sum);
                    }
                }
            }
        }
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : seen.entrySet()) {
            Parameter parameter = parameters.get(entry.getKey()).source();
            fields.add(new Field(parameter, entry.getValue() < shapes || parameter.optional()));
        }
        return fields;
    }

    TypeName componentType(Field field) {
        TypeName type = types.fieldType(field.parameter());
        return field.optional() ? Types.optional(type) : type;
    }

    /**
     * A shape family: a report or response format, the record its lines become and that record's
     * components.
     */
    record Variant(Format format, com.palantir.javapoet.ClassName record, List<Field> fields) {}

    /** A shape of a variant, and how many fixed items tell it apart. */
    private record Branch(Variant variant, List<FormatItem> shape, long fixedItems) {}

    /**
     * One {@code if} per shape: when the fields fit it, return a new record. Shapes with fixed
     * values are tried first, and in them int ranges are checked, so that {@code 0,1001} is the
     * error shape {@code <stat=0>,<errcode>} while {@code 0,1} is a result. {@code payload} is the
     * expression of the framed bytes (a URC's payload), or null for responses.
     */
    void addShapeBranches(MethodSpec.Builder method, List<Variant> variants, String payload) {
        List<Branch> branches = new ArrayList<>();
        for (Variant variant : variants) {
            for (List<FormatItem> shape : variant.format().shapes()) {
                long fixed = shape.stream()
                        .filter(i -> i instanceof FormatItem.Text
                                || i instanceof FormatItem.Field f
                                        && f.fixedValue().isPresent())
                        .count();
                branches.add(new Branch(variant, shape, fixed));
            }
        }
        branches.sort(
                java.util.Comparator.comparingLong((Branch b) -> b.fixedItems()).reversed());
        for (Branch branch : branches) {
            addBranch(method, branch.variant().record(), branch.variant().fields(), branch, payload);
        }
    }

    private void addBranch(
            MethodSpec.Builder method,
            com.palantir.javapoet.ClassName record,
            List<Field> fields,
            Branch branch,
            String payload) {
        List<FormatItem> shape = branch.shape();
        List<CodeBlock> conditions = new ArrayList<>();
        Optional<Integer> payloadAt = payloadIndex(shape, fields);
        boolean raw = payloadAt.isPresent() && isRaw(fields, shape.get(payloadAt.get()));
        // Raw text runs from the next line: the header itself has no field.
        conditions.add(CodeBlock.of("fields.size() == $L", raw ? shape.size() - 1 : shape.size()));
        if (payloadAt.isPresent()) {
            conditions.add(CodeBlock.of("$L != null", payload));
        }
        for (int i = 0; i < shape.size(); i++) {
            FormatItem item = shape.get(i);
            if (item instanceof FormatItem.Text text) {
                conditions.add(CodeBlock.of("fields.matches($L, $S)", i, text.text()));
            } else if (item instanceof FormatItem.Field field
                    && field.fixedValue().isPresent()) {
                conditions.add(CodeBlock.of(
                        "fields.matches($L, $S)", i, field.fixedValue().get().text()));
            }
        }
        boolean strict = branch.fixedItems() > 0;
        List<CodeBlock> arguments = new ArrayList<>();
        for (Field field : fields) {
            int index = indexOf(shape, field.parameter().name());
            if (index < 0) {
                arguments.add(empty(field));
            } else if (field.isPayload() && payload != null) {
                arguments.add(
                        field.optional()
                                ? CodeBlock.of("$T.of($L)", Optional.class, payload)
                                : CodeBlock.of("$L", payload));
            } else {
                arguments.add(read(field, index, strict));
            }
        }
        CodeBlock create = CodeBlock.of(
                "return new $T($L)", record, arguments.isEmpty() ? CodeBlock.of("") : CodeBlock.join(arguments, ",$W"));
        method.beginControlFlow("if ($L)", CodeBlock.join(conditions, " &&$W"));
        if (strict
                && arguments.stream()
                        .anyMatch(a -> a.toString().matches("(?s).*\\.(integerIn|longIn|unsignedLongIn)\\(.*"))) {
            method.beginControlFlow("try")
                    .addStatement(create)
                    .nextControlFlow("catch ($T otherShape)", Types.WIRE_PARSE_EXCEPTION)
                    .addComment("A value outside this shape's range: the line has another shape.")
                    .endControlFlow();
        } else {
            method.addStatement(create);
        }
        method.endControlFlow();
    }

    private boolean isRaw(List<Field> fields, FormatItem item) {
        return item instanceof FormatItem.Field field
                && fields.stream()
                        .filter(f -> f.parameter().name().equals(field.name()))
                        .anyMatch(f -> f.parameter().type() instanceof ParamType.BytesType bytes
                                && bytes.framing() instanceof ParamType.UntilUrc);
    }

    private static Optional<Integer> payloadIndex(List<FormatItem> shape, List<Field> fields) {
        for (int i = 0; i < shape.size(); i++) {
            if (shape.get(i) instanceof FormatItem.Field field) {
                boolean payload =
                        fields.stream().anyMatch(f -> f.parameter().name().equals(field.name()) && f.isPayload());
                if (payload) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    private CodeBlock read(Field field, int index, boolean strict) {
        Parameter parameter = field.parameter();
        if (strict
                && !parameter.optional()
                && parameter.type() instanceof ParamType.IntType intType
                && !intType.values().isUnbounded()) {
            CodeBlock checked = CodeBlock.of(
                    "fields.$L($L, $S, $S$L)",
                    Types.intReader(intType.values().width(), "In"),
                    index,
                    parameter.name(),
                    intType.values().toString(),
                    Types.bounds(intType.values()));
            return field.optional() ? CodeBlock.of("$T.of($L)", optionalClass(field), checked) : checked;
        }
        if (!field.optional()) {
            return types.readField(parameter, "fields", index);
        }
        if (parameter.type() instanceof ParamType.IntType intType) {
            return CodeBlock.of(
                    "fields.$L($L, $S)",
                    Types.intReader(intType.values().width(), "optional"),
                    index,
                    parameter.name());
        }
        if (parameter.type() instanceof ParamType.EnumRef ref) {
            return CodeBlock.of(
                    "fields.optionalText($L, $S).map(code -> $T.of(code, $T.values()))",
                    index,
                    parameter.name(),
                    Types.CODED,
                    types.local(ref.enumName()));
        }
        if (parameter.type() instanceof ParamType.BytesType) {
            return CodeBlock.of(
                    "fields.optionalText($L, $S).map(text -> text.getBytes($T.UTF_8))",
                    index,
                    parameter.name(),
                    java.nio.charset.StandardCharsets.class);
        }
        return CodeBlock.of("fields.optionalText($L, $S)", index, parameter.name());
    }

    private CodeBlock empty(Field field) {
        return CodeBlock.of("$T.empty()", optionalClass(field));
    }

    /** {@code OptionalInt}, {@code OptionalLong} or {@code Optional}, as the field's type needs. */
    private Class<?> optionalClass(Field field) {
        TypeName type = types.fieldType(field.parameter());
        if (type.equals(TypeName.INT)) {
            return java.util.OptionalInt.class;
        }
        return type.equals(TypeName.LONG) ? java.util.OptionalLong.class : Optional.class;
    }

    private static int indexOf(List<FormatItem> shape, String name) {
        for (int i = 0; i < shape.size(); i++) {
            if (shape.get(i) instanceof FormatItem.Field field && field.name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The components as a {@code toString} shows them, after {@code leading} (a URC's report
     * name); empty when the record's own {@code toString} shows them as well.
     */
    Optional<MethodSpec> toStringMethod(String label, List<ToStringMethod.Component> leading, List<Field> fields) {
        List<ToStringMethod.Component> shown = new ArrayList<>(leading);
        for (Field field : fields) {
            shown.add(new ToStringMethod.Component(
                    field.javaName(),
                    ToStringMethod.Holder.of(field.optional(), types.fieldType(field.parameter())),
                    field.isPayload(),
                    field.parameter().secret(),
                    ToStringMethod.unsigned(field.parameter())));
        }
        // A nested shape's record names its family (HttpRecv.Framed[...]), which a record's own cannot.
        return ToStringMethod.needed(shown) || label.contains(".")
                ? Optional.of(ToStringMethod.of(label, shown))
                : Optional.empty();
    }

    /**
     * The statement that refuses a line ({@code line}) of no known shape: it quotes the line,
     * unless a field of the record is a secret, which the line may carry.
     */
    CodeBlock shapeError(com.palantir.javapoet.ClassName record, List<Field> fields, String expected) {
        List<String> secrets = fields.stream()
                .filter(f -> f.parameter().secret())
                .map(f -> "<" + f.parameter().name() + ">")
                .toList();
        if (secrets.isEmpty()) {
            return CodeBlock.of(
                    "throw new $T($S + line$W+ $S)",
                    Types.WIRE_PARSE_EXCEPTION,
                    "cannot read '",
                    "' as " + record.simpleName() + expected);
        }
        return CodeBlock.of(
                "throw new $T($S)",
                Types.WIRE_PARSE_EXCEPTION,
                "cannot read a line as " + record.simpleName() + " (not shown: it may carry the secret "
                        + String.join(", ", secrets) + ")" + expected);
    }

    /** Javadoc line of a component. */
    String describe(Field field) {
        String text =
                Docs.escape(field.parameter().description()) + " (" + types.describeRange(field.parameter()) + ")";
        if (field.parameter().type() instanceof ParamType.EnumRef) {
            // Received codes are kept, not refused: say what an unlisted one becomes.
            text += "; a code the spec does not list arrives as a {@code Coded} without a value";
        }
        return text;
    }

    /**
     * {@code stateIs(LinkState.UP)} for every enum field: one typed test that is false for an
     * absent field and for a code the spec does not list, so callers need neither unwrap the
     * {@code Optional} nor compare code strings.
     */
    List<MethodSpec> codedTests(List<Field> fields) {
        List<MethodSpec> tests = new ArrayList<>();
        for (Field field : fields) {
            if (!(field.parameter().type() instanceof ParamType.EnumRef ref)) {
                continue;
            }
            String name = field.javaName();
            MethodSpec.Builder test = MethodSpec.methodBuilder(name + "Is")
                    .addJavadoc(
                            "Whether {@code $L} $L {@code constant}.\n\n",
                            name,
                            field.optional() ? "came and is" : "is")
                    .addJavadoc("@param constant the value to test for\n")
                    .addJavadoc(
                            "@return true when it is that constant; false $Lfor a code the spec does not list\n",
                            field.optional() ? "when absent and " : "")
                    .addModifiers(javax.lang.model.element.Modifier.PUBLIC)
                    .addParameter(types.local(ref.enumName()), "constant")
                    .returns(boolean.class);
            if (field.optional()) {
                test.addStatement("return $L.filter(c -> c.is(constant)).isPresent()", name);
            } else {
                test.addStatement("return $L.is(constant)", name);
            }
            tests.add(test.build());
        }
        return tests;
    }
}
