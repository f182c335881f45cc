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

    TypeSpec write(LinkedCommand command, LinkedForm linkedForm) {
        Form form = linkedForm.source();
        ClassName self = name(types, linkedForm);
        List<FieldRecords.Field> fields = records.fields(
                form.responses().stream().map(ResponseFormat::format).toList(), command.parameters());
        List<String> prefixes = form.responses().stream()
                .map(ResponseFormat::wirePrefix)
                .distinct()
                .toList();
        // A counted payload comes with the line (+SOCKREAD: 0,12, then 12 bytes): parse takes both.
        boolean counted = !ResponseDecoders.of(command.source(), form).isEmpty();
        boolean carriesBytes = fields.stream().anyMatch(FieldRecords.Field::isPayload);
        MethodSpec.Builder constructor =
                carriesBytes ? MethodSpec.compactConstructorBuilder() : MethodSpec.constructorBuilder();
        for (FieldRecords.Field field : fields) {
            constructor.addParameter(records.componentType(field), field.javaName());
        }
        if (carriesBytes) {
            constructor
                    .addModifiers(Modifier.PUBLIC)
                    .addJavadoc("Keeps a copy of the bytes, so the record stays immutable.\n\n");
            for (FieldRecords.Field field : fields) {
                constructor.addJavadoc("@param $L $L\n", field.javaName(), records.describe(field));
            }
            constructor.addCode(ArrayAwareEquality.copyingConstructor(UrcWriter.equalityMembers(fields, false)));
        }
        TypeSpec.Builder type = TypeSpec.recordBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(generated.annotation())
                .recordConstructor(constructor.build());
        type.addJavadoc("The answer of $L to its $L.\n", Docs.code(command.name()), form.describe());
        for (ResponseFormat response : form.responses()) {
            type.addJavadoc("<p>$L\n", Docs.code(response.wirePrefix() + " " + response.format()));
        }
        type.addJavadoc("\n");
        for (FieldRecords.Field field : fields) {
            type.addJavadoc("@param $L $L\n", field.javaName(), records.describe(field));
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
            List<FieldRecords.Variant> variants = form.responses().stream()
                    .filter(r -> r.wirePrefix().equals(prefix))
                    .map(r -> new FieldRecords.Variant(r.format(), java.util.Optional.empty()))
                    .toList();
            parse.beginControlFlow("if (line.startsWith($S))", prefix)
                    .addStatement(
                            "$T fields = $T.of(line, $S, $S)", Types.FIELDS, Types.FIELDS, prefix, self.simpleName());
            records.addShapeBranches(parse, self, fields, variants, counted ? "payload" : null);
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
            type.addField(ShapedLines.shapesField(command, form));
            type.addMethod(ShapedLines.claimsMethod(command, form));
        }
        type.addMethods(records.codedTests(fields));
        if (carriesBytes) {
            type.addMethods(ArrayAwareEquality.copyingAccessors(UrcWriter.equalityMembers(fields, false)));
            type.addMethod(ArrayAwareEquality.equalsMethod(self, UrcWriter.equalityMembers(fields, false)));
            type.addMethod(ArrayAwareEquality.hashCodeMethod(UrcWriter.equalityMembers(fields, false)));
        }
        records.toStringMethod(self.simpleName(), List.of(), fields).ifPresent(type::addMethod);
        return type.build();
    }
}
