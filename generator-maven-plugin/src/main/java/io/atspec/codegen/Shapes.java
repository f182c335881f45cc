package io.atspec.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.atspec.grammar.link.LinkedCommand;
import io.atspec.grammar.link.LinkedForm;
import io.atspec.grammar.link.LinkedParameter;
import io.atspec.grammar.link.LinkedUrc;
import io.atspec.grammar.model.Format;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.ResponseFormat;
import io.atspec.grammar.model.UrcReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javax.lang.model.element.Modifier;

/**
 * The shapes of a URC or of a form's response, the one place that decides what type each line
 * becomes: one shape is one record (the URC or response itself); several named shapes are one
 * record each inside a sealed interface ({@code HttpRecv.Framed}), whose fields are those of that
 * shape alone, so a field the shape always carries is never {@code Optional}.
 *
 * @param owner the URC's or response's type: the record, or the sealed interface
 * @param shapes the records, in the order of the spec
 */
record Shapes(ClassName owner, List<Shape> shapes) {

    /**
     * One shape.
     *
     * @param record its record
     * @param wire how its line reads, prefix included: {@code +HTTPRECV: <length>,<data>}
     * @param prefix the prefix of its line, colon included
     * @param format what follows the prefix
     * @param fields its components
     */
    record Shape(ClassName record, String wire, String prefix, Format format, List<FieldRecords.Field> fields) {}

    static Shapes of(Types types, LinkedUrc urc) {
        FieldRecords records = new FieldRecords(types);
        ClassName owner = types.local(urc.javaName());
        List<UrcReport> reports = urc.source().reports();
        if (reports.size() <= 1) {
            List<Format> formats = reports.stream().map(UrcReport::format).toList();
            String wire = urc.prefix()
                    + reports.stream().map(r -> ": " + r.format()).findFirst().orElse("");
            return new Shapes(
                    owner,
                    List.of(new Shape(
                            owner,
                            wire,
                            urc.prefix() + ":",
                            formats.isEmpty() ? null : formats.get(0),
                            records.fields(formats, urc.parameters()))));
        }
        List<Shape> shapes = new ArrayList<>();
        for (UrcReport report : reports) {
            shapes.add(new Shape(
                    types.shapeRecord(owner, report.name().orElseThrow()),
                    urc.prefix() + ": " + report.format(),
                    urc.prefix() + ":",
                    report.format(),
                    records.fields(List.of(report.format()), urc.parameters())));
        }
        return new Shapes(owner, shapes);
    }

    static Shapes of(Types types, LinkedCommand command, LinkedForm form) {
        return of(types, command.parameters(), form);
    }

    static Shapes of(Types types, Map<String, LinkedParameter> parameters, LinkedForm form) {
        FieldRecords records = new FieldRecords(types);
        ClassName owner = ResponseWriter.name(types, form);
        List<ResponseFormat> responses = form.source().responses();
        if (responses.size() == 1) {
            ResponseFormat only = responses.get(0);
            return new Shapes(
                    owner,
                    List.of(new Shape(
                            owner,
                            only.wirePrefix() + " " + only.format(),
                            only.wirePrefix(),
                            only.format(),
                            records.fields(List.of(only.format()), parameters))));
        }
        List<Shape> shapes = new ArrayList<>();
        for (ResponseFormat response : responses) {
            shapes.add(new Shape(
                    types.shapeRecord(owner, response.name().orElseThrow()),
                    response.wirePrefix() + " " + response.format(),
                    response.wirePrefix(),
                    response.format(),
                    records.fields(List.of(response.format()), parameters)));
        }
        return new Shapes(owner, shapes);
    }

    /** Whether the lines have several shapes, so {@link #owner} is a sealed interface. */
    boolean several() {
        return shapes.size() > 1;
    }

    /** Every field of any shape, once, in first-seen order: the fields a line may carry. */
    List<FieldRecords.Field> allFields() {
        Map<String, FieldRecords.Field> all = new LinkedHashMap<>();
        for (Shape shape : shapes) {
            for (FieldRecords.Field field : shape.fields()) {
                all.merge(
                        field.parameter().name(),
                        field,
                        (a, b) -> new FieldRecords.Field(a.parameter(), a.optional() || b.optional()));
            }
        }
        return new ArrayList<>(all.values());
    }

