package io.atspec.grammar;

import io.atspec.grammar.check.SemanticChecker;
import io.atspec.grammar.internal.AstBuilder;
import io.atspec.grammar.internal.AtSpecLexer;
import io.atspec.grammar.internal.AtSpecParser;
import io.atspec.grammar.internal.SyntaxErrors;
import io.atspec.grammar.link.Linker;
import io.atspec.grammar.model.Chapter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * The front end's entry point: spec file in, validated and linked chapter and diagnostics out.
 * Never throws for anything the file contains; an unreadable file is a diagnostic too.
 */
public final class SpecCompiler {

    private SpecCompiler() {}

    /** Reads and compiles a spec file, naming it in diagnostics as {@code file} is written. */
    public static CompilationResult parse(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            return failure(name, "", 1, 1, "cannot read the spec file: " + describe(e));
        }
        return parse(name, bytes);
    }

    /** Compiles spec bytes, which must be UTF-8 (a byte-order mark is allowed). */
    public static CompilationResult parse(String name, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return failure(name, "", 1, 1, "the spec file is not valid UTF-8 text");
        }
        return parse(name, text);
    }

    /** Compiles spec text. */
    public static CompilationResult parse(String name, String text) {
        String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Reporter reporter = new Reporter(name, source);
        if (source.isBlank()) {
            reporter.error(
                    reporter.at(1, 1),
                    "the spec file is empty; it starts with a header such as 'chapter http \"HTTP\" {"
                            + " package io.example.http; }'");
            return new CompilationResult(Optional.empty(), reporter.diagnostics());
        }
        AtSpecLexer lexer = new AtSpecLexer(CharStreams.fromString(source, name));
        lexer.removeErrorListeners();
        AtSpecParser parser = new AtSpecParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.setErrorHandler(new SyntaxErrors(reporter));
        AtSpecParser.SpecContext tree = parser.spec();
        if (reporter.hasErrors()) {
            return new CompilationResult(Optional.empty(), reporter.diagnostics());
        }
        Chapter chapter = new AstBuilder(reporter).chapter(tree);
        new SemanticChecker(chapter, reporter).check();
        return new CompilationResult(
                reporter.hasErrors() ? Optional.empty() : Optional.of(Linker.link(chapter)), reporter.diagnostics());
    }

    private static CompilationResult failure(String name, String text, int line, int column, String message) {
        Reporter reporter = new Reporter(name, text);
        reporter.error(reporter.at(line, column), message);
        return new CompilationResult(Optional.empty(), reporter.diagnostics());
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof IOException && e.getMessage() != null && e.getMessage().contains("directory")) {
            return "it is a directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Compiles several files; the results keep the order of the arguments. */
    public static List<CompilationResult> parseAll(List<Path> files) {
        return files.stream().map(SpecCompiler::parse).toList();
    }
}
