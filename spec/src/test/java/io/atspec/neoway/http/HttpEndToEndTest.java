package io.atspec.neoway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.runtime.AtArgumentException;
import io.atspec.runtime.AtChannel;
import io.atspec.runtime.AtCommandFailedException;
import io.atspec.runtime.CompletionAbortedException;
import io.atspec.runtime.FinalResult;
import io.atspec.runtime.bind.Registration;
import io.atspec.runtime.testing.ScriptedModem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP chapter's bindings through the real runtime: an AtChannel over an in-memory link to
 * a scripted modem that cuts every write into chunks of 1 to 7 bytes, so every frame boundary
 * (prompt, length-framed data, raw data) is crossed at random places.
 */
// "try": listener registrations live in try-with-resources only to be closed at its end.
@SuppressWarnings("try")
class HttpEndToEndTest {

    /** Generous bound for a latch: never reached unless the test is broken; not a timing check. */
    private static final long NEVER_SECONDS = 20;

    private static final String CLOSED = "+HTTPCLOSED: HTTP Link Closed";

    private ScriptedModem modem;
    private AtChannel channel;
    private HttpCommands http;

    @BeforeEach
    void connect() {
        modem = ScriptedModem.inMemory(9).chunks(1, 7);
        channel = AtChannel.open(modem.host());
        http = new HttpCommands(channel);
    }