    /**
     * The fields every shape has, with the same type: the sealed interface declares their
     * accessors, so a caller reads {@code link()} without asking for the shape.
     */
    List<FieldRecords.Field> commonFields() {
        List<FieldRecords.Field> common = new ArrayList<>();
        for (FieldRecords.Field field : shapes.get(0).fields()) {
            boolean everywhere = shapes.stream()
                    .allMatch(s -> s.fields().stream()
                            .anyMatch(
                                    f -> f.parameter().equals(field.parameter()) && f.optional() == field.optional()));
            if (everywhere) {
                common.add(field);
            }
        }
        return common;
    }

    /**
     * A test of the value in {@code variable} (of the {@link #owner} type) on {@code field}:
     * {@code test} gets the expression of a record that has the field and whether it is optional
     * there. For several shapes it is asked of each shape that has the field, through an {@code
     * instanceof} pattern; a line of a shape without the field fails the test.
     */
    CodeBlock test(String variable, Parameter field, BiFunction<String, Boolean, CodeBlock> test) {
        if (!several()) {
            boolean optional = shapes.get(0).fields().stream()
                    .filter(f -> f.parameter().equals(field))
                    .anyMatch(FieldRecords.Field::optional);
            return test.apply(variable, optional);
        }
        List<CodeBlock> alternatives = new ArrayList<>();
        int n = 0;
        for (Shape shape : shapes) {
            for (FieldRecords.Field f : shape.fields()) {
                if (f.parameter().equals(field)) {
                    String bound = variable + "Shape" + n++;
                    alternatives.add(CodeBlock.of(
                            "($L instanceof $T $L && $L)",
                            variable,
                            shape.record(),
                            bound,
                            test.apply(bound, f.optional())));
                }
            }
        }
        return alternatives.isEmpty() ? CodeBlock.of("false") : CodeBlock.join(alternatives, "$W|| ");
    }

