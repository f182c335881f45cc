package io.atspec.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.runtime.bind.Decoders;
import io.atspec.runtime.testing.ScriptedModem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link UrcDecoder#httpMessage(String)}: a raw HTTP response ends where its own framing says. */
class HttpMessageFramingTest {

    private static final String RECV = "+HTTPRECV:";
    private static final String CLOSED = "+HTTPCLOSED:";

    /** Frames {@code wire} offline, as the channel would with no command pending. */
    private static List<Urc> frame(String wire) throws IOException {
        List<Urc> out = new ArrayList<>();
        WireDecoder.decode(
                new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)),
                AtChannelConfig.defaults(),
                Map.of(RECV, UrcDecoder.httpMessage(CLOSED)),
                out::add);
        return out;
    }

    private static String text(Urc urc) {
        return new String(urc.payload(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void contentLengthEndsTheMessageAndOkInsideIsData() throws IOException {
        String message = "HTTP/1.1 200 OK\r\nContent-Length: 25\r\n\r\n\r\nOK\r\n+HTTPCLOSED: fake\r\n";
        List<Urc> urcs = frame("\r\n" + RECV + "\r\n" + message + "\r\nOK\r\n");
        assertThat(urcs).hasSize(2);
        assertThat(text(urcs.get(0))).isEqualTo(message);
        assertThat(urcs.get(0).endsMessage()).isTrue();
        assertThat(urcs.get(1).line()).isEqualTo("OK");
    }

    @Test
    void chunkedWithExtensionsAndTrailersEndsAfterTheTrailerSection() throws IOException {
        String message = "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n"
                + "6;name=value\r\n\r\nOK\r\n\r\n"
                + "3 ; x\r\nabc\r\n"
                + "0;last\r\nExpires: never\r\nX-Sum: 1\r\n\r\n";
        List<Urc> urcs = frame(RECV + "\r\n" + message + "OK\r\n");
        assertThat(urcs).hasSize(2);
        assertThat(text(urcs.get(0))).isEqualTo(message);
        assertThat(urcs.get(0).endsMessage()).isTrue();
        assertThat(urcs.get(1).line()).isEqualTo("OK");
    }

    @Test
    void transferEncodingWinsOverContentLength() throws IOException {
        String message =
                "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n";
        List<Urc> urcs = frame(RECV + "\r\n" + message + "OK\r\n");
        assertThat(text(urcs.get(0))).isEqualTo(message);
        assertThat(urcs.get(1).line()).isEqualTo("OK");
    }

    @Test
    void noContentNotModifiedAndInterimResponsesHaveNoBody() throws IOException {
        String noContent = "HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n";
        String notModified = "HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n";
        String interimThenFinal = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi";
        List<Urc> urcs = frame(RECV + "\r\n" + noContent + "OK\r\n" + RECV + "\r\n" + notModified + "OK\r\n" + RECV
                + "\r\n" + interimThenFinal + "\r\nOK\r\n");
        assertThat(urcs)
                .extracting(u -> u.payload() == null ? u.line() : text(u))
                .containsExactly(noContent, "OK", notModified, "OK", interimThenFinal, "OK");
    }

    @Test
    void aMessageWithoutLengthRunsToTheTerminatorAsARawPayloadDoes() throws IOException {
        String message = "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nbody\r\nOK";
        List<Urc> urcs = frame(RECV + "\r\n" + message + "\r\n+HTTPCLOSED: HTTP Link Closed\r\n");
        assertThat(urcs).hasSize(2);
        assertThat(text(urcs.get(0))).isEqualTo(message);
        assertThat(urcs.get(0).endsMessage()).isFalse();
        assertThat(urcs.get(1).line()).isEqualTo("+HTTPCLOSED: HTTP Link Closed");
    }

    @Test
    void aTerminatorInsideTheHeaderSectionEndsTheTruncatedMessage() throws IOException {
        // The manual's custom-packet example: the link closes right after the header fields.
        String headers = "HTTP/1.1 200 OK\r\nContent-Length: 13842\r\nConnection: close";
        List<Urc> urcs = frame(RECV + "\r\n" + headers + "\r\n+HTTPCLOSED: HTTP Link Closed\r\n");
        assertThat(text(urcs.get(0))).isEqualTo(headers);
        assertThat(urcs.get(0).endsMessage()).isFalse();
        assertThat(urcs.get(1).line()).isEqualTo("+HTTPCLOSED: HTTP Link Closed");
    }

    @Test
    void aMalformedHeaderIsAFramingErrorThatDoesNotSwallowTheNextAnswer() throws IOException {
        for (String bad : List.of(
                "HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n",
                "HTTP/1.1 OK\r\n\r\n",
                "Content-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabcd\r\n")) {
            List<Urc> urcs = new ArrayList<>();
            ChannelStats stats = WireDecoder.decode(
                    new ByteArrayInputStream(
                            (RECV + "\r\n" + bad + "OK\r\n+CSQ: 20,0\r\n").getBytes(StandardCharsets.ISO_8859_1)),
                    AtChannelConfig.defaults(),
                    Map.of(RECV, UrcDecoder.httpMessage(CLOSED)),
                    urcs::add);
            assertThat(stats.framingErrors()).as(bad).isEqualTo(1);
            assertThat(urcs).as(bad).extracting(Urc::line).contains("OK", "+CSQ: 20,0");
            assertThat(urcs).as(bad).allSatisfy(u -> assertThat(u.payload()).isNull());
        }
    }

    @Test
    void leadingEmptyLinesAndWrappedOrFoldedHeaderLinesAreKeptAndDoNotHideTheLength() throws IOException {
        // The manual's examples wrap Set-Cookie; RFC 9112 5.2 allows obsolete line folding.
        String message = "\r\nHTTP/1.1 200 OK\r\nSet-Cookie: id=1; path=/;\r\nHttpOnly\r\nX-Long: a\r\n b\r\n"
                + "Content-Length: 2\r\n\r\nhi";
        List<Urc> urcs = frame(RECV + "\r\n" + message + "\r\nOK\r\n");
        assertThat(text(urcs.get(0))).isEqualTo(message);
        assertThat(urcs.get(1).line()).isEqualTo("OK");
    }

    @Test
    void aTerminatorWhereTheBodyWouldBeginIsAHeadAnswerOnAClosingLink() throws IOException {
        // A custom packet's HEAD, or a captured trace: nobody told the channel the request was HEAD.
        String head = "HTTP/1.1 200 OK\r\nContent-Length: 13842\r\n\r\n";
        List<Urc> urcs = frame(RECV + "\r\n" + head + "\r\n+HTTPCLOSED: HTTP Link Closed\r\nOK\r\n");
        assertThat(urcs)
                .extracting(u -> u.payload() == null ? u.line() : text(u))
                .containsExactly(head, "+HTTPCLOSED: HTTP Link Closed", "OK");
    }

    @Test
    void aLengthHeaderIsStillLengthFramedBesideTheHttpShape() throws IOException {
        List<Urc> out = new ArrayList<>();
        WireDecoder.decode(
                new ByteArrayInputStream((RECV + " 4,OK\r\n\r\nOK\r\n").getBytes(StandardCharsets.ISO_8859_1)),
                AtChannelConfig.defaults(),
                Map.of(RECV, Decoders.httpMessageOrLengthFramed(CLOSED)),
                out::add);
        assertThat(out).extracting(Urc::toString).containsExactly("+HTTPRECV: 4, (+4 bytes)", "OK");
    }

    // ---- on a channel: a kept-alive link sends no terminator ----

    private ScriptedModem modem;
    private AtChannel channel;

    @AfterEach
    void tearDown() {
        if (channel != null) {
            channel.close();
        }
        if (modem != null) {
            modem.close();
        }
    }

    private static Completion untilClosedOrWholeMessage() {
        return new Completion(
                List.of(RECV, CLOSED),
                u -> u.line().startsWith(CLOSED) || u.endsMessage(),
                Duration.ofSeconds(30),
                List.of());
    }

    @Test
    void onAKeptAliveLinkTheNextCommandsOkIsItsOwnAndASecondRequestWorks() {
        modem = ScriptedModem.inMemory(7).chunks(1, 5);
        channel = AtChannel.open(modem.host());
        channel.registerDecoder(RECV, UrcDecoder.httpMessage(CLOSED));
        String first = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: keep-alive\r\n\r\nOK\r\nOK";
        String second = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nOK\r\n\r\n0\r\n\r\n";
        modem.when("AT+HTTPACTION=0", r -> r.ok().raw("\r\n" + RECV + "\r\n" + first));
        modem.when("AT+CSQ", r -> r.line("+CSQ: 20,0").ok());
        CompletedResponse get = channel.execute(AtCommand.of("AT+HTTPACTION=0"), untilClosedOrWholeMessage());
        assertThat(get.urcs()).hasSize(1);
        assertThat(text(get.urcs().get(0))).isEqualTo(first);

        AtResponse csq =
                channel.execute(AtCommand.builder("AT+CSQ").expect("+CSQ:").build());
        assertThat(csq.lines()).containsExactly("+CSQ: 20,0");
        assertThat(csq.finalResult()).isEqualTo(FinalResult.OK);

        modem.when("AT+HTTPACTION=0,0,100", r -> r.ok().raw("\r\n" + RECV + "\r\n" + second));
        CompletedResponse again = channel.execute(AtCommand.of("AT+HTTPACTION=0,0,100"), untilClosedOrWholeMessage());
        assertThat(text(again.urcs().get(0))).isEqualTo(second);
        assertThat(channel.stats().framingErrors()).isZero();
    }

    @Test
    void theAnswerToAHeadRequestHasNoBodyWhateverItsContentLength() {
        modem = ScriptedModem.inMemory(8).chunks(1, 5);
        channel = AtChannel.open(modem.host());
        channel.registerDecoder(RECV, UrcDecoder.httpMessage(CLOSED));
        String head = "HTTP/1.1 200 OK\r\nContent-Length: 13842\r\n\r\n";
        modem.when("AT+HTTPACTION=1", r -> r.ok().raw("\r\n" + RECV + "\r\n" + head));
        modem.when("AT", r -> r.ok());
        CompletedResponse done = channel.execute(
                AtCommand.of("AT+HTTPACTION=1"), untilClosedOrWholeMessage().withBodilessMessages());
        assertThat(text(done.urcs().get(0))).isEqualTo(head);
        assertThat(done.urcs().get(0).endsMessage()).isTrue();
        assertThat(channel.execute(AtCommand.of("AT")).finalResult()).isEqualTo(FinalResult.OK);
    }
}
