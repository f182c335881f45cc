package io.atspec.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.atspec.grammar.link.LinkedChapter;
import io.atspec.grammar.link.LinkedCommand;
import io.atspec.grammar.link.LinkedUrc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * {@code HttpChapter}: the chapter's descriptor, which tools that handle every chapter on the
 * class path (decode, example replay, the CLI) find through {@code ServiceLoader} instead of
 * naming the chapter in Java. It only delegates to the chapter's other generated types.
 */
final class BindingWriter {

    /** The runtime interface the descriptor implements, and the name of its service file. */
    static final ClassName CHAPTER_BINDING = ClassName.get(Types.BIND, "ChapterBinding");

    private static final ClassName AT_REQUEST = ClassName.get(Types.BIND, "AtRequest");
    private static final ClassName WIRE_ENUM = ClassName.get(Types.BIND, "WireEnum");
    private static final ClassName URC_DECODER = ClassName.get(Types.RUNTIME, "UrcDecoder");
    private static final TypeName OPTIONAL_STRING = ParameterizedTypeName.get(Types.OPTIONAL, Types.STRING);

    private final LinkedChapter chapter;
    private final Types types;
    private final Generated generated;

    BindingWriter(LinkedChapter chapter, Types types, Generated generated) {
        this.chapter = chapter;
        this.types = types;
        this.generated = generated;
    }