    @AfterEach
    void disconnect() {
        channel.close();
        modem.close();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void postSendsTheBodyAfterThePromptAndCollectsTheResponseUntilItsContentLengthEnds() {
        byte[] body = ascii("{\"mac\":\"NEOWAY\",\"data\":\"0123456\"}");
        String response =
                "HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: 7\r\n" + "\r\nNEOWAY+";
        modem.when("AT+HTTPPARA=url,121.15.200.97/Service1.asmx/GetNote", r -> r.ok());
        modem.when("AT+HTTPPARA=port,8080", r -> r.ok());
        modem.when("AT+HTTPSETUP", r -> r.ok());
        modem.when(
                "AT+HTTPACTION=2," + body.length + ",2",
                r -> r.prompt(body.length).ok().urc("+HTTPRECV:").raw(response).raw("\r\n" + CLOSED + "\r\n"));

        http.httpPara(HttpPara.url("121.15.200.97/Service1.asmx/GetNote"));
        http.httpPara(HttpPara.port(8080));
        http.httpSetup(HttpSetup.exec());
        HttpActionOutcome outcome = http.httpAction(HttpAction.post(body, ContentType.JSON));

        assertThat(modem.received()).last().isEqualTo("AT+HTTPACTION=2," + body.length + ",2");
        assertThat(modem.payloads()).singleElement().isEqualTo(body);
        assertThat(outcome.acknowledgement().finalResult()).isInstanceOf(FinalResult.Ok.class);
        assertThat(outcome.data()).isEqualTo(ascii(response));
        // The whole message ended the wait; the +HTTPCLOSED after it goes to listeners.
        assertThat(outcome.reports()).singleElement().isInstanceOf(HttpRecv.class);
        assertThat(outcome.terminal()).isEmpty();
    }

    @Test
    void recvmode1ChunksAreCountedSoOkAndTheClosedReportInsideTheDataAreData() {
        // Bodies that would end a line-based reader early: a final result and the very URC that
        // ends the request, both inside the counted bytes.
        String first = "HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\nline one\r\nOK\r\n";
        String second = "+HTTPCLOSED: HTTP Link Closed\r\nERROR\r\n>";
        String third = "\r\n+HTTPRECV: 5,abcde";
        modem.when("AT+HTTPPARA=recvmode,1", r -> r.ok());
        modem.when(
                "AT+HTTPACTION=0",
                r -> r.ok().raw("\r\n+HTTPRECV: " + first.length() + "," + first + "\r\n")
                        .raw("\r\n+HTTPRECV: " + second.length() + "," + second + "\r\n")
                        .raw("\r\n+HTTPRECV: " + third.length() + "," + third + "\r\n")
                        .urc(CLOSED));

        http.httpPara(HttpPara.recvmode(RecvMode.LENGTH));
        HttpActionOutcome outcome = http.httpAction(HttpAction.get());

        assertThat(new String(outcome.data(), StandardCharsets.US_ASCII)).isEqualTo(first + second + third);
        assertThat(outcome.reports()).hasSize(4);
        assertThat(outcome.reports().subList(0, 3))
                .allSatisfy(report -> assertThat(report).isInstanceOf(HttpRecv.Framed.class));
        assertThat(outcome.reports().stream().limit(3).map(r -> ((HttpRecv.Framed) r).length()))
                .containsExactly(first.length(), second.length(), third.length());
        assertThat(outcome.reports().get(3)).isInstanceOf(HttpClosed.class);
    }

    /**
     * keepalive 1, recvmode 0: the module sends no +HTTPCLOSED, so the data ends where the HTTP
     * message says; the OK of the next command is its own, and the link serves a second GET.
     */
    @Test
    void aKeptAliveGetEndsWithItsMessageSoTheNextCommandGetsItsOwnOk() {
        String body = "OK\r\n" + CLOSED; // the final result and the terminator inside the body are data
        String first = "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        String second = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;x=1\r\nOK\r\n\r\n0\r\nT: 1\r\n\r\n";
        modem.when("AT+HTTPPARA=keepalive,1", r -> r.ok());
        modem.when("AT+HTTPACTION=0", r -> r.ok().urc("+HTTPRECV:").raw(first));
        modem.when("AT+HTTPPARA=url,a.com/next", r -> r.ok());
        modem.when("AT+HTTPACTION=0,0,100", r -> r.ok().urc("+HTTPRECV:").raw(second));

        http.httpPara(HttpPara.keepalive(KeepAlive.LONG_TIME));
        HttpActionOutcome get = http.httpAction(HttpAction.get(), Duration.ofSeconds(30));
        assertThat(get.data()).isEqualTo(ascii(first));
        assertThat(get.reports()).singleElement().isInstanceOf(HttpRecv.class);

        assertThat(http.httpPara(HttpPara.url("a.com/next")).finalResult()).isInstanceOf(FinalResult.Ok.class);
        HttpActionOutcome again = http.httpAction(HttpAction.get(0, 100), Duration.ofSeconds(30));
        assertThat(again.data()).isEqualTo(ascii(second));
        assertThat(channel.stats().framingErrors()).isZero();
    }

    /** The answer to HEAD has no body, whatever its Content-Length: the facade tells the channel. */
    @Test
    void aKeptAliveHeadEndsAfterItsHeaderSection() {
        String head = "HTTP/1.1 200 OK\r\nContent-Length: 13842\r\n\r\n";
        modem.when("AT+HTTPACTION=1", r -> r.ok().urc("+HTTPRECV:").raw(head));
        modem.when("AT+HTTPPARA=port,81", r -> r.ok());

        HttpActionOutcome outcome = http.httpAction(HttpAction.head(), Duration.ofSeconds(30));
        assertThat(outcome.data()).isEqualTo(ascii(head));
        assertThat(http.httpPara(HttpPara.port(81)).finalResult()).isInstanceOf(FinalResult.Ok.class);
    }

    @Test
    void recvmode0RawDataRunsUntilTheClosedReportWithOkLinesInside() {
        String response = "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nOK\r\nERROR\r\n+CME ERROR: 3\r\n"
                + "+HTTPRECV: 3,abc\r\nlast line";
        modem.when(
                "AT+HTTPACTION=0", r -> r.ok().urc("+HTTPRECV:").raw(response).raw("\r\n" + CLOSED + "\r\n"));

        HttpActionOutcome outcome = http.httpAction(HttpAction.get());

        assertThat(new String(outcome.data(), StandardCharsets.US_ASCII)).isEqualTo(response);
        assertThat(outcome.reports().get(0)).isInstanceOf(HttpRecv.Raw.class);
    }

    @Test
    void largeBodyInManySmallChunksIsReassembledByteForByte() {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        modem.when("AT+HTTPACTION=0,0,4000", r -> {
            r.ok();
            for (int i = 0; i < 40; i++) {
                byte[] chunk = new byte[100];
                for (int j = 0; j < chunk.length; j++) {
                    chunk[j] = (byte) (i * 31 + j); // every byte value, CR and LF included
                }
                r.raw("\r\n+HTTPRECV: 100,").raw(chunk).raw("\r\n");
            }
            r.urc(CLOSED);
        });
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 100; j++) {
                expected.write((byte) (i * 31 + j));
            }
        }

