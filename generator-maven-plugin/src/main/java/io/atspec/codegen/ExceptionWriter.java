package io.atspec.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.atspec.grammar.link.LinkedCommand;
import io.atspec.grammar.link.LinkedCompletion;
import io.atspec.grammar.model.FinalResult;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.lang.model.element.Modifier;

/**
 * The typed exceptions a call fails with: one per shaped error final line
 * ({@code SockOpenInUseException}, its fields read from the line) and one per completion that
 * fails on a report ({@code SockOpenFailedException}, the report typed).
 */
final class ExceptionWriter {

    private static final ClassName SHAPED_ERROR = ClassName.get(Types.RUNTIME, "ShapedErrorException");
    private static final ClassName COMPLETION_FAILED = ClassName.get(Types.RUNTIME, "CompletionFailedException");

    /** The masking function a runtime exception words its message with. */
    private static final TypeName MASK =
            ParameterizedTypeName.get(ClassName.get(UnaryOperator.class), ClassName.get(String.class));

    private final Types types;
    private final Generated generated;
    private final FieldRecords records;

    ExceptionWriter(Types types, Generated generated) {
        this.types = types;
        this.generated = generated;
        this.records = new FieldRecords(types);
    }

    /** {@code <Command><Name>Exception}: the final line's fields, read once, one accessor each. */
    TypeSpec finalException(LinkedCommand command, LinkedCommand.LinkedFinal linked) {
        FinalResult result = linked.source();
        FinalResult.Shape shape = result.shape().orElseThrow();
        ClassName self = types.local(linked.exceptionName());
        ClassName line = self.nestedClass("Line");
        List<FieldRecords.Field> fields = records.fields(List.of(shape.format()), command.parameters());
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .superclass(SHAPED_ERROR)
                .addAnnotation(generated.annotation())
                .addJavadoc(
                        "$L failed with $L: $L.\n",
                        Docs.code(command.name()),
                        Docs.code(shape.wirePrefix() + " " + shape.format()),
                        Docs.escape(result.description()))
                .addField(serialVersionUid())
                .addField(readOnce(line, "line", "the final line"))
                .addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("Reads the fields of the final line of {@code response}.\n\n")
                        .addJavadoc("@param command the command as the channel describes it\n")
                        .addJavadoc("@param response the module's answer, ended by this line\n")
                        .addJavadoc("@param mask masks secrets for the message\n")
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(String.class, "command")
                        .addParameter(Types.AT_RESPONSE, "response")
                        .addParameter(
                                ParameterizedTypeName.get(
                                        ClassName.get(UnaryOperator.class), ClassName.get(String.class)),
                                "mask")
                        .addStatement("super(command, response, mask, $S)", result.description())
                        .addStatement("this.line = $T.parse(response.finalResult().line())", line)
                        .build());
        for (FieldRecords.Field field : fields) {
            type.addMethod(MethodSpec.methodBuilder(field.javaName())
                    .addJavadoc("$L\n\n@return the value in the final line\n", records.describe(field))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(records.componentType(field))
                    .addStatement("return line.$L()", field.javaName())
                    .build());
        }
        type.addType(lineRecord(line, shape, fields));
        return type.build();
    }

    /** The fields of the line as a record, with the parser responses and URCs also get. */
    private TypeSpec lineRecord(ClassName line, FinalResult.Shape shape, List<FieldRecords.Field> fields) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (FieldRecords.Field field : fields) {
            constructor.addParameter(records.componentType(field), field.javaName());
        }
        MethodSpec.Builder parse = MethodSpec.methodBuilder("parse")
                .addJavadoc("Reads the final line.\n\n@param line the line\n@return its fields\n")
                .addJavadoc("@throws $T if the line does not have this shape\n", Types.WIRE_PARSE_EXCEPTION)
                .addModifiers(Modifier.STATIC)
                .addParameter(String.class, "line")
                .returns(line)
                .addStatement(
                        "$T fields = $T.of(line, $S, $S)",
                        Types.FIELDS,
                        Types.FIELDS,
                        shape.wirePrefix(),
                        line.enclosingClassName().simpleName());
        records.addShapeBranches(parse, List.of(new FieldRecords.Variant(shape.format(), line, fields)), null);
        parse.addStatement(records.shapeError(line, fields, ": expected " + shape.wirePrefix() + " " + shape.format()));
        TypeSpec.Builder record = TypeSpec.recordBuilder(line)
                .addModifiers(Modifier.STATIC)
                .addJavadoc("The fields of the final line.\n\n");
        for (FieldRecords.Field field : fields) {
            record.addJavadoc("@param $L $L\n", field.javaName(), records.describe(field));
        }
        return record.recordConstructor(constructor.build())
                .addMethod(parse.build())
                .build();
    }

    /** {@code <Command>FailedException}: the report that ended the wait with a failure, typed. */
    TypeSpec failedException(LinkedCommand command, LinkedCompletion.Urcs completion) {
        LinkedCompletion.Failure failure = completion.fails().orElseThrow();
        ClassName self = types.local(failure.exceptionName());
        TypeName report = types.local(completion.end().javaName());
        return TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC)
                .superclass(COMPLETION_FAILED)
                .addAnnotation(generated.annotation())
                .addJavadoc(
                        "$L failed: the $L that ended its wait has $L in the values that mean failure.\n",
                        Docs.code(command.name()),
                        Docs.code(completion.end().prefix()),
                        Docs.code("<" + failure.field().name() + ">"))
                .addField(serialVersionUid())
                .addField(readOnce(report, "report", "the report"))
                .addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("Reads the report that ended the wait.\n\n")
                        .addJavadoc("@param command the command as the channel describes it\n")
                        .addJavadoc("@param urc the report\n")
                        .addJavadoc("@param collected every report collected, the ending one last\n")
                        .addJavadoc("@param mask masks secrets for the message\n")
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(String.class, "command")
                        .addParameter(Types.URC, "urc")
                        .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), Types.URC), "collected")
                        .addParameter(
                                ParameterizedTypeName.get(
                                        ClassName.get(UnaryOperator.class), ClassName.get(String.class)),
                                "mask")
                        .addStatement("super(command, urc, collected, mask)")
                        .addStatement("this.report = $T.parse(urc)", report)
                        .build())
                .addMethod(MethodSpec.methodBuilder("report")
                        .addJavadoc("The report that ended the wait, read.\n\n@return it, typed\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(report)
                        .addStatement("return report")
                        .build())
                .build();
    }

    /** What the exception read from its line: not serialized, the message keeps the line. */
    private static FieldSpec readOnce(TypeName type, String name, String from) {
        return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.FINAL, Modifier.TRANSIENT)
                .addJavadoc("Read from $L; not serialized (the message keeps the line).\n", from)
                .build();
    }

    private static FieldSpec serialVersionUid() {
        return FieldSpec.builder(long.class, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("1L")
                .build();
    }
}
