package io.atspec.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The generated sources of the demo chapter and of both reference chapters are javadoc-clean
 * with every doclint check on: each public type, method, constructor and record component is
 * documented, and the manual's text ({@code <length>} placeholders, {@code &}) is valid HTML.
 * One javadoc run for all three chapters; the tests then look at each chapter's diagnostics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavadocTest {

    private Path output;
    private List<String> diagnostics;

    @BeforeAll
    void runJavadocOnAllThreeChapters() throws Exception {
        output = Files.createTempDirectory("atspec-javadoc-test");
        List<GeneratedFile> files = new ArrayList<>();
        files.addAll(Specs.generate(Specs.DEMO, Specs.DEMO_NAME));
        files.addAll(Specs.generate(Specs.HTTP, Specs.HTTP_NAME));
        files.addAll(Specs.generate(Specs.NETWORK, Specs.NETWORK_NAME));
        diagnostics = JavaDocumentation.check(files, output);
    }

    @AfterAll
    void deleteOutput() throws Exception {
        try (var walk = Files.walk(output)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void demoChapterIsJavadocClean() {
        assertThat(diagnosticsOf("io/atspec/demo/")).isEmpty();
        assertThat(output.resolve("io/atspec/demo/DemoCommands.html")).exists();
    }

    @Test
    void httpChapterIsJavadocClean() {
        assertThat(diagnosticsOf("io/atspec/neoway/http/")).isEmpty();
    }

    @Test
    void networkChapterIsJavadocClean() {
        assertThat(diagnosticsOf("io/atspec/neoway/network/")).isEmpty();
    }

    @Test
    void noDiagnosticsAtAll() {
        assertThat(diagnostics).isEmpty();
    }

    private List<String> diagnosticsOf(String packagePath) {
        return diagnostics.stream().filter(d -> d.startsWith(packagePath)).toList();
    }
}
