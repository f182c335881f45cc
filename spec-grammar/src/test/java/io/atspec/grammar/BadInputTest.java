package io.atspec.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not what a spec writer meant still get a diagnostic, never an exception. */
class BadInputTest {

    private static final String VALID = "chapter t \"Test\" { package io.atspec.test; }\n"
            + "command AT+X as X \"Überschrift – ü\" {\n"
            + "\ttimeout 1s;\n"
            + "\tparam a: int 0..3 \"Wert für <a>\";\n"
            + "\tset: <a>;\n"
            + "}\n";

    @TempDir
    Path dir;

    @Test
    void missingFileIsADiagnostic() {
        CompilationResult result = SpecCompiler.parse(dir.resolve("absent.atspec"));

        assertThat(result.diagnostics())
                .extracting(Diagnostic::header)
                .containsExactly(dir.resolve("absent.atspec") + ":1:1: error: cannot read the spec file: no such file");
        assertThat(result.chapter()).isEmpty();
    }

    @Test
    void directoryIsADiagnostic() {
        CompilationResult result = SpecCompiler.parse(dir);

        assertThat(result.hasErrors()).isTrue();
        assertThat(result.errors().get(0).header()).startsWith(dir + ":1:1: error: cannot read the spec file: ");
    }

    @Test
    void emptyFileIsADiagnostic() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.atspec"), "");

        assertThat(SpecCompiler.parse(empty).diagnostics())
                .extracting(Diagnostic::header)
                .containsExactly(empty + ":1:1: error: the spec file is empty; it starts with a header such as"
                        + " 'chapter http \"HTTP\" { package io.example.http; }'");
    }

    @Test
    void fileOfBlanksAndCommentsOnlyIsASyntaxError() {
        CompilationResult result = SpecCompiler.parse("c.atspec", "// nothing yet\n\n");

        assertThat(result.diagnostics())
                .extracting(Diagnostic::header)
                .containsExactly("c.atspec:3:1: error: expected 'chapter' after 'yet', found the end of the file"
                        .replace(" after 'yet'", ""));
    }

    @Test
    void invalidUtf8IsADiagnostic() throws IOException {
        Path latin1 = dir.resolve("latin1.atspec");
        Files.write(latin1, VALID.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(SpecCompiler.parse(latin1).diagnostics())
                .extracting(Diagnostic::header)
                .containsExactly(latin1 + ":1:1: error: the spec file is not valid UTF-8 text");
    }

    @Test
    void byteOrderMarkCrlfTabsAndNonAsciiAreAccepted() throws IOException {
        String crlf = "\uFEFF" + VALID.replace("\n", "\r\n");
        Path file = Files.writeString(dir.resolve("windows.atspec"), crlf);

        CompilationResult result = SpecCompiler.parse(file);

        assertThat(result.diagnostics()).as(result.render()).isEmpty();
        assertThat(result.chapter().orElseThrow().commands().get(0).title()).isEqualTo("Überschrift – ü");
        assertThat(result.chapter()
                        .orElseThrow()
                        .commands()
                        .get(0)
                        .parameters()
                        .get(0)
                        .description())
                .isEqualTo("Wert für <a>");
    }

    @Test
    void columnsCountTabsAsOneCharacterAndTheCaretFollowsThem() {
        CompilationResult result = SpecCompiler.parse(
                "c.atspec", "chapter t { package io.t; }\ncommand AT+X {\n\ttimeout 0s;\n\texec;\n}\n");

        Diagnostic diagnostic = result.errors().get(0);
        assertThat(diagnostic.header()).isEqualTo("c.atspec:3:10: error: timeout of AT+X must be positive, found 0 ms");
        assertThat(diagnostic.render())
                .isEqualTo("c.atspec:3:10: error: timeout of AT+X must be positive, found 0 ms\n"
                        + "\ttimeout 0s;\n"
                        + "\t        ^");
    }

    @Test
    void everyErrorIsReportedInOneRunInFileOrder() {
        CompilationResult result = Specs.compile("command AT+X as X { timeout 0s; param a: int 9..1; set: <a>,<b>; }\n"
                + "command AT+Y as Y { timeout 1s; param c: Nope; set: <c>; }\n");

        assertThat(result.errors())
                .extracting(d -> d.location().line() + ":" + d.location().column())
                .containsExactly("2:29", "2:46", "2:61", "3:42");
        assertThat(result.chapter()).isEmpty();
    }

    @Test
    void syntaxErrorsInSeveralPlacesAreAllReported() {
        CompilationResult result = Specs.compile(
                "command AT+X as X { timeout 1s; param a: ; exec; }\n" + "command AT+Y as Y { timeout 1s; exec }\n");

        assertThat(result.errors()).extracting(d -> d.location().line()).containsExactly(2, 3);
    }

    @Test
    void warningsDoNotWithholdTheChapter() {
        CompilationResult result = Specs.compile("command AT+X as X { param a: int; exec; }");

        assertThat(result.hasErrors()).isFalse();
        assertThat(result.warnings())
                .extracting(Diagnostic::header)
                .containsExactly(
                        "t.atspec:2:9: warning: command AT+X has no timeout; the default of 300 ms applies",
                        "t.atspec:2:27: warning: parameter 'a' is not used by any form or response of AT+X");
        assertThat(result.chapter()).isPresent();
    }
}
