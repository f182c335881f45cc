package io.atspec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.neoway.http.CheckType;
import io.atspec.neoway.http.ContentType;
import io.atspec.neoway.http.Decompression;
import io.atspec.neoway.http.DownloadState;
import io.atspec.neoway.http.HttpAction;
import io.atspec.neoway.http.HttpActionOutcome;
import io.atspec.neoway.http.HttpClosed;
import io.atspec.neoway.http.HttpCommands;
import io.atspec.neoway.http.HttpGet;
import io.atspec.neoway.http.HttpGetOutcome;
import io.atspec.neoway.http.HttpGetRpt;
import io.atspec.neoway.http.HttpPara;
import io.atspec.neoway.http.HttpRecv;
import io.atspec.neoway.http.HttpSetup;
import io.atspec.neoway.http.KeepAlive;
import io.atspec.neoway.http.RecvMode;
import io.atspec.neoway.network.AttachState;
import io.atspec.neoway.network.AuthType;
import io.atspec.neoway.network.Cgatt;
import io.atspec.neoway.network.Cgdcont;
import io.atspec.neoway.network.GprsDisconnection;
import io.atspec.neoway.network.LinkState;
import io.atspec.neoway.network.NetworkCommands;
import io.atspec.neoway.network.PdpType;
import io.atspec.neoway.network.RegStatus;
import io.atspec.neoway.network.Xgauth;
import io.atspec.neoway.network.Xiic;
import io.atspec.neoway.network.XiicOutcome;
import io.atspec.runtime.AtCommandFailedException;
import io.atspec.runtime.FinalResult;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated bindings -> AtChannel -> in-memory or TCP transport -> simulator -> real HTTP server
 * on loopback; every body checked by SHA-256.
 */
class EndToEndTest {

    private static final SimulatorConfig CONFIG = SimulatorConfig.defaults().withPppDelay(Duration.ZERO);

    @RegisterExtension
    static final TestHttpServer server = TestHttpServer.perClass();

