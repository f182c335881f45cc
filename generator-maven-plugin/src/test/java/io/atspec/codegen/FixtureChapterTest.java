package io.atspec.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.SpecCompiler;
import io.atspec.grammar.link.LinkedChapter;
import io.atspec.runtime.AtChannel;
import io.atspec.runtime.AtChannelConfig;
import io.atspec.runtime.AtResponse;
import io.atspec.runtime.InMemoryTransport;
import io.atspec.runtime.Urc;
import io.atspec.runtime.WireDecoder;
import io.atspec.runtime.bind.AtRequest;
import io.atspec.runtime.bind.ChapterBinding;
import io.atspec.runtime.bind.ChapterBindings;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
                .isEqualTo(9);
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
        assertThat(chapter.commandNames())
                .containsExactlyInAnyOrder("AT+XSEND", "AT+XLINK", "AT+XREAD", "AT+XACK", "AT+XPUT");
        assertThat(chapter.rebootIndications()).containsExactly("+XBOOT");
        assertThat(chapter.urcDecoders()).containsOnlyKeys("+XRECV:", "+XDATA:");
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

    @Test
    void aPushedUrcPayloadAfterTheLinkIsFramedByTheChaptersDecoderAndRead() throws Exception {
        ChapterBinding chapter = ChapterBindings.load(loader).get(0);
        byte[] wire = ascii("\r\n+XDATA: 0,6,ab\r\nOK\r\n+XDATA: 1\r\n");
        List<Urc> framed = new ArrayList<>();

        WireDecoder.decode(
                new ByteArrayInputStream(wire), AtChannelConfig.defaults(), chapter.urcDecoders(), framed::add);

        assertThat(framed).extracting(Urc::line).containsExactly("+XDATA: 0,6,", "+XDATA: 1");
        assertThat(framed.get(0).payload()).isEqualTo(ascii("ab\r\nOK"));
        assertThat(chapter.parseUrc(framed.get(0)).orElseThrow())
                .hasToString("XData.Pushed[link=0, length=6, data=6 bytes]");
        assertThat(chapter.parseUrc(framed.get(1)).orElseThrow()).hasToString("XData.Notice[link=1]");
    }

    @Test
    void aCountedResponsePayloadHoldingOkIsReadWholeThroughTheChannel() throws Exception {
        ChapterBinding chapter = ChapterBindings.load(loader).get(0);
        AtRequest read = chapter.parseRequest("AT+XREAD=0,64", null).orElseThrow();
        InMemoryTransport.Pair link = InMemoryTransport.pair();
        try (AtChannel channel = AtChannel.open(link.host())) {
            CompletableFuture<AtResponse> answer = channel.submit(read.command(Duration.ofSeconds(10)));
            assertThat(commandLine(link.device().input())).isEqualTo("AT+XREAD=0,64");
            link.device().output().write(ascii("\r\n+XREAD: 0,6,ab\r\nOK\r\nOK\r\n"));
            link.device().output().flush();

            AtResponse response = answer.get(10, TimeUnit.SECONDS);

            assertThat(response.lines()).containsExactly("+XREAD: 0,6,");
            assertThat(response.payload(0)).isEqualTo(ascii("ab\r\nOK"));
            assertThat(chapter.parseResponse(read, response.lines().get(0), response.payload(0))
                            .orElseThrow())
                    .hasToString("XReadResponse.Data[link=0, readLength=6, content=6 bytes]");
        } finally {
            link.device().close();
        }
    }

    @Test
    void unsignedAndSigned64BitCountersAreReadAsLongs() {
        ChapterBinding chapter = ChapterBindings.load(loader).get(0);
        AtRequest query = chapter.parseRequest("AT+XACK?", null).orElseThrow();

        Object counters = chapter.parseResponse(query, "+XACK: 18446744073709551615,9223372036854775807")
                .orElseThrow();

        assertThat(counters).hasToString("XAckResponse[sent=18446744073709551615, acked=9223372036854775807]");
        // Sent as it was read: unsigned, not -1.
        assertThat(chapter.parseRequest("AT+XACK=18446744073709551615", null).orElseThrow())
                .extracting(AtRequest::line, r -> r.toString())
                .containsExactly("AT+XACK=18446744073709551615", "XAck.SetForm[sent=18446744073709551615]");
    }

    @Test
    void inlineLengthsAreTheBytesOfTheContentAndAreChecked() {
        ChapterBinding chapter = ChapterBindings.load(loader).get(0);

        assertThat(chapter.parseRequest("AT+XPUT=0,5,\"hello\"", null)).isPresent();
        assertThat(chapter.parseRequest("AT+XPUT=0,5,\"68656C6C6F\",1", null)).isPresent();
        assertThat(chapter.parseRequest("AT+XPUT=0,4,\"hello\"", null)).isEmpty();
        assertThat(chapter.parseRequest("AT+XPUT=0,10,\"68656C6C6F\",1", null)).isEmpty();
    }

    @Test
    void anExampleWhoseInlineLengthIsNotTheContentsIsAnError() {
        String spec = Specs.read(Specs.FIXTURE)
                .replace("> AT+XPUT=0,5,\"hello\"", "> AT+XPUT=0,4,\"hello\"")
                .replace("> AT+XPUT=0,5,\"68656C6C6F\",1", "> AT+XPUT=0,3,\"68656C6C6\",1");

        CompilationResult result = SpecCompiler.parse(Specs.FIXTURE_NAME, spec);

        assertThat(result.errors())
                .extracting(d -> d.header())
                .containsExactly(
                        "acme/data_link.atspec:144:9: error: <content> is 5 bytes, but <text_length> says 4",
                        "acme/data_link.atspec:149:9: error: <hex_content> has 9 hex characters; its length"
                                + " <hex_length> counts bytes (two characters each), so it needs an even number");
    }

    /** The command line the channel wrote, up to its CR. */
    private static String commandLine(java.io.InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            assertThat(b).as("stream ended before the command line's CR").isNotNegative();
            line.append((char) b);
        }
        return line.toString();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
