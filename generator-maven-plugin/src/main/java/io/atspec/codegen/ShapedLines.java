package io.atspec.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import io.atspec.grammar.link.LineShape;
import io.atspec.grammar.link.LinkedCommand;
import io.atspec.grammar.model.Form;
import io.atspec.grammar.model.ResponseFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * What a command descriptor says about lines told by their shape: the shaped final lines (an
 * error with fields, an answer that ends the command) and the response shapes of prefixes a URC
 * shares. The shapes are the linker's; this writes them as runtime {@code LineShape}s.
 */
final class ShapedLines {

    static final ClassName LINE_SHAPE = ClassName.get(Types.RUNTIME, "LineShape");
    static final ClassName FINAL_LINE = ClassName.get(Types.RUNTIME, "FinalLine");

    private final Types types;

    ShapedLines(Types types) {
        this.types = types;
    }

    static CodeBlock shape(LineShape shape) {
        return CodeBlock.of("new $T($S, $S)", LINE_SHAPE, shape.wirePrefix(), shape.regex());
    }

    /** The command's shaped error finals, each failing with its generated exception. */
    List<CodeBlock> errorFinals(LinkedCommand command) {
        return command.shapedFinals().stream()
                .map(f -> CodeBlock.of(
                        "$T.shapedError($L,$W$T::new)", FINAL_LINE, shape(f.shape()), types.local(f.exceptionName())))
                .toList();
    }

    /** The prefixes a form's lines claim: those of its responses that an OK still follows. */
    static List<String> claimedPrefixes(Form form) {
        return form.responses().stream()
                .filter(r -> !r.endsCommand())
                .map(ResponseFormat::wirePrefix)
                .distinct()
                .toList();
    }

    /**
     * {@code FINALS}: the command's final lines and the form's final responses, when it has any
     * (else the form uses {@code FINAL_LINES}).
     */
    Optional<FieldSpec> formFinals(LinkedCommand command, Form form) {
        List<CodeBlock> answers = form.responses().stream()
                .filter(ResponseFormat::endsCommand)
                .map(r -> CodeBlock.of("$T.answer($L)", FINAL_LINE, shape(command.shape(r))))
                .toList();
        if (answers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(FieldSpec.builder(
                        ParameterizedTypeName.get(ClassName.get(List.class), FINAL_LINE),
                        "FINALS",
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .initializer(
                        "$T.concat($T.of($L),$WFINAL_LINES.stream()).toList()",
                        Stream.class,
                        Stream.class,
                        CodeBlock.join(answers, ",$W"))
                .build());
    }

    /**
     * Is a line of the form's response told by its whole shape (a final response, or a prefix
     * a URC shares) rather than by its prefix?
     */
    static boolean decidedByShape(LinkedCommand command, Form form) {
        return form.responses().stream().anyMatch(r -> told(command, r));
    }

    /** {@code SHAPES} of a response record whose lines are told by shape: compiled once. */
    static FieldSpec shapesField(LinkedCommand command, Form form) {
        List<CodeBlock> shapes = form.responses().stream()
                .filter(r -> told(command, r))
                .map(r -> shape(command.shape(r)))
                .toList();
        return FieldSpec.builder(
                        ParameterizedTypeName.get(ClassName.get(List.class), LINE_SHAPE),
                        "SHAPES",
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .initializer("$T.of($L)", List.class, CodeBlock.join(shapes, ",$W"))
                .build();
    }

    /**
     * {@code claims(line)} of such a record: a line is the response when it has one of the
     * {@code SHAPES} (or, for a prefix no URC shares, the prefix).
     */
    static MethodSpec claimsMethod(LinkedCommand command, Form form) {
        List<CodeBlock> tests = new java.util.ArrayList<>();
        tests.add(CodeBlock.of("SHAPES.stream().anyMatch(s -> s.matches(line))"));
        form.responses().stream()
                .filter(r -> !told(command, r))
                .map(ResponseFormat::wirePrefix)
                .distinct()
                .forEach(prefix -> tests.add(CodeBlock.of("line.startsWith($S)", prefix)));
        return MethodSpec.methodBuilder("claims")
                .addJavadoc(
                        "Is {@code line} this response? Where its prefix is also a URC's, it must have the shape.\n\n")
                .addJavadoc("@param line the line, without its CR LF\n@return whether it is this response\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(String.class, "line")
                .returns(boolean.class)
                .addStatement("return $L", CodeBlock.join(tests, "$W|| "))
                .build();
    }

    private static boolean told(LinkedCommand command, ResponseFormat response) {
        return response.endsCommand() || command.urcSharedPrefixes().contains(response.wirePrefix());
    }

    /** {@code RESPONSE_SHAPES}: the shapes of the form's responses whose prefix a URC shares. */
    Optional<FieldSpec> responseShapes(LinkedCommand command, Form form) {
        List<CodeBlock> shapes = form.responses().stream()
                .filter(r -> !r.endsCommand() && command.urcSharedPrefixes().contains(r.wirePrefix()))
                .map(r -> shape(command.shape(r)))
                .toList();
        if (shapes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(FieldSpec.builder(
                        ParameterizedTypeName.get(ClassName.get(List.class), LINE_SHAPE),
                        "RESPONSE_SHAPES",
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .initializer("$T.of($L)", List.class, CodeBlock.join(shapes, ",$W"))
                .build());
    }
}
