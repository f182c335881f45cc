package io.atspec.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.atspec.grammar.link.LinkedCommand;
import io.atspec.grammar.link.LinkedForm;
import io.atspec.grammar.model.Form;
import io.atspec.grammar.model.ResponseFormat;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The information response of a form as a record, with its parser. */
final class ResponseWriter {

    private final Types types;
    private final Generated generated;
    private final FieldRecords records;

    ResponseWriter(Types types, Generated generated) {
        this.types = types;
        this.generated = generated;
        this.records = new FieldRecords(types);
    }

    /** The record of a form's response; {@code form} must have responses. */
    static ClassName name(Types types, LinkedForm form) {
        return types.local(form.responseName().orElseThrow());
    }

    /**
     * The response's type: a record, or for several named shapes a sealed interface with one
     * record per shape ({@code XiicResponse.WithState}) and the parsers that choose among them.
     */
    TypeSpec write(LinkedCommand command, LinkedForm linkedForm) {
        Form form = linkedForm.source();
        Shapes shapes = Shapes.of(types, command, linkedForm);
        ClassName self = shapes.owner();
        List<FieldRecords.Field> fields = shapes.allFields();
        List<String> prefixes = form.responses().stream()
                .map(ResponseFormat::wirePrefix)
                .distinct()
                .toList();
        // A counted payload comes with the line (+SOCKREAD: 0,12, then 12 bytes): parse takes both.
        boolean counted = !ResponseDecoders.of(command.source(), form).isEmpty();
        TypeSpec.Builder type;
        if (shapes.several()) {
            type = TypeSpec.interfaceBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.SEALED);
            type.addMethods(shapes.interfaceMethods(types));
            for (Shapes.Shape shape : shapes.shapes()) {
                type.addPermittedSubclass(shape.record());
                TypeSpec.Builder record = Shapes.recordBuilder(
                                types,
                                shape.record(),
                                self.simpleName() + "." + shape.record().simpleName(),
                                shape.fields())
                        .addModifiers(Modifier.STATIC)
                        .addSuperinterface(self)
                        .addJavadoc("The answer $L.\n", Docs.code(shape.wire()));
                Shapes.componentDocs(types, record, shape.fields());
                record.addMethods(shapes.absentTests(types, shape));
                type.addType(record.build());
            }
        } else {
            type = Shapes.recordBuilder(types, self, self.simpleName(), fields);
        }
        type.addModifiers(Modifier.PUBLIC).addAnnotation(generated.annotation());
        type.addJavadoc("The answer of $L to its $L.\n", Docs.code(command.name()), form.describe());
        for (Shapes.Shape shape : shapes.shapes()) {
            if (shapes.several()) {
                type.addJavadoc(
                        "<p>$L: {@link $L}\n",
                        Docs.code(shape.wire()),
                        shape.record().simpleName());
            } else {
                type.addJavadoc("<p>$L\n", Docs.code(shape.wire()));
            }
        }
        if (!shapes.several()) {
            type.addJavadoc("\n");
            for (FieldRecords.Field field : fields) {
                type.addJavadoc("@param $L $L\n", field.javaName(), records.describe(field));
            }
        }
        type.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(List.class, String.class),
                        "PREFIXES",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("Prefixes of the lines this response is read from.\n")
                .initializer(
                        "$T.of($L)",
                        List.class,
                        CodeBlock.join(
                                prefixes.stream()
                                        .map(p -> CodeBlock.of("$S", p))
                                        .toList(),
                                ", "))
                .build());
        MethodSpec.Builder parse = MethodSpec.methodBuilder("parse")
                .addJavadoc(
                        "Reads one response line.\n\n@param line the line, without its CR LF\n"
                                + (counted ? "@param payload the bytes the channel counted after it, or null\n" : "")
                                + "@return the response it holds\n"
                                + "@throws $T if the line does not have this shape\n",
                        Types.WIRE_PARSE_EXCEPTION)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(String.class, "line")
                .returns(self);
        if (counted) {
            parse.addParameter(byte[].class, "payload");
        }
        for (String prefix : prefixes) {
            parse.beginControlFlow("if (line.startsWith($S))", prefix)
                    .addStatement(
                            "$T fields = $T.of(line, $S, $S)", Types.FIELDS, Types.FIELDS, prefix, self.simpleName());
            records.addShapeBranches(parse, shapes.variants(prefix), counted ? "payload" : null);
            parse.endControlFlow();
        }
        parse.addStatement(records.shapeError(
                self,
                fields,
                ": expected "
                        + String.join(
                                " or ",
                                form.responses().stream()
                                        .map(r -> r.wirePrefix() + " " + r.format())
                                        .toList())));
        type.addMethod(parse.build());
        type.addMethod(MethodSpec.methodBuilder("from")
                .addJavadoc("Every line of {@code response} that is this response, read.\n\n")
                .addJavadoc("@param response what the module answered\n")
                .addJavadoc("@return the responses, in the order of their lines\n")
                .addJavadoc("@throws $T if a line has the prefix but not the shape\n", Types.WIRE_PARSE_EXCEPTION)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(Types.AT_RESPONSE, "response")
                .returns(ParameterizedTypeName.get(ClassName.get(List.class), self))
                .addStatement(
                        counted
                                ? "return $T.range(0, response.lines().size())$Z.filter(i -> PREFIXES.stream().anyMatch(response.lines().get(i)::startsWith))$Z.mapToObj(i -> parse(response.lines().get(i), response.payload(i)))$Z.toList()"
                                : "return response.lines().stream()$Z.filter(l -> PREFIXES.stream().anyMatch(l::startsWith))$Z.map($T::parse)$Z.toList()",
                        counted ? ClassName.get(java.util.stream.IntStream.class) : self)
                .build());
        type.addMethod(MethodSpec.methodBuilder("first")
                .addJavadoc(
                        "The first line of {@code response} that is this response.\n\n"
                                + "@param response what the module answered\n"
                                + "@return the response of its first line with the prefix\n"
                                + "@throws $T if the module sent none, or not of this shape\n",
                        Types.WIRE_PARSE_EXCEPTION)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(Types.AT_RESPONSE, "response")
                .returns(self)
                .addStatement(
                        "return from(response).stream().findFirst()$Z.orElseThrow(() -> new $T($S))",
                        Types.WIRE_PARSE_EXCEPTION,
                        command.name() + " was answered without " + String.join(" or ", prefixes))
                .build());
        if (ShapedLines.decidedByShape(command, form)) {
            FieldSpec shapesField = ShapedLines.shapesField(command, form);
            if (shapes.several()) {
                // An interface has no private fields.
                shapesField = FieldSpec.builder(
                                shapesField.type(),
                                shapesField.name(),
                                Modifier.PUBLIC,
                                Modifier.STATIC,
                                Modifier.FINAL)
                        .addJavadoc("The shapes of the lines this response is read from.\n")
                        .initializer(shapesField.initializer())
                        .build();
            }
            type.addField(shapesField);
            type.addMethod(ShapedLines.claimsMethod(command, form));
        }
        return type.build();
    }
}