    /** Bodies that break naive readers: empty, one byte, binary, and the framing words themselves. */
    static Stream<Arguments> bodies() {
        List<Arguments> all = new ArrayList<>();
        for (Modem.Link link : Modem.Link.values()) {
            for (RecvMode mode : RecvMode.values()) {
                all.add(Arguments.of(link, mode, "empty", new byte[0]));
                all.add(Arguments.of(link, mode, "one", new byte[] {'x'}));
                all.add(Arguments.of(link, mode, "2KiB", random(2048, 1)));
                all.add(Arguments.of(link, mode, "13842", random(13842, 2)));
                all.add(Arguments.of(
                        link,
                        mode,
                        "framing",
                        "a\r\nOK\r\nb+HTTPCLOSED: HTTP Link Closed\r\nERROR\r\n+HTTPRECV: 5,\r\n>"
                                .getBytes(StandardCharsets.US_ASCII)));
            }
            // Only the length framing can carry a body line that looks like the terminator.
            all.add(Arguments.of(
                    link,
                    RecvMode.LENGTH,
                    "terminator-line",
                    "x\r\n+HTTPCLOSED: HTTP Link Closed\r\ny".getBytes(StandardCharsets.US_ASCII)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} recvmode {1}: GET {2}")
    @MethodSource("bodies")
    void getDeliversTheBodyIntact(Modem.Link link, RecvMode mode, String name, byte[] body) throws Exception {
        String path = server.file(link + "-" + mode + "-" + name, body);
        try (Modem modem = Modem.open(link, CONFIG)) {
            attach(modem);
            HttpCommands http = httpTo(modem, path, mode);
            HttpActionOutcome outcome = http.httpAction(HttpAction.get());

            HttpMessage response = HttpMessage.of(outcome.data());
            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(response.bodySha256()).isEqualTo(HttpMessage.sha256(body));
            // recvmode 0: the whole message ends the wait (its Content-Length says where);
            // recvmode 1: the pieces say nothing of the message, so +HTTPCLOSED does.
            assertThat(outcome.reports())
                    .last()
                    .isInstanceOf(mode == RecvMode.LENGTH ? HttpClosed.class : HttpRecv.Raw.class);
            if (mode == RecvMode.LENGTH) {
                assertThat(outcome.reports())
                        .filteredOn(HttpRecv.class::isInstance)
                        .allSatisfy(
                                r -> assertThat(((HttpRecv.Framed) r).data()).hasSizeBetween(1, 1024));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Modem.Link.class)
    void attachSequenceThroughTheGeneratedFacade(Modem.Link link) throws Exception {
        try (Modem modem = Modem.open(link, CONFIG)) {
            NetworkCommands net = new NetworkCommands(modem.channel());
            assertThat(net.cpinQuery().code()).isEqualTo("READY");
            assertThat(net.csqExec().rssi()).isEqualTo(24);
            assertThat(net.cregQuery().stat().is(RegStatus.REGISTERED_HOME)).isTrue();
            assertThat(net.cgattQuery().state().is(AttachState.ATTACHED)).isTrue();
            assertThat(net.cregTest()).isNotNull();
            assertThat(net.cgattTest()).isNotNull();
            assertThat(net.cgdcontTest()).isNotNull();
            net.cgdcont(Cgdcont.set(1, PdpType.IP, "CMNET"));
            assertThat(net.cgdcontQuery().apn()).isEqualTo("CMNET");
            net.xgauth(Xgauth.set(1, AuthType.PAP, "card", "s3cret"));
            assertThat(net.xiicQuery().stateIs(LinkState.DOWN)).isTrue();
            XiicOutcome up = net.xiic(Xiic.activate());
            assertThat(up.result().orElseThrow().stateIs(LinkState.UP)).isTrue();
            assertThat(up.result().orElseThrow().ip()).isEqualTo("10.0.0.2");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Modem.Link.class)
    void theLinkComesUpOnlyAfterTheConfiguredDelay(Modem.Link link) throws Exception {
        try (Modem modem = Modem.open(link, CONFIG.withPppDelay(Duration.ofMillis(200)))) {
            NetworkCommands net = new NetworkCommands(modem.channel());
            net.xiic(Xiic.activate());
            // xiic() returned, so a poll saw state 1 (the generated code polls every second).
            assertThat(net.xiicQuery().stateIs(LinkState.UP)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Modem.Link.class)
    void headGivesHeadersOnly(Modem.Link link) throws Exception {
        String path = server.file("head-" + link, random(500, 3));
        try (Modem modem = Modem.open(link, CONFIG)) {
            attach(modem);
            HttpActionOutcome outcome = httpTo(modem, path, RecvMode.DEFAULT).httpAction(HttpAction.head());
            HttpMessage response = HttpMessage.of(outcome.data());
            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(response.body()).isEmpty();
        }
    }

    /**
     * keepalive 1, recvmode 0: no +HTTPCLOSED comes, so each raw response ends where its
     * Content-Length says; the next command gets its own answer, and the link serves a ranged GET
     * and a HEAD (whose Content-Length announces a body that never comes) after it.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Modem.Link.class)
    void aKeptAliveLinkAnswersGetThenAnotherCommandThenGetAgain(Modem.Link link) throws Exception {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes("a\r\nOK\r\n+HTTPCLOSED: HTTP Link Closed\r\nERROR\r\n".getBytes(StandardCharsets.US_ASCII));
        content.writeBytes(random(13842, 6));
        byte[] body = content.toByteArray();
        String path = server.file("keep-" + link, body);
        try (Modem modem = Modem.open(link, CONFIG)) {
            attach(modem);
            HttpCommands http = new HttpCommands(modem.channel());
            http.httpPara(HttpPara.url("127.0.0.1" + path));
            http.httpPara(HttpPara.port(server.port()));
            http.httpPara(HttpPara.keepalive(KeepAlive.LONG_TIME));
            http.httpSetup(HttpSetup.exec());

            HttpActionOutcome get = http.httpAction(HttpAction.get());
            assertThat(HttpMessage.of(get.data()).bodySha256()).isEqualTo(HttpMessage.sha256(body));
            assertThat(get.reports()).noneMatch(HttpClosed.class::isInstance);

            NetworkCommands net = new NetworkCommands(modem.channel());
            assertThat(net.csqExec().rssi()).isEqualTo(24);

            HttpActionOutcome range = http.httpAction(HttpAction.get(2, 40));
            assertThat(HttpMessage.of(range.data()).body()).isEqualTo(java.util.Arrays.copyOfRange(body, 2, 42));
            HttpActionOutcome head = http.httpAction(HttpAction.head());
            assertThat(HttpMessage.of(head.data()).head()).containsIgnoringCase("Content-Length: " + body.length);
            assertThat(HttpMessage.of(head.data()).body()).isEmpty();
            assertThat(net.csqExec().rssi()).isEqualTo(24);
            assertThat(modem.channel().stats().framingErrors()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Modem.Link.class)
    void rangedGetSendsARangeHeader(Modem.Link link) throws Exception {
        byte[] body = random(14615, 4);
        String path = server.file("range-" + link, body);
        try (Modem modem = Modem.open(link, CONFIG)) {
            attach(modem);
            HttpActionOutcome outcome = httpTo(modem, path, RecvMode.LENGTH).httpAction(HttpAction.get(10, 100));
            HttpMessage response = HttpMessage.of(outcome.data());
            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 206 Partial Content");
            assertThat(response.head()).containsIgnoringCase("Content-Range: bytes 10-109/14615");
            assertThat(response.body()).isEqualTo(java.util.Arrays.copyOfRange(body, 10, 110));
        }
    }

    static Stream<Arguments> posts() {
        List<Arguments> all = new ArrayList<>();
        for (Modem.Link link : Modem.Link.values()) {
            all.add(Arguments.of(
                    link, RecvMode.DEFAULT, "MAC=NEOWAY&DATA=0123456".getBytes(StandardCharsets.US_ASCII)));
            all.add(Arguments.of(link, RecvMode.LENGTH, new byte[] {'1'}));
            all.add(Arguments.of(link, RecvMode.LENGTH, random(2048, 5)));
            all.add(Arguments.of(
                    link, RecvMode.DEFAULT, "{\"k\":\"\r\nOK\r\n>\"}".getBytes(StandardCharsets.US_ASCII)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} recvmode {1}: POST {2}")
    @MethodSource("posts")
    void postSendsExactlyTheBodyWithItsContentType(Modem.Link link, RecvMode mode, byte[] body) throws Exception {
        try (Modem modem = Modem.open(link, CONFIG)) {
            attach(modem);
            HttpActionOutcome outcome =
                    httpTo(modem, "/echo", mode).httpAction(HttpAction.post(body, ContentType.JSON));
            HttpMessage response = HttpMessage.of(outcome.data());
            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(response.head()).containsIgnoringCase("X-request-content-type: application/json");
            assertThat(response.bodySha256()).isEqualTo(HttpMessage.sha256(body));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Modem.Link.class)
    void postWithoutTypeIsFormUrlEncodedAndEchoOffWorksToo(Modem.Link link) throws Exception {
        try (Modem modem = Modem.open(link, CONFIG.withEcho(false))) {
            attach(modem);
            HttpActionOutcome outcome = httpTo(modem, "/echo", RecvMode.DEFAULT)
                    .httpAction(HttpAction.post("a=1".getBytes(StandardCharsets.US_ASCII)));
            assertThat(HttpMessage.of(outcome.data()).head())
                    .containsIgnoringCase("X-request-content-type: application/x-www-form-urlencoded");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Modem.Link.class)
    void customPacketGoesOnTheSocketAsIs(Modem.Link link) throws Exception {
        byte[] body = random(3000, 6);
        String path = server.file("custom-" + link, body);
        byte[] packet = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (Modem modem = Modem.open(link, CONFIG)) {
            attach(modem);
            HttpActionOutcome outcome = httpTo(modem, "/", RecvMode.LENGTH).httpAction(HttpAction.custom(packet));
            assertThat(HttpMessage.of(outcome.data()).bodySha256()).isEqualTo(HttpMessage.sha256(body));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Modem.Link.class)
    void withoutPppSetupIsErrorAndActionIsSocketOpenFailed(Modem.Link link) throws Exception {
        try (Modem modem = Modem.open(link, CONFIG)) {
            HttpCommands http = new HttpCommands(modem.channel());
            http.httpPara(HttpPara.url("127.0.0.1/echo"));
            http.httpPara(HttpPara.port(server.port()));
            assertThatThrownBy(() -> http.httpSetup(HttpSetup.exec()))
                    .isInstanceOfSatisfying(
                            AtCommandFailedException.class,
                            e -> assertThat(e.finalResult()).isInstanceOf(FinalResult.Error.class));
            assertThatThrownBy(() -> http.httpAction(HttpAction.get()))
                    .isInstanceOfSatisfying(
                            AtCommandFailedException.class,
                            e -> assertThat(e.finalResult().line()).isEqualTo("+HTTPACTION: SOCKET ID OPEN FAILED"));
            assertThatThrownBy(() -> http.httpAction(HttpAction.post(new byte[] {1, 2, 3})))
                    .isInstanceOfSatisfying(
                            AtCommandFailedException.class,
                            e -> assertThat(e.finalResult().line()).isEqualTo("+HTTPACTION: SOCKET ID OPEN FAILED"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Modem.Link.class)
    void serverDownSetupFails(Modem.Link link) throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (Modem modem = Modem.open(link, CONFIG)) {
            attach(modem);
            HttpCommands http = new HttpCommands(modem.channel());
            http.httpPara(HttpPara.url("127.0.0.1/x"));
            http.httpPara(HttpPara.port(closedPort));
            assertThatThrownBy(() -> http.httpSetup(HttpSetup.exec())).isInstanceOf(AtCommandFailedException.class);
            assertThatThrownBy(() -> http.httpAction(HttpAction.get()))
                    .isInstanceOfSatisfying(
                            AtCommandFailedException.class,
                            e -> assertThat(e.finalResult().line()).isEqualTo("+HTTPACTION: SOCKET ID OPEN FAILED"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Modem.Link.class)
    void theServerClosingEndsTheLinkSoTheNextActionNeedsANewSetup(Modem.Link link) throws Exception {
        String path = server.file("twice-" + link, random(10, 7));
        try (Modem modem = Modem.open(link, CONFIG)) {
            attach(modem);
            HttpCommands http = httpTo(modem, path, RecvMode.DEFAULT);
            http.httpAction(HttpAction.get());
            assertThatThrownBy(() -> http.httpAction(HttpAction.get())).isInstanceOf(AtCommandFailedException.class);
            http.httpSetup(HttpSetup.exec());
            assertThat(HttpMessage.of(http.httpAction(HttpAction.get()).data()).statusLine())
                    .endsWith("200 OK");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Modem.Link.class)
    void detachingUnderPppReportsGprsDisconnection(Modem.Link link) throws Exception {
        try (Modem modem = Modem.open(link, CONFIG)) {
            attach(modem);
            NetworkCommands net = new NetworkCommands(modem.channel());
            CompletableFuture<GprsDisconnection> lost = new CompletableFuture<>();
            net.on(GprsDisconnection.class, lost::complete);
            net.cgatt(Cgatt.set(AttachState.DETACHED));
            assertThat(lost.get(5, TimeUnit.SECONDS)).isNotNull();
            assertThat(net.xiicQuery().stateIs(LinkState.DOWN)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Modem.Link.class)
    void httpGetChecksMd5AndReportsIt(Modem.Link link) throws Exception {
        byte[] file = random(5000, 8);
        String path = server.file("md5-" + link, file);
        try (Modem modem = Modem.open(link, CONFIG)) {
            attach(modem);
            HttpCommands http = httpTo(modem, path, RecvMode.DEFAULT);
            HttpGetOutcome good =
                    http.httpGet(HttpGet.set(Decompression.UNZIP, CheckType.MD5, HttpDownloads.md5(file)));
            assertThat(((HttpGetRpt) good.reports().get(good.reports().size() - 1))
                            .stateType()
                            .is(DownloadState.VERIFICATION_SUCCESSFUL))
                    .isTrue();
            assertThat(http.httpGetStatQuery().stateType().is(DownloadState.VERIFICATION_SUCCESSFUL))
                    .isTrue();

            HttpGetOutcome bad = http.httpGet(HttpGet.set(Decompression.UNZIP, CheckType.MD5, "0".repeat(32)));
            assertThat(((HttpGetRpt) bad.reports().get(bad.reports().size() - 1))
                            .stateType()
                            .is(DownloadState.VERIFICATION_FAILED))
                    .isTrue();

            HttpGetOutcome plain = http.httpGet(HttpGet.set(Decompression.UNZIP));
            assertThat(((HttpGetRpt) plain.reports().get(plain.reports().size() - 1))
                            .stateType()
                            .is(DownloadState.DOWNLOAD_SUCCESSFUL))
                    .isTrue();
        }
    }

    private static void attach(Modem modem) {
        LinkDriver.attach(modem.channel());
    }

    /** HTTPPARA + HTTPSETUP to {@code path} on this class's server. */
    private static HttpCommands httpTo(Modem modem, String path, RecvMode mode) {
        return LinkDriver.setUp(modem.channel(), server.port(), path, mode);
    }

    static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
