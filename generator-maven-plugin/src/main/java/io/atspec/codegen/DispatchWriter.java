package io.atspec.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.atspec.grammar.link.LinkedChapter;
import io.atspec.grammar.link.LinkedCommand;
import io.atspec.grammar.link.LinkedForm;
import java.util.Optional;
import java.util.OptionalInt;
import javax.lang.model.element.Modifier;

/**
 * {@code HttpRequests}: the module side of a chapter. Reads any command line of the chapter
 * into its request, and the response lines of a request: what a module simulator and a log
 * decoder need, kept out of the request types a host uses.
 */
final class DispatchWriter {

    private static final ClassName AT_REQUEST = ClassName.get(Types.BIND, "AtRequest");

    private final LinkedChapter chapter;
    private final Types types;
    private final Generated generated;
    private final LineReaders readers;

    DispatchWriter(LinkedChapter chapter, Types types, Generated generated) {
        this.chapter = chapter;
        this.types = types;
        this.generated = generated;
        this.readers = new LineReaders(types, new RequestWriter(types, generated));
    }

    static ClassName name(Types types, LinkedChapter chapter) {
        return types.local(chapter.names().requests());
    }

    TypeSpec write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(name(types, chapter))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(generated.annotation())
                .addJavadoc(
                        "Reads the command lines of chapter $L and the responses to them: the module side of"
                                + " the chapter.\n",
                        chapter.name())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        MethodSpec.Builder parse = MethodSpec.methodBuilder("parse")
                .addJavadoc("The typed request a command line stands for.\n\n")
                .addJavadoc("@param line the line, without its CR\n")
                .addJavadoc("@param payload the bytes written after the prompt, or null when none came\n")
                .addJavadoc("@return the request, or empty if the line is no valid command of this chapter\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(String.class, "line")
                .addParameter(Types.BYTES, "payload")
                .returns(ParameterizedTypeName.get(Types.OPTIONAL, AT_REQUEST));
        for (LinkedCommand command : chapter.commands()) {
            ClassName request = types.local(command.javaName());
            String local = Names.camel(command.javaName());
            parse.addStatement(
                    "$T<$T> $L = $L(line, $L)",
                    Optional.class,
                    request,
                    local,
                    LineReaders.parseMethod(command.source()),
                    LineReaders.prompts(command.source()) ? "payload" : "null");
            parse.beginControlFlow("if ($L.isPresent())", local)
                    .addStatement("return $T.of($L.get())", Optional.class, local)
                    .endControlFlow();
        }
        type.addMethod(parse.addStatement("return $T.empty()", Optional.class).build());

        MethodSpec.Builder promptLength = MethodSpec.methodBuilder("promptLength")
                .addJavadoc("How many payload bytes follow the prompt for this line.\n\n")
                .addJavadoc("@param line the command line, without its CR\n")
                .addJavadoc("@return the payload's length, or empty when no payload follows\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(String.class, "line")
                .returns(OptionalInt.class);
        for (LinkedCommand command : chapter.commands()) {
            if (LineReaders.prompts(command.source())) {
                String local = Names.camel(command.javaName());
                promptLength
                        .addStatement(
                                "$T $L = $L(line)",
                                OptionalInt.class,
                                local,
                                LineReaders.promptLengthMethod(command.source()))
                        .beginControlFlow("if ($L.isPresent())", local)
                        .addStatement("return $L", local)
                        .endControlFlow();
            }
        }
        type.addMethod(promptLength
                .addStatement("return $T.empty()", OptionalInt.class)
                .build());

        type.addMethod(MethodSpec.methodBuilder("parseResponse")
                .addJavadoc("Reads a line that carries no counted payload as the information response of"
                        + " {@code request}: {@link #parseResponse(AtRequest, String, byte[])} with no bytes.\n\n"
                        + "@param request the request the line answers\n"
                        + "@param line the response line, without its CR LF\n"
                        + "@return the typed response, or empty if the line is none of the request's\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(AT_REQUEST, "request")
                .addParameter(String.class, "line")
                .returns(ParameterizedTypeName.get(Types.OPTIONAL, ClassName.get(Object.class)))
                .addStatement("return parseResponse(request, line, null)")
                .build());
        MethodSpec.Builder response = MethodSpec.methodBuilder("parseResponse")
                .addJavadoc(
                        "Reads a line, and the payload the channel counted after it, as the information"
                                + " response of {@code request}.\n\n"
                                + "@param request the request the line answers\n"
                                + "@param line the response line, without its CR LF\n"
                                + "@param payload the bytes counted after the line ({@code AtResponse.payload}),"
                                + " or null\n"
                                + "@return the typed response, or empty if the line is none of the request's\n"
                                + "@throws $T if it has the response's prefix but not its shape\n",
                        Types.WIRE_PARSE_EXCEPTION)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(AT_REQUEST, "request")
                .addParameter(String.class, "line")
                .addParameter(byte[].class, "payload")
                .returns(ParameterizedTypeName.get(Types.OPTIONAL, ClassName.get(Object.class)));
        for (LinkedCommand command : chapter.commands()) {
            for (LinkedForm form : command.forms()) {
                if (!form.answers()) {
                    continue;
                }
                ClassName record = types.local(command.javaName()).nestedClass(form.recordName());
                ClassName answer = ResponseWriter.name(types, form);
                response.beginControlFlow(
                                ShapedLines.decidedByShape(command, form.source())
                                        ? "if (request instanceof $T$W&& $T.claims(line))"
                                        : "if (request instanceof $T$W&& $T.PREFIXES.stream().anyMatch(line::startsWith))",
                                record,
                                answer)
                        .addStatement(
                                ResponseDecoders.of(command.source(), form.source())
                                                .isEmpty()
                                        ? "return $T.of($T.parse(line))"
                                        : "return $T.of($T.parse(line, payload))",
                                Optional.class,
                                answer)
                        .endControlFlow();
            }
        }
        type.addMethod(
                response.addStatement("return $T.empty()", Optional.class).build());
        for (LinkedCommand command : chapter.commands()) {
            readers.methods(command).forEach(type::addMethod);
        }
        return type.build();
    }
}
