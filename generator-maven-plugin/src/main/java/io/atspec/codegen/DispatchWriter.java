package io.atspec.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.Form;
import java.util.Optional;
import java.util.OptionalInt;
import javax.lang.model.element.Modifier;

/**
 * {@code HttpRequests}: reads any command line of the chapter, and the response lines of a
 * request. What a module simulator and a log decoder need, instead of parsing by hand.
 */
final class DispatchWriter {

    private static final ClassName AT_REQUEST = ClassName.get(Types.BIND, "AtRequest");

    private final Chapter chapter;
    private final Types types;
    private final Generated generated;

    DispatchWriter(Chapter chapter, Types types, Generated generated) {
        this.chapter = chapter;
        this.types = types;
        this.generated = generated;
    }

    ClassName name() {
        return types.local(ChapterWriter.chapterPrefix(chapter) + "Requests");
    }

    TypeSpec write() {
        TypeSpec.Builder type = TypeSpec.classBuilder(name())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(generated.annotation())
                .addJavadoc("Reads the command lines of chapter $L and the responses to them.\n", chapter.name())
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
        for (Command command : chapter.commands()) {
            boolean prompt =
                    command.forms().stream().anyMatch(f -> f.promptPayload().isPresent());
            ClassName request = types.local(command.javaName());
            parse.addStatement(
                    "$T<$T> $L = $T.parse(line$L)",
                    Optional.class,
                    request,
                    Names.camel(command.javaName()),
                    request,
                    prompt ? ", payload" : "");
            parse.beginControlFlow("if ($L.isPresent())", Names.camel(command.javaName()))
                    .addStatement("return $T.of($L.get())", Optional.class, Names.camel(command.javaName()))
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
        for (Command command : chapter.commands()) {
            if (command.forms().stream().anyMatch(f -> f.promptPayload().isPresent())) {
                String local = Names.camel(command.javaName());
                promptLength
                        .addStatement(
                                "$T $L = $T.promptLength(line)",
                                OptionalInt.class,
                                local,
                                types.local(command.javaName()))
                        .beginControlFlow("if ($L.isPresent())", local)
                        .addStatement("return $L", local)
                        .endControlFlow();
            }
        }
        type.addMethod(promptLength
                .addStatement("return $T.empty()", OptionalInt.class)
                .build());

        MethodSpec.Builder response = MethodSpec.methodBuilder("parseResponse")
                .addJavadoc(
                        "Reads a line as the information response of {@code request}.\n\n"
                                + "@param request the request the line answers\n"
                                + "@param line the response line, without its CR LF\n"
                                + "@return the typed response, or empty if the line is none of the request's\n"
                                + "@throws $T if it has the response's prefix but not its shape\n",
                        Types.WIRE_PARSE_EXCEPTION)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(AT_REQUEST, "request")
                .addParameter(String.class, "line")
                .returns(ParameterizedTypeName.get(Types.OPTIONAL, ClassName.get(Object.class)));
        for (Command command : chapter.commands()) {
            for (Form form : command.forms()) {
                if (form.responses().isEmpty()) {
                    continue;
                }
                ClassName record = types.local(command.javaName()).nestedClass(RequestWriter.recordName(form));
                ClassName answer = types.local(ResponseWriter.name(command, form));
                response.beginControlFlow(
                                "if (request instanceof $T$W&& $T.PREFIXES.stream().anyMatch(line::startsWith))",
                                record,
                                answer)
                        .addStatement("return $T.of($T.parse(line))", Optional.class, answer)
                        .endControlFlow();
            }
        }
        type.addMethod(
                response.addStatement("return $T.empty()", Optional.class).build());
        return type.build();
    }
}
