package io.atspec.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain Java entry point: the plugin's output, without Maven. */
class AtspecGeneratorTest {

    private static final String DEMO = """
      chapter demo "Demo" { package com.acme.demo; }
      enum Mode "m" { 0 OFF "off"; 1 ON "on"; }
      command AT+DEMO as Demo "Demo command" { section 1.1; timeout 300ms; param mode: Mode "mode"; set: <mode>; }
      """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();

    private AtspecGenerator.Result generate() throws Exception {
        return AtspecGenerator.generate(
                dir.resolve("specs"), dir.resolve("out"), new PrintStream(diagnostics, true, StandardCharsets.UTF_8));
    }

    @Test
    void generatesWhatThePluginGeneratesAndRewritesNothingUnchanged() throws Exception {
        Path spec = dir.resolve("specs/acme/demo.atspec");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, DEMO);

        AtspecGenerator.Result first = generate();
        AtspecGenerator.Result second = generate();

        Path demo = dir.resolve("out/com/acme/demo/Demo.java");
        assertThat(first.generated()).isTrue();
        assertThat(first.written()).isEqualTo(first.files()).isPositive();
        // The spec is named relative to the source directory, as the plugin names it.
        String expected = new JavaGenerator()
                        .generate(
                                io.atspec.grammar.SpecCompiler.parse(spec)
                                        .linked()
                                        .orElseThrow(),
                                "acme/demo.atspec")
                        .stream()
                        .filter(f -> f.relativePath().equals("com/acme/demo/Demo.java"))
                        .findFirst()
                        .orElseThrow()
                        .content();
        assertThat(Files.readString(demo)).isEqualTo(expected);
        // Found on a class path without the plugin: the registration lies beside the sources.
        assertThat(Files.readString(dir.resolve("out/" + JavaGenerator.SERVICE_FILE)))
                .isEqualTo("com.acme.demo.DemoChapter\n");
        assertThat(second.written()).isZero();
        assertThat(AtspecGenerator.summary(second, "out"))
                .isEqualTo("atspec: 1 spec, " + second.files() + " files in out: 0 written, " + second.files()
                        + " unchanged");
    }

    @Test
    void aSpecErrorIsReportedWithItsLocationAndNothingIsWritten() throws Exception {
        Path spec = dir.resolve("specs/bad.atspec");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, DEMO.replace("0 OFF", "1 OFF"));

        AtspecGenerator.Result result = generate();

        assertThat(result.generated()).isFalse();
        assertThat(diagnostics.toString(StandardCharsets.UTF_8))
                .contains(spec + ":2:")
                .contains("error:");
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(AtspecGenerator.summary(result, "out")).startsWith("atspec: 1 error in 1 spec;");
    }
}