    /**
     * The sealed interface's own members: an accessor per {@link #commonFields common field} and
     * a typed test per enum field of any shape ({@code stateIs(LinkState.UP)}), which each record
     * answers (false where its shape has no such field).
     */
    List<MethodSpec> interfaceMethods(Types types) {
        FieldRecords records = new FieldRecords(types);
        List<MethodSpec> methods = new ArrayList<>();
        for (FieldRecords.Field field : commonFields()) {
            methods.add(MethodSpec.methodBuilder(field.javaName())
                    .addJavadoc("The field every shape carries.\n\n")
                    .addJavadoc("@return $L\n", records.describe(field))
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .returns(records.componentType(field))
                    .build());
        }
        for (FieldRecords.Field field : enumFields()) {
            methods.add(MethodSpec.methodBuilder(field.javaName() + "Is")
                    .addJavadoc("Whether the line carries {@code $L} and it is {@code constant}.\n\n", field.javaName())
                    .addJavadoc("@param constant the value to test for\n")
                    .addJavadoc("@return true when it is that constant; false for a shape without it and for a code the"
                            + " spec does not list\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .addParameter(enumType(types, field), "constant")
                    .returns(boolean.class)
                    .build());
        }
        return methods;
    }

    /** The enum tests a shape's record has for the enum fields its shape lacks: always false. */
    List<MethodSpec> absentTests(Types types, Shape shape) {
        List<MethodSpec> tests = new ArrayList<>();
        for (FieldRecords.Field field : enumFields()) {
            boolean has = shape.fields().stream().anyMatch(f -> f.parameter().equals(field.parameter()));
            if (has) {
                continue;
            }
            MethodSpec.Builder test = MethodSpec.methodBuilder(field.javaName() + "Is")
                    .addModifiers(Modifier.PUBLIC)
                    .addParameter(enumType(types, field), "constant")
                    .returns(boolean.class);
            java.util.Optional<String> fixed =
                    fixedValue(shape, field.parameter().name());
            if (fixed.isPresent()) {
                // <stat=0>: the line carries the field, always with this code.
                test.addJavadoc(
                                "Whether {@code $L}, always {@code $L} in this shape, is {@code constant}.\n\n",
                                field.javaName(),
                                fixed.get())
                        .addJavadoc("@param constant the value to test for\n")
                        .addJavadoc("@return true when {@code constant} has that code\n")
                        .addStatement(
                                "return $T.of($S, $T.values()).is(constant)",
                                Types.CODED,
                                fixed.get(),
                                enumType(types, field));
            } else {
                test.addJavadoc("Always false: this shape has no {@code $L}.\n\n", field.javaName())
                        .addJavadoc("@param constant the value to test for\n")
                        .addJavadoc("@return false\n")
                        .addStatement("return false");
            }
            tests.add(test.build());
        }
        return tests;
    }

    /** The code a shape fixes a field to ({@code 0} for {@code <stat=0>}), if it does. */
    private static java.util.Optional<String> fixedValue(Shape shape, String field) {
        if (shape.format() == null) {
            return java.util.Optional.empty();
        }
        return shape.format().shapes().stream()
                .flatMap(List::stream)
                .filter(i -> i instanceof io.atspec.grammar.model.FormatItem.Field f
                        && f.name().equals(field)
                        && f.fixedValue().isPresent())
                .map(i -> ((io.atspec.grammar.model.FormatItem.Field) i)
                        .fixedValue()
                        .get()
                        .text())
                .findFirst();
    }

    private List<FieldRecords.Field> enumFields() {
        return allFields().stream()
                .filter(f -> f.parameter().type() instanceof ParamType.EnumRef)
                .toList();
    }

    private static TypeName enumType(Types types, FieldRecords.Field field) {
        return types.local(((ParamType.EnumRef) field.parameter().type()).enumName());
    }

    /** The shape's record, with the body every record read from the wire has. */
    static TypeSpec.Builder recordBuilder(Types types, ClassName self, String label, List<FieldRecords.Field> fields) {
        FieldRecords records = new FieldRecords(types);
        boolean carriesBytes = fields.stream().anyMatch(FieldRecords.Field::isPayload);
        // With bytes, a compact constructor keeps its own copy of them.
        MethodSpec.Builder constructor =
                carriesBytes ? MethodSpec.compactConstructorBuilder() : MethodSpec.constructorBuilder();
        for (FieldRecords.Field field : fields) {
            constructor.addParameter(records.componentType(field), field.javaName());
        }
        List<ArrayAwareEquality.Member> members = UrcWriter.equalityMembers(fields);
        if (carriesBytes) {
            constructor
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("Keeps a copy of the bytes, so the record stays immutable.\n\n");
            for (FieldRecords.Field field : fields) {
                constructor.addJavadoc("@param $L $L\n", field.javaName(), records.describe(field));
            }
            constructor.addCode(ArrayAwareEquality.copyingConstructor(members));
        }
        TypeSpec.Builder type =
                TypeSpec.recordBuilder(self).addModifiers(Modifier.PUBLIC).recordConstructor(constructor.build());
        type.addMethods(records.codedTests(fields));
        records.toStringMethod(label, List.of(), fields).ifPresent(type::addMethod);
        if (carriesBytes) {
            type.addMethods(ArrayAwareEquality.copyingAccessors(members));
            type.addMethod(ArrayAwareEquality.equalsMethod(self, members));
            type.addMethod(ArrayAwareEquality.hashCodeMethod(members));
        }
        return type;
    }

    /** The Javadoc lines of a record's components. */
    static void componentDocs(Types types, TypeSpec.Builder type, List<FieldRecords.Field> fields) {
        FieldRecords records = new FieldRecords(types);
        if (!fields.isEmpty()) {
            type.addJavadoc("\n");
        }
        for (FieldRecords.Field field : fields) {
            type.addJavadoc("@param $L $L\n", field.javaName(), records.describe(field));
        }
    }

    /** The parse branches of every shape: each returns its own record. */
    List<FieldRecords.Variant> variants(String prefix) {
        return shapes.stream()
                .filter(s -> s.prefix().equals(prefix) && s.format() != null)
                .map(s -> new FieldRecords.Variant(s.format(), s.record(), s.fields()))
                .toList();
    }
}