        HttpActionOutcome outcome = http.httpAction(HttpAction.get(0, 4000));

        assertThat(outcome.data()).isEqualTo(expected.toByteArray());
    }

    @Test
    void socketOpenFailureIsACommandSpecificError() {
        modem.when("AT+HTTPACTION=0", r -> r.line("+HTTPACTION: SOCKET ID OPEN FAILED"));

        assertThatThrownBy(() -> http.httpAction(HttpAction.get()))
                .isInstanceOfSatisfying(
                        AtCommandFailedException.class,
                        e -> assertThat(e.finalResult())
                                .isEqualTo(
                                        new FinalResult.CommandSpecific("+HTTPACTION: SOCKET ID OPEN FAILED", true)));
    }

    @Test
    void gprsDisconnectionDuringARequestEndsItsWaitAtOnceWithATypedException() {
        // The completion would wait 60 s for +HTTPCLOSED; the network chapter's report that the
        // packet link is gone ends it now, with what had arrived.
        modem.when("AT+HTTPACTION=1", r -> r.ok().urc("GPRS DISCONNECTION"));

        assertThatThrownBy(() -> http.httpAction(HttpAction.head()))
                .isInstanceOfSatisfying(CompletionAbortedException.class, e -> {
                    assertThat(e.command()).contains("AT+HTTPACTION=1");
                    assertThat(e.report()).isEqualTo("GPRS DISCONNECTION");
                });
        // The link is free again: the next command is answered.
        modem.when("AT+HTTPCLOSE", r -> r.ok());
        http.httpClose(HttpClose.exec());
        assertThat(modem.received()).last().isEqualTo("AT+HTTPCLOSE");
    }

    @Test
    void aRebootDuringADownloadEndsItsWait() {
        modem.when("AT+HTTPGET=0", r -> r.ok().urc("+PBREADY"));

        assertThatThrownBy(() -> http.httpGet(HttpGet.set(Decompression.UNZIP)))
                .isInstanceOf(CompletionAbortedException.class)
                .hasMessageContaining("AT+HTTPGET=0")
                .hasMessageContaining("+PBREADY");
    }

    @Test
    void downloadEndsAtTheFirstReportAndSkipsUnrelatedUrcs() {
        String md5 = "eaf84487e190bc79af55c972bbc63e3f";
        modem.when("AT+HTTPGET=1,0," + md5, r -> r.ok().urc("+CREG: 1").urc("+HTTPGETRPT: 30,303"));

        HttpGetOutcome outcome = http.httpGet(HttpGet.set(Decompression.ZIP, CheckType.MD5, md5));

        assertThat(outcome.reports()).singleElement().isInstanceOfSatisfying(HttpGetRpt.class, report -> {
            assertThat(report.stateType().value()).contains(DownloadState.VERIFICATION_SUCCESSFUL);
            assertThat(report.errCode())
                    .hasValueSatisfying(c -> assertThat(c.value()).contains(HttpStatus.SEE_OTHER));
        });
    }

    @Test
    void aDownloadWithACheckCodeWaitsForTheVerificationAndKeepsTheEarlierStages() {
        String md5 = "eaf84487e190bc79af55c972bbc63e3f";
        modem.when("AT+HTTPGET=0,0," + md5, r -> r.ok().urc("+HTTPGETRPT: 10").urc("+HTTPGETRPT: 30"));

        HttpGetOutcome outcome = http.httpGet(HttpGet.set(Decompression.UNZIP, CheckType.MD5, md5));

        assertThat(outcome.reports())
                .map(report -> ((HttpGetRpt) report).stateType().value().orElseThrow())
                .containsExactly(DownloadState.DOWNLOAD_SUCCESSFUL, DownloadState.VERIFICATION_SUCCESSFUL);
        // The same, typed: no cast.
        assertThat(outcome.terminal())
                .hasValueSatisfying(end -> assertThat(end.stateTypeIs(DownloadState.VERIFICATION_SUCCESSFUL))
                        .isTrue());
        assertThat(outcome.httpGetRptReports()).hasSize(2);
        assertThat(outcome.httpGetRptReports().get(0).stateTypeIs(DownloadState.DOWNLOAD_SUCCESSFUL))
                .isTrue();
    }

    @Test
    void aDownloadWithoutACheckCodeEndsAtItsFirstReport() {
        modem.when("AT+HTTPGET=0", r -> r.ok().urc("+HTTPGETRPT: 10"));

        HttpGetOutcome outcome = http.httpGet(HttpGet.set(Decompression.UNZIP));

        assertThat(outcome.reports())
                .singleElement()
                .isInstanceOfSatisfying(
                        HttpGetRpt.class,
                        report -> assertThat(report.stateType().value()).contains(DownloadState.DOWNLOAD_SUCCESSFUL));
    }

    @Test
    void aFailedDownloadEndsAVerifiedDownloadEarly() {
        String md5 = "eaf84487e190bc79af55c972bbc63e3f";
        modem.when("AT+HTTPSGET=1,0," + md5, r -> r.ok().urc("+HTTPSGETRPT: 11,404"));

        HttpsGetOutcome outcome = http.httpsGet(HttpsGet.set(Decompression.ZIP, CheckType.MD5, md5));

        assertThat(outcome.reports()).singleElement().isInstanceOf(HttpsGetRpt.class);
    }

    @Test
    void downloadEndsAtTheManualsOtherSpellingOfTheReport() {
        modem.echo(true);
        modem.when("AT+HTTPGET=0", r -> r.ok().urc("+APHTTPGETRPT: 11"));

        HttpGetOutcome outcome = http.httpGet(HttpGet.set(Decompression.UNZIP));

        assertThat(outcome.reports())
                .singleElement()
                .isInstanceOfSatisfying(
                        HttpGetRpt.class,
                        report -> assertThat(report.stateType().value()).contains(DownloadState.DOWNLOAD_FAILED));
    }

    @Test
    void downloadStatusQuery() {
        modem.when("AT+HTTPGETSTAT?", r -> r.line("+HTTPGETSTAT: 10,303").ok());

        HttpGetStatResponse status = http.httpGetStatQuery();

        assertThat(status.stateType().value()).contains(DownloadState.DOWNLOAD_SUCCESSFUL);
        assertThat(status.errCode())
                .hasValueSatisfying(c -> assertThat(c.value()).contains(HttpStatus.SEE_OTHER));
    }

    @Test
    void fileTransferEndsAtItsStatusReport() {
        modem.when("AT+FILEHTTPACTION=0,0,524288", r -> r.ok().urc("+FILEHTTPSTAT: 0,1,524288"));

        FileHttpActionOutcome outcome = http.fileHttpAction(FileHttpAction.get(0, 524288));

        assertThat(outcome.reports())
                .singleElement()
                .isInstanceOfSatisfying(
                        FileHttpStat.Result.class,
                        stat -> assertThat(stat.length()).hasValue(524288));
    }

    @Test
    void pdpNotActiveIsACmeErrorFromTheChaptersTable() {
        modem.when("AT+FILEHTTPACTION=0,0,524288", r -> r.line("+CME ERROR: 1001"));

        assertThatThrownBy(() -> http.fileHttpAction(FileHttpAction.get(0, 524288)))
                .isInstanceOfSatisfying(AtCommandFailedException.class, e -> {
                    assertThat(e.finalResult()).isEqualTo(new FinalResult.CmeError(1001, null));
                    assertThat(FileHttpError.of("1001")).isEqualTo(FileHttpError.PDP_NOT_ACTIVE);
                });
    }

    @Test
    void sslConfigurationQuery() {
        modem.when("AT+HTTPSCFG=\"sslversion\",3", r -> r.ok());
        modem.when(
                "AT+HTTPSCFG?",
                r -> r.line("+HTTPSCFG: 3,1,,ca.pem,cc.pem,ck.pem").ok());

        http.httpsCfg(HttpsCfg.sslversion(SslVersion.TLS_1_2));
        HttpsCfgQueryResponse cfg = http.httpsCfgQuery();

        assertThat(cfg.sslversionIs(SslVersion.TLS_1_2)).isTrue();
        assertThat(cfg).isInstanceOfSatisfying(HttpsCfgQueryResponse.All.class, all -> {
            assertThat(all.ciphersuite()).isEmpty();
            assertThat(all.cacert()).contains("ca.pem");
        });
    }

    @Test
    void httpsRequestUnderTheManualsMisspelledDataReport() {
        String response = "HTTP/1.1 200 OK\r\nServer: QUALCOMM\r\n\r\n";
        modem.when(
                "AT+HTTPSACTION=0",
                r -> r.ok().urc("+HTTPSREREV:").raw(response).raw("\r\n+HTTPSCLOSED: HTTPS Link Closed\r\n"));

        HttpsActionOutcome outcome = http.httpsAction(HttpsAction.get());

        assertThat(new String(outcome.data(), StandardCharsets.US_ASCII)).isEqualTo(response);
        assertThat(outcome.reports()).last().isInstanceOf(HttpsClosed.class);
    }

    @Test
    void urlWithALineEndIsRefusedBeforeAnythingIsWritten() {
        modem.when("AT+HTTPSETUP", r -> r.ok());

        assertThatThrownBy(() -> http.httpPara(HttpPara.url("www.neoway.com.cn\r\nAT+CGATT=0")))
                .isInstanceOf(AtArgumentException.class);
        // The next command is the first thing the modem ever receives.
        http.httpSetup(HttpSetup.exec());

        assertThat(modem.received()).containsExactly("AT+HTTPSETUP");
    }

    @Test
    void typedListenersReceiveReportsInOrder() throws InterruptedException {
        BlockingQueue<HttpUrc> all = new LinkedBlockingQueue<>();
        List<HttpClosed> closed = new CopyOnWriteArrayList<>();
        CountDownLatch twoClosed = new CountDownLatch(2);
        try (Registration everything = http.listen(all::add);
                Registration onlyClosed = http.on(HttpClosed.class, c -> {
                    closed.add(c);
                    twoClosed.countDown();
                })) {
            modem.urc("+HTTPCLOSE: HTTP Link Closed");
            modem.urc(CLOSED);
            modem.urc("+HTTPGETRPT: 20");
            modem.urc("+FILEHTTPSTAT: 1,1,10");
            modem.urc("+HTTPSCLOSED: HTTPS Link Closed");
            modem.urc(CLOSED);

            List<Class<?>> order = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                HttpUrc urc = all.poll(NEVER_SECONDS, TimeUnit.SECONDS);
                assertThat(urc).as("report %d delivered", i + 1).isNotNull();
                order.add(urc.getClass());
            }
            assertThat(order)
                    .containsExactly(
                            HttpCloseResult.Closed.class,
                            HttpClosed.class,
                            HttpGetRpt.class,
                            FileHttpStat.Result.class,
                            HttpsClosed.class,
                            HttpClosed.class);
            assertThat(twoClosed.await(NEVER_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(closed).hasSize(2);
        }
    }

    @Test
    void closingARegistrationStopsDelivery() throws InterruptedException {
        BlockingQueue<HttpUrc> first = new LinkedBlockingQueue<>();
        BlockingQueue<HttpUrc> second = new LinkedBlockingQueue<>();
        Registration stopped = http.on(HttpGetRpt.class, first::add);
        try (Registration kept = http.on(HttpGetRpt.class, second::add)) {
            modem.urc("+HTTPGETRPT: 10");
            assertThat(second.poll(NEVER_SECONDS, TimeUnit.SECONDS)).isNotNull();
            assertThat(first.poll(NEVER_SECONDS, TimeUnit.SECONDS)).isNotNull();

            stopped.close();
            modem.urc("+HTTPGETRPT: 20");
            // Listeners run in order on one dispatcher thread: once "kept" has the second report,
            // "stopped" would have had it too.
            assertThat(second.poll(NEVER_SECONDS, TimeUnit.SECONDS)).isNotNull();
            assertThat(first).isEmpty();
        }
    }
}
