package io.atspec.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.Diagnostic;
import io.atspec.grammar.SpecCompiler;
import io.atspec.grammar.link.LinkedChapter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The specs the generator tests run on, read and checked by the real front end. Paths are
 * relative to the module directory, where surefire runs.
 */
final class Specs {

    /** The test chapter that uses every construct of the language. */
    static final Path DEMO = Path.of("src/test/resources/golden/demo.atspec");

    /** The reference chapters of the spec module. */
    static final Path HTTP = Path.of("../spec/src/main/atspec/neoway/http.atspec");

    static final Path NETWORK = Path.of("../spec/src/main/atspec/neoway/network.atspec");

    /** The name the generator puts into {@code @Generated}: the path below the source root. */
    static final String DEMO_NAME = "golden/demo.atspec";

    /** A chapter of another vendor, in its own folder: nothing in atspec names it. */
    static final Path FIXTURE = Path.of("src/test/resources/fixture/acme/data_link.atspec");

    static final String FIXTURE_NAME = "acme/data_link.atspec";

    /** The same vendor's socket chapter: shaped finals, final responses, correlated completions. */
    static final Path SOCKETS = Path.of("src/test/resources/fixture/acme/sockets.atspec");

    static final String SOCKETS_NAME = "acme/sockets.atspec";

    static final String HTTP_NAME = "neoway/http.atspec";
    static final String NETWORK_NAME = "neoway/network.atspec";

    private Specs() {}

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chapter of a spec that checks clean: errors and warnings both fail the test. */
    static LinkedChapter chapter(Path file) {
        CompilationResult result = SpecCompiler.parse(file.toString(), read(file));
        assertThat(result.diagnostics())
                .as("diagnostics of %s", file)
                .extracting(Diagnostic::render)
                .isEmpty();
        return result.linked().orElseThrow();
    }

    static List<GeneratedFile> generate(Path file, String specPath) {
        return new JavaGenerator().generate(chapter(file), specPath);
    }
}