    TypeSpec write() {
        ClassName dispatch = DispatchWriter.name(types, chapter);
        TypeSpec.Builder type = TypeSpec.classBuilder(
                        types.local(chapter.names().binding()))
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(CHAPTER_BINDING)
                .addAnnotation(generated.annotation())
                .addJavadoc(
                        "Chapter $L as tools that handle every chapter see it; registered in {@code"
                                + " META-INF/services/$L}.\n",
                        chapter.name(),
                        CHAPTER_BINDING.canonicalName());
        type.addField(constant(
                ParameterizedTypeName.get(ClassName.get(Set.class), Types.STRING),
                "COMMAND_NAMES",
                CodeBlock.of("$T.of($L)", Set.class, strings(commandNames()))));
        type.addField(constant(
                ParameterizedTypeName.get(ClassName.get(Map.class), Types.STRING, URC_DECODER),
                "URC_DECODERS",
                decoders()));
        type.addField(constant(
                ParameterizedTypeName.get(ClassName.get(List.class), Types.STRING),
                "REBOOT_INDICATIONS",
                CodeBlock.of("$T.of($L)", List.class, strings(chapter.rebootIndications()))));
        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("For {@code ServiceLoader}.\n")
                .build());
        type.addMethod(override("name", Types.STRING)
                .addStatement("return $S", chapter.name())
                .build());
        type.addMethod(override("javaPackage", Types.STRING)
                .addStatement("return $S", chapter.javaPackage())
                .build());
        type.addMethod(override("commandNames", ParameterizedTypeName.get(ClassName.get(Set.class), Types.STRING))
                .addStatement("return COMMAND_NAMES")
                .build());
        type.addMethod(
                override("urcDecoders", ParameterizedTypeName.get(ClassName.get(Map.class), Types.STRING, URC_DECODER))
                        .addStatement("return URC_DECODERS")
                        .build());
        type.addMethod(override("rebootIndications", ParameterizedTypeName.get(ClassName.get(List.class), Types.STRING))
                .addStatement("return REBOOT_INDICATIONS")
                .build());
        type.addMethod(override("parseRequest", ParameterizedTypeName.get(Types.OPTIONAL, AT_REQUEST))
                .addParameter(String.class, "line")
                .addParameter(Types.BYTES, "payload")
                .addStatement("return $T.parse(line, payload)", dispatch)
                .build());
        type.addMethod(override("promptLength", Types.OPTIONAL_INT)
                .addParameter(String.class, "line")
                .addStatement("return $T.promptLength(line)", dispatch)
                .build());
        type.addMethod(override("parseResponse", ParameterizedTypeName.get(Types.OPTIONAL, ClassName.get(Object.class)))
                .addParameter(AT_REQUEST, "request")
                .addParameter(String.class, "line")
                .addStatement("return $T.parseResponse(request, line)", dispatch)
                .build());
        type.addMethod(override("parseResponse", ParameterizedTypeName.get(Types.OPTIONAL, ClassName.get(Object.class)))
                .addParameter(AT_REQUEST, "request")
                .addParameter(String.class, "line")
                .addParameter(byte[].class, "payload")
                .addStatement("return $T.parseResponse(request, line, payload)", dispatch)
                .build());
        MethodSpec.Builder parseUrc = override(
                        "parseUrc", ParameterizedTypeName.get(Types.OPTIONAL, ClassName.get(Object.class)))
                .addParameter(Types.URC, "urc");
        if (chapter.urcs().isEmpty()) {
            parseUrc.addStatement("return $T.empty()", Optional.class);
        } else {
            parseUrc.addStatement(
                    "return $T.parse(urc).map($T.class::cast)",
                    types.local(chapter.names().urcInterface()),
                    Object.class);
        }
        type.addMethod(parseUrc.build());
        type.addMethod(explainForCommand());
        type.addMethod(explainAny());
        return type.build();
    }

    private List<String> commandNames() {
        List<String> names = new ArrayList<>();
        chapter.commands().forEach(c -> names.addAll(c.wireNames()));
        return names;
    }

    private CodeBlock decoders() {
        List<CodeBlock> entries = new ArrayList<>();
        for (LinkedUrc urc : chapter.urcs()) {
            for (String prefix : urc.decoderPrefixes()) {
                entries.add(CodeBlock.of("$T.entry($S, $L)", Map.class, prefix, UrcWriter.decoder(urc.framing())));
            }
        }
        return CodeBlock.of("$T.ofEntries($L)", Map.class, CodeBlock.join(entries, ", "));
    }

    /** From the tables of the command that was pending: its inline table, then the named ones. */
    private MethodSpec explainForCommand() {
        MethodSpec.Builder method = override("explainError", OPTIONAL_STRING)
                .addParameter(String.class, "commandName")
                .addParameter(String.class, "code");
        List<LinkedCommand> explaining = chapter.commands().stream()
                .filter(c -> !c.errorTables().isEmpty())
                .toList();
        if (explaining.isEmpty()) {
            return method.addStatement("return $T.empty()", Optional.class).build();
        }
        CodeBlock.Builder cases =
                CodeBlock.builder().add("return switch (commandName) {\n").indent();
        for (LinkedCommand command : explaining) {
            cases.add(
                    "case $L -> $T.errorMeaning(code).map($T::description);\n",
                    strings(command.wireNames()),
                    types.local(command.javaName()),
                    WIRE_ENUM);
        }
        cases.add("default -> $T.empty();\n", Optional.class).unindent().add("};\n");
        return method.addCode(cases.build()).build();
    }

    /** From any table of the chapter: the chapter's own tables first, then the commands' inline ones. */
    private MethodSpec explainAny() {
        List<ClassName> tables = new ArrayList<>();
        chapter.source().errorTables().forEach(t -> tables.add(types.local(t.name())));
        for (LinkedCommand command : chapter.commands()) {
            command.inlineErrorName().ifPresent(name -> tables.add(types.local(name)));
        }
        MethodSpec.Builder method = override("explainError", OPTIONAL_STRING).addParameter(String.class, "code");
        if (tables.isEmpty()) {
            return method.addStatement("return $T.empty()", Optional.class).build();
        }
        CodeBlock.Builder lookup =
                CodeBlock.builder().add("return $T.fromCode(code).map($T::description)", tables.get(0), WIRE_ENUM);
        for (ClassName table : tables.subList(1, tables.size())) {
            lookup.add("\n    .or(() -> $T.fromCode(code).map($T::description))", table, WIRE_ENUM);
        }
        return method.addStatement(lookup.build()).build();
    }

    private static MethodSpec.Builder override(String name, TypeName returns) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns);
    }

    private static FieldSpec constant(TypeName type, String name, CodeBlock value) {
        return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(value)
                .build();
    }

    private static CodeBlock strings(List<String> values) {
        return CodeBlock.join(values.stream().map(v -> CodeBlock.of("$S", v)).toList(), ", ");
    }
}
