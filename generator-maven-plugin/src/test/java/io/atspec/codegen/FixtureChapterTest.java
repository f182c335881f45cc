package io.atspec.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.SpecCompiler;
import io.atspec.grammar.link.LinkedChapter;
import io.atspec.runtime.Urc;
import io.atspec.runtime.bind.ChapterBinding;
import io.atspec.runtime.bind.ChapterBindings;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A chapter that is not Neoway's (vendor folder {@code acme}, a prompt payload, a length-framed
 * URC, an error table, examples) checks clean with its examples, compiles without a warning,
 * and is found on the class path through its service registration: no Java names it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixtureChapterTest {

    private Path classes;
    private List<String> diagnostics;
    private URLClassLoader loader;

    @BeforeAll
    void compileTheFixture() throws Exception {
        classes = Files.createTempDirectory("atspec-fixture-test");
        diagnostics = JavaCompilation.compile(Specs.generate(Specs.FIXTURE, Specs.FIXTURE_NAME), classes);
        LinkedChapter chapter = Specs.chapter(Specs.FIXTURE);
        Path service = classes.resolve(JavaGenerator.SERVICE_FILE);
        Files.createDirectories(service.getParent());
        Files.writeString(service, JavaGenerator.serviceFile(List.of(JavaGenerator.bindingClass(chapter))));
        loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    @AfterAll
    void deleteClasses() throws Exception {
        loader.close();
        JavaCompilation.deleteTree(classes);
    }

    @Test
    void itsExamplesAreCheckedAndItsNamesAllocated() {
        CompilationResult result = SpecCompiler.parse(Specs.FIXTURE_NAME, Specs.read(Specs.FIXTURE));
        LinkedChapter chapter = result.linked().orElseThrow();

        assertThat(result.diagnostics()).isEmpty();
        assertThat(chapter.source().commands().stream()
                                .mapToInt(c -> c.examples().size())
                                .sum()
                        + chapter.source().urcs().stream()
                                .mapToInt(u -> u.examples().size())
                                .sum())
                .isEqualTo(3);
        assertThat(chapter.names().all())
                .containsExactly(
                        "DataLinkUrc", "DataLinkRequests", "DataLinkCommands", "DataLinkEdition", "DataLinkChapter");
    }

    @Test
    void aWrongExampleInItIsAnError() {
        String spec = Specs.read(Specs.FIXTURE).replace("> hello", "> hello!");

        CompilationResult result = SpecCompiler.parse(Specs.FIXTURE_NAME, spec);

        assertThat(result.errors())
                .extracting(d -> d.header())
                .containsExactly("acme/data_link.atspec:28:9: error: payload after the prompt is 6 bytes"
                        + " (lines joined with CR LF), but <length> says 5");
    }

    @Test
    void itsBindingsCompileWithoutWarnings() {
        assertThat(diagnostics).isEmpty();
    }

    @Test
    void itsDescriptorIsFoundOnTheClassPathAndReadsItsLines() {
        List<ChapterBinding> found = ChapterBindings.load(loader);

        assertThat(found).extracting(ChapterBinding::name).containsExactly("data_link");
        ChapterBinding chapter = found.get(0);
        assertThat(chapter.javaPackage()).isEqualTo("io.acme.datalink");
        assertThat(chapter.commandNames()).containsExactlyInAnyOrder("AT+XSEND", "AT+XLINK");
        assertThat(chapter.rebootIndications()).containsExactly("+XBOOT");
        assertThat(chapter.urcDecoders()).containsOnlyKeys("+XRECV:");
        // The example's lines, as a module and a capture reader meet them.
        assertThat(chapter.promptLength("AT+XSEND=5")).hasValue(5);
        assertThat(chapter.parseRequest("AT+XSEND=5", ascii("hello")))
                .get()
                .extracting(r -> r.getClass().getName())
                .isEqualTo("io.acme.datalink.XSend$SetForm");
        assertThat(chapter.parseRequest("AT+XSEND=5", null)).isEmpty();
        assertThat(chapter.parseRequest("AT+XLINK?", null)).isPresent();
        assertThat(chapter.parseRequest("AT+OTHER", null)).isEmpty();
        Object recv = chapter.parseUrc(Urc.withPayload("+XRECV:", "+XRECV: 5,", ascii("world")))
                .orElseThrow();
        assertThat(recv.getClass().getName()).isEqualTo("io.acme.datalink.XRecv");
        assertThat(chapter.explainError("AT+XSEND", "3")).hasValue("The link is not up");
        assertThat(chapter.explainError("AT+XLINK", "3")).isEmpty();
        assertThat(chapter.explainError("7")).hasValue("The data is longer than the module accepts");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
