package io.atspec.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
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
