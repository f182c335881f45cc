package io.atspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.runtime.testing.ChapterServices;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code atspec decode} over the chapters it finds: a chapter the tool does not carry, given with
 * {@code --classpath} (a hand-written {@link WidgetChapter} registered in a services file, as a
 * team's bindings jar registers its generated chapters), error codes explained from the right
 * table, the exit status and the noise the reader skipped.
 */
class DecodeChaptersTest {

    @TempDir
    Path dir;

    /** A class directory that registers {@code chapters} (their classes come from the tool's own class path). */
    private Path bindings(String name, Class<?>... chapters) throws IOException {
        return ChapterServices.register(dir.resolve(name), chapters);
    }

    private Path capture(String... lines) throws IOException {
        Path capture = dir.resolve("capture.txt");
        Files.writeString(capture, String.join("\n", lines) + "\n");
        return capture;
    }

    private static final String[] WIDGET_SESSION = {
        "TX: AT+WSTAT?\\r",
        "RX: +WSTAT: 3",
        "RX: OK",
        "TX: AT+WSEND=5\\r",
        "RX: >",
        "TX: hello",
        "RX: OK",
        "RX: +WDATA: 6,ab\\r\\ncd\\r\\n",
        "RX: +WBOOT",
    };

    @Test
    void decodesAChapterGivenWithClasspath() throws IOException {
        Path capture = capture(WIDGET_SESSION);
        Run run = Run.of(
                "decode", "--classpath", bindings("widget", WidgetChapter.class).toString(), capture.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("> AT+WSTAT?\n    = command WidgetChapter.Stat[")
                .contains("line=AT+WSTAT?] (chapter widget)")
                .contains("< +WSTAT: 3\n    = response to AT+WSTAT?: WidgetChapter.StatResponse[state=3]")
                .contains("command AT+WSEND (chapter widget): 5 payload bytes follow the '>' prompt")
                .contains("> hello (5 bytes)\n    = payload of AT+WSEND: command WidgetChapter.Send[hello]")
                // Framed by the chapter's own decoder: 6 bytes, line ends included.
                .contains("= URC WidgetChapter.Data[length=6, data=ab\r\ncd] (chapter widget)")
                .contains("< +WBOOT\n    = URC Boot (chapter widget)")
                .contains("0 lines did not parse; no noise");
    }

    @Test
    void withoutItsBindingsTheChapterIsUnknownAndDecodeFails() throws IOException {
        Run run = Run.of("decode", capture(WIDGET_SESSION).toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out())
                .contains("> AT+WSTAT?\n    ?? does not parse: AT+WSTAT is not a command of ")
                .contains("lines did not parse");
    }

    @Test
    void aRebootIndicationEndsThePendingCommand() throws IOException {
        Path capture = capture("TX: AT+WSTAT?\\r", "RX: +WBOOT", "RX: OK");
        Run run = Run.of(
                "decode", "--classpath", bindings("widget", WidgetChapter.class).toString(), capture.toString());
        assertThat(run.out())
                .contains(
                        "< +WBOOT\n    = URC Boot (chapter widget)\n    = the module restarted: AT+WSTAT? gets no answer")
                .contains("< OK\n    = final result OK (no command pending)");
    }

    @Test
    void severalPathsAreSearched() throws IOException {
        String path =
                bindings("a", WidgetChapter.class) + File.pathSeparator + bindings("b", WidgetChapter.Gadget.class);
        Run run = Run.of(
                "decode",
                "--classpath",
                path,
                capture("TX: AT+GSET=1\\r", "RX: +CME ERROR: 7").toString());
        assertThat(run.out()).contains("?? does not parse: no form of AT+GSET (chapter gadget) fits this line");
    }

    @Test
    void anErrorIsExplainedFromThePendingCommandsTableFirst() throws IOException {
        String path =
                bindings("a", WidgetChapter.class, WidgetChapter.Gadget.class).toString();
        Path capture = capture("TX: AT+WSEND=1\\r", "RX: >", "TX: x", "RX: +CME ERROR: 7");
        Run run = Run.of("decode", "--classpath", path, capture.toString());
        assertThat(run.out())
                .contains(
                        "= final result of AT+WSEND=1: +CME ERROR: 7 (WsendError.BUFFER_FULL: the send buffer is full)");
    }

    @Test
    void withNoTableOfThePendingCommandEveryChapterDefiningTheCodeIsAsked() throws IOException {
        String path =
                bindings("a", WidgetChapter.class, WidgetChapter.Gadget.class).toString();
        Run run = Run.of(
                "decode",
                "--classpath",
                path,
                capture("TX: AT+WSTAT?\\r", "RX: +CME ERROR: 7").toString());
        assertThat(run.out())
                .contains("= final result of AT+WSTAT?: +CME ERROR: 7 (GadgetError.JAMMED: the gadget jammed in"
                        + " chapter gadget; or WsendError.BUFFER_FULL: the send buffer is full in chapter widget)");
        Run unknown = Run.of(
                "decode", "--classpath", path, capture("RX: +CME ERROR: 8").toString());
        assertThat(unknown.out()).contains("= final result +CME ERROR: 8 (no command pending)");
    }

    @Test
    void theSummaryReportsTheNoiseTheReaderSkipped() throws IOException {
        Path capture = dir.resolve("raw.bin");
        Files.write(
                capture,
                ("\u0001\u0002boot noise\r\n\u0000\u0000OK\r\n" + "x".repeat(70 * 1024) + "\r\n" + "\u001bjunk\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        Run run = Run.of("decode", "--format", "raw", capture.toString());
        assertThat(run.out()).contains("noise skipped: 2 garbage lines, 1 overlong line, 2 NUL bytes");
        assertThat(run.exit()).as("noise alone does not fail a decode").isZero();
    }

    @Test
    void aMissingClasspathEntryIsOneLine() throws IOException {
        Path missing = dir.resolve("no-such.jar");
        Run run = Run.of(
                "decode",
                "--classpath",
                missing.toString(),
                capture(WIDGET_SESSION).toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip())
                .isEqualTo("atspec: error: --classpath: " + missing + ": no such file or directory");
    }

    @Test
    void twoBuildsOfOneChapterAreRefused() throws IOException {
        String path = bindings("a", WidgetChapter.class)
                + File.pathSeparator
                + bindings("b", WidgetChapter.SecondWidget.class);
        Run run = Run.of("decode", "--classpath", path, capture(WIDGET_SESSION).toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip())
                .startsWith("atspec: error: two chapters are named 'widget': com.acme.widget (")
                .contains("com.acme.widget2")
                .doesNotContain("\n");
    }
}
