package io.atspec.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.runtime.testing.ScriptedModem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AtChannelTest {

    private ScriptedModem modem;
    private AtChannel channel;
    private final UrcRecorder urcs = new UrcRecorder();

    private void open(long seed, AtChannelConfig config) {
        modem = ScriptedModem.inMemory(seed).chunks(1, 5);
        channel = AtChannel.open(modem.host(), config);
        channel.addListener(urcs);
    }

    private void open(long seed) {
        open(seed, AtChannelConfig.defaults().withRebootIndicators("+PBREADY"));
    }

    @AfterEach
    void tearDown() {
        if (channel != null) {
            channel.close();
        }
        if (modem != null) {
            modem.close();
        }
    }

    private static AtCommand cmd(String line, String... prefixes) {
        return AtCommand.builder(line)
                .expect(prefixes)
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    @Test
    void infoLinesAndOk() {
        open(1);
        modem.when("AT+CSQ", r -> r.line("+CSQ: 20,0").ok());
        AtResponse r = channel.execute(cmd("AT+CSQ", "+CSQ:"));
        assertThat(r.lines()).containsExactly("+CSQ: 20,0");
        assertThat(r.finalResult()).isEqualTo(FinalResult.OK);
    }

    @Test
    void finalResultsAreTyped() {
        open(2);
        modem.when("AT+E1", r -> r.error());
        modem.when("AT+E2", r -> r.line("+CME ERROR: 10"));
        modem.when("AT+E3", r -> r.line("+CME ERROR: SIM not inserted"));
        modem.when("AT+E4", r -> r.line("+CMS ERROR: 500"));
        modem.when("AT+HTTPACTION=0", r -> r.line("+HTTPACTION: SOCKET ID OPEN FAILED"));
        modem.when("AT+HTTPSSETUP", r -> r.line("+HTTPSSETUP: OK"));
        assertThat(failure(cmd("AT+E1"))).isEqualTo(FinalResult.ERROR);
        assertThat(failure(cmd("AT+E2"))).isEqualTo(new FinalResult.CmeError(10, null));
        assertThat(failure(cmd("AT+E3"))).isEqualTo(new FinalResult.CmeError(-1, "SIM not inserted"));
        assertThat(failure(cmd("AT+E4"))).isEqualTo(new FinalResult.CmsError(500, null));
        AtCommand action = AtCommand.builder("AT+HTTPACTION=0")
                .expect("+HTTPACTION:")
                .finalError("+HTTPACTION: SOCKET ID OPEN FAILED")
                .build();
        assertThat(failure(action))
                .isEqualTo(new FinalResult.CommandSpecific("+HTTPACTION: SOCKET ID OPEN FAILED", true));
        AtCommand setup = AtCommand.builder("AT+HTTPSSETUP")
                .finalLine(FinalLine.success("+HTTPSSETUP: OK"))
                .build();
        assertThat(channel.execute(setup).finalResult())
                .isEqualTo(new FinalResult.CommandSpecific("+HTTPSSETUP: OK", false));
    }

    private FinalResult failure(AtCommand c) {
        try {
            channel.execute(c);
        } catch (AtCommandFailedException e) {
            assertThat(e.getMessage()).contains(c.name());
            return e.finalResult();
        }
        throw new AssertionError("expected " + c + " to fail");
    }

    @Test
    void urcWithTheSamePrefixAsThePendingResponse() throws Exception {
        open(3);
        modem.when("AT+CREG?", r -> r.urc("+CSQ: 9,9").line("+CREG: 0,1").ok());
        modem.urc("+CREG: 2");
        assertThat(urcs.next().line()).isEqualTo("+CREG: 2");
        AtResponse r = channel.execute(cmd("AT+CREG?", "+CREG:"));
        assertThat(r.lines()).containsExactly("+CREG: 0,1");
        assertThat(urcs.next().line()).isEqualTo("+CSQ: 9,9");
        modem.urc("+CREG: 1,\"00C3\",\"0010\"");
        Urc u = urcs.next();
        assertThat(u.line()).isEqualTo("+CREG: 1,\"00C3\",\"0010\"");
        assertThat(u.prefix()).isEqualTo("+CREG:");
        assertThat(urcs.deliveryThread.getName()).startsWith("atspec-urc-");
    }

    @Test
    void prefixLessUrcLines() throws Exception {
        open(4);
        channel.registerDecoder("GPRS DISCONNECTION", UrcDecoder.line());
        modem.when("AT+CGATT=0", r -> r.ok().urc("GPRS DISCONNECTION"));
        modem.when("AT+XIIC?", r -> r.line("+XIIC:    1,10.107.216.162").ok());
        channel.execute(cmd("AT+CGATT=0"));
        Urc u = urcs.next();
        assertThat(u.prefix()).isEqualTo("GPRS DISCONNECTION");
        assertThat(u.line()).isEqualTo("GPRS DISCONNECTION");
        assertThat(channel.execute(cmd("AT+XIIC?", "+XIIC:")).lines()).containsExactly("+XIIC:    1,10.107.216.162");
    }

    @Test
    void echoIsStrippedExactlyAndNothingElse() {
        open(5);
        modem.echo(true);
        modem.when("AT+CGSN", r -> r.line("AT+CGSN1").line("867400031234567").ok());
        AtResponse r = channel.execute(cmd("AT+CGSN", ""));
        assertThat(r.lines()).containsExactly("AT+CGSN1", "867400031234567");
    }

    @Test
    void promptThenPayload() {
        for (boolean echo : new boolean[] {false, true}) {
            open(echo ? 6 : 7);
            modem.echo(echo);
            modem.when("AT+HTTPACTION=2,23", r -> r.prompt(23).ok());
            byte[] body = "MAC=NEOWAY&DATA=0123456".getBytes(StandardCharsets.US_ASCII);
            AtCommand post = AtCommand.builder("AT+HTTPACTION=2,23")
                    .prompt(body)
                    .timeout(Duration.ofSeconds(10))
                    .build();
            AtResponse r = channel.execute(post);
            assertThat(r.finalResult()).isEqualTo(FinalResult.OK);
            assertThat(r.lines()).isEmpty();
            assertThat(modem.payloads()).hasSize(1);
            assertThat(modem.payloads().get(0)).isEqualTo(body);
            assertThat(channel.stats().garbageLines()).isZero();
            tearDown();
        }
        channel = null;
        modem = null;
    }

    @Test
    void lengthFramedPayloadContainingOkBeforeAndAfterTheAck() throws Exception {
        open(8);
        channel.registerDecoder("+HTTPRECV:", UrcDecoder.lengthFramed());
        byte[] inner = "ab\r\nOK\r\ncd\u0000\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] second = "\r\nERROR\r\n+HTTPRECV: 1,x\r\n".getBytes(StandardCharsets.ISO_8859_1);
        modem.when(
                "AT+HTTPACTION=0",
                r -> r.raw("\r\n+HTTPRECV: " + inner.length + ",")
                        .raw(inner)
                        .raw("\r\n") // inside the response
                        .ok()
                        .raw("\r\n+HTTPRECV: " + second.length + ",")
                        .raw(second)
                        .raw("\r\n")
                        .urc("+HTTPCLOSED: HTTP Link Closed"));
        AtCommand action =
                AtCommand.builder("AT+HTTPACTION=0").expect("+HTTPACTION:").build();
        CompletedResponse done =
                channel.execute(action, Completion.until("+HTTPCLOSED:", Duration.ofSeconds(10), "+HTTPRECV:"));
        assertThat(done.ack().finalResult()).isEqualTo(FinalResult.OK);
        assertThat(done.urcs()).hasSize(3);
        assertThat(done.urcs().get(0).payload()).isEqualTo(inner);
        assertThat(done.urcs().get(0).line()).isEqualTo("+HTTPRECV: " + inner.length + ",");
        assertThat(done.urcs().get(1).payload()).isEqualTo(second);
        assertThat(done.urcs().get(2).line()).isEqualTo("+HTTPCLOSED: HTTP Link Closed");
        // Listeners see them too, in order.
        assertThat(urcs.next().payload()).isEqualTo(inner);
        assertThat(urcs.next().payload()).isEqualTo(second);
        assertThat(urcs.next().line()).startsWith("+HTTPCLOSED:");
        assertThat(channel.stats().unexpectedFinals()).isZero();
    }

    @Test
    void rawModeUntilTheTerminatingLine() throws Exception {
        open(9);
        channel.registerDecoder("+HTTPRECV:", UrcDecoder.rawUntil("+HTTPCLOSED:"));
        String body = "HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nOK\r\n\r\n!!";
        modem.when(
                "AT+HTTPACTION=0",
                r -> r.ok().raw("\r\n+HTTPRECV:\r\n" + body + "\r\n+HTTPCLOSED: HTTP Link Closed\r\n"));
        CompletedResponse done = channel.execute(
                AtCommand.of("AT+HTTPACTION=0"),
                Completion.until("+HTTPCLOSED:", Duration.ofSeconds(10), "+HTTPRECV:"));
        assertThat(done.urcs()).hasSize(2);
        assertThat(new String(done.urcs().get(0).payload(), StandardCharsets.US_ASCII))
                .isEqualTo(body);
        assertThat(done.urcs().get(1).line()).isEqualTo("+HTTPCLOSED: HTTP Link Closed");
    }

    @Test
    void completionEndBeforeTheOkIsKept() {
        open(10);
        modem.when("AT+HTTPGET", r -> r.urc("+HTTPGET: DONE").ok());
        CompletedResponse done =
                channel.execute(AtCommand.of("AT+HTTPGET"), Completion.until("+HTTPGET:", Duration.ofSeconds(10)));
        assertThat(done.urcs()).extracting(Urc::line).containsExactly("+HTTPGET: DONE");
    }

    @Test
    void aReportTheCompletionAbortsOnEndsTheWaitAtOnce() {
        open(41);
        modem.when("AT+JOB", r -> r.ok().urc("+JOBDATA: 1").urc("LINK LOST"));
        Completion completion = new Completion(
                List.of("+JOBDATA:", "+JOBEND:"),
                u -> u.line().startsWith("+JOBEND:"),
                Duration.ofMinutes(5),
                List.of("LINK LOST"));
        assertThatThrownBy(() -> channel.execute(AtCommand.of("AT+JOB"), completion))
                .isInstanceOfSatisfying(CompletionAbortedException.class, e -> {
                    assertThat(e.command()).contains("AT+JOB");
                    assertThat(e.report()).isEqualTo("LINK LOST");
                    assertThat(e.collected()).extracting(Urc::line).containsExactly("+JOBDATA: 1");
                })
                .hasMessageContaining("AT+JOB")
                .hasMessageContaining("aborted by 'LINK LOST'");
        modem.when("AT", r -> r.ok());
        assertThat(channel.execute(AtCommand.of("AT")).finalResult()).isEqualTo(FinalResult.OK);
    }

    @Test
    void anAbortBeforeTheOkFailsTheCommandWhenItsOkComes() {
        open(42);
        modem.when("AT+JOB", r -> r.urc("LINK LOST").ok());
        Completion completion = new Completion(
                        List.of("+JOBEND:"), u -> true, Duration.ofMinutes(5), List.of("LINK LOST"))
                .withTimeout(Duration.ofMinutes(4));
        assertThat(completion.abortOn()).containsExactly("LINK LOST");
        assertThatThrownBy(() -> channel.execute(AtCommand.of("AT+JOB"), completion))
                .isInstanceOf(CompletionAbortedException.class);
        modem.when("AT", r -> r.ok());
        assertThat(channel.execute(AtCommand.of("AT")).finalResult()).isEqualTo(FinalResult.OK);
        assertThat(channel.stats().unexpectedFinals()).isZero();
    }

    @Test
    void completionHasItsOwnTimeout() {
        open(11);
        modem.when("AT+HTTPACTION=0", r -> r.ok().urc("+HTTPRECV: partial"));
        assertThatThrownBy(() -> channel.execute(
                        AtCommand.of("AT+HTTPACTION=0"),
                        Completion.until("+HTTPCLOSED:", Duration.ofMillis(200), "+HTTPRECV:")))
                .isInstanceOf(AtTimeoutException.class)
                .hasMessageContaining("AT+HTTPACTION")
                .hasMessageContaining("completion timed out")
                .hasMessageContaining("+HTTPRECV: partial");
        modem.when("AT", r -> r.ok());
        assertThat(channel.execute(AtCommand.of("AT")).finalResult()).isEqualTo(FinalResult.OK);
    }

    @Test
    void timeoutThenLateAnswerIsDroppedNotGivenToTheNextCommand() throws Exception {
        open(12, AtChannelConfig.defaults().withLateAnswerWindow(Duration.ofSeconds(20)));
        CountDownLatch release = new CountDownLatch(1);
        modem.when(
                "AT+SLOW",
                r -> r.line("+SLOW: early").await(release).line("+SLOW: 1").ok());
        modem.when("AT+FAST", r -> r.line("+FAST: 2").ok());
        AtCommand slow = AtCommand.builder("AT+SLOW")
                .expect("+SLOW:")
                .timeout(Duration.ofMillis(150))
                .build();
        assertThatThrownBy(() -> channel.execute(slow))
                .isInstanceOf(AtTimeoutException.class)
                .hasMessageContaining("AT+SLOW")
                .hasMessageContaining("150 ms")
                .hasMessageContaining("+SLOW: early");
        CompletableFuture<AtResponse> fast = channel.submit(cmd("AT+FAST", "+FAST:", "+SLOW:"));
        release.countDown();
        AtResponse r = fast.get(10, TimeUnit.SECONDS);
        assertThat(r.lines()).containsExactly("+FAST: 2");
        assertThat(channel.stats().lateAnswersDropped()).isEqualTo(2); // +SLOW: 1 and its OK
        assertThat(modem.received()).containsExactly("AT+SLOW", "AT+FAST");
    }

    @Test
    void droppedFinalResultTimesOutAndTheChannelMovesOn() {
        open(13, AtChannelConfig.defaults().withLateAnswerWindow(Duration.ofMillis(100)));
        modem.echo(true); // the resync probe's echo tells its OK apart from a late one
        modem.when("AT+LOST", r -> r.nothing());
        modem.when("AT", r -> r.ok());
        AtCommand lost =
                AtCommand.builder("AT+LOST").timeout(Duration.ofMillis(100)).build();
        assertThatThrownBy(() -> channel.execute(lost))
                .isInstanceOf(AtTimeoutException.class)
                .hasMessageContaining("received so far: nothing");
        assertThat(channel.execute(AtCommand.of("AT")).finalResult()).isEqualTo(FinalResult.OK);
    }

    @Test
    void sixteenThreadsEachGetTheirOwnAnswer() throws Exception {
        open(14);
        modem.chunks(1, 3);
        modem.whenMatches(
                "AT\\+ID=(\\d+)-(\\d+)",
                (m, r) -> r.line("+ID: " + m.group(1) + "-" + m.group(2))
                        .urc("+CREG: " + m.group(1))
                        .ok());
        int threads = 16;
        int perThread = 20;
        CountDownLatch start = new CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers.add(CompletableFuture.runAsync(
                    () -> {
                        await(start);
                        for (int i = 0; i < perThread; i++) {
                            String expected = "+ID: " + id + "-" + i;
                            AtCommand c = cmd("AT+ID=" + id + "-" + i, "+ID:");
                            AtResponse r = (i % 2 == 0)
                                    ? channel.execute(c)
                                    : channel.submit(c).join();
                            assertThat(r.lines()).containsExactly(expected);
                        }
                    },
                    pool));
        }
        start.countDown();
        try {
            CompletableFuture.allOf(workers.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(urcs.nextLines(threads * perThread)).allMatch(l -> l.startsWith("+CREG: "));
        assertThat(modem.received()).hasSize(threads * perThread);
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void closeFailsEveryPendingCallerPromptly() throws Exception {
        open(15);
        CountDownLatch received = new CountDownLatch(1);
        modem.when("AT+HANG", r -> r.signal(received));
        List<CompletableFuture<AtResponse>> futures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            futures.add(channel.submit(
                    AtCommand.builder("AT+HANG").timeout(Duration.ofMinutes(5)).build()));
        }
        CompletableFuture<CompletedResponse> withCompletion =
                channel.submit(AtCommand.of("AT+HANG"), Completion.until("+NEVER:", Duration.ofMinutes(5)));
        assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
        channel.close();
        for (CompletableFuture<AtResponse> f : futures) {
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(ChannelClosedException.class)
                    .hasMessageContaining("AT+HANG");
        }
        assertThatThrownBy(() -> withCompletion.get(5, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(ChannelClosedException.class);
        assertThatThrownBy(() -> channel.execute(AtCommand.of("AT")))
                .isInstanceOf(ChannelClosedException.class)
                .hasMessageContaining("closed");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void transportEndFailsThePendingCommand() {
        open(16);
        modem.when("AT+BYE", r -> r.line("+BYE: 1"));
        CompletableFuture<AtResponse> f = channel.submit(AtCommand.builder("AT+BYE")
                .expect("+BYE:")
                .timeout(Duration.ofMinutes(5))
                .build());
        modem.close();
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(ChannelClosedException.class)
                .hasMessageContaining("AT+BYE");
    }

    @Test
    void rebootMidCommandFailsItAndTheChannelSurvives() throws Exception {
        open(17);
        modem.when("AT+HTTPSETUP", r -> r.reboot("+PBREADY"));
        modem.when("AT+HTTPACTION=0", r -> r.ok().urc("+HTTPRECV: 1").reboot("+PBREADY"));
        modem.when("AT", r -> r.ok());
        assertThatThrownBy(() -> channel.execute(AtCommand.of("AT+HTTPSETUP")))
                .isInstanceOf(ModuleRebootedException.class)
                .hasMessageContaining("AT+HTTPSETUP")
                .hasMessageContaining("+PBREADY");
        assertThat(urcs.next().line()).isEqualTo("+PBREADY");
        assertThatThrownBy(() -> channel.execute(
                        AtCommand.of("AT+HTTPACTION=0"),
                        Completion.until("+HTTPCLOSED:", Duration.ofMinutes(5), "+HTTPRECV:")))
                .isInstanceOf(ModuleRebootedException.class)
                .hasMessageContaining("+HTTPRECV: 1");
        assertThat(channel.execute(AtCommand.of("AT")).finalResult()).isEqualTo(FinalResult.OK);
        assertThat(channel.stats().reboots()).isEqualTo(2);
        assertThat(channel.stats().garbageLines() + channel.stats().urcsDelivered())
                .isPositive();
    }

    @Test
    void garbageNulAndOverlongLinesAreCountedAndSkipped() throws Exception {
        open(18, AtChannelConfig.defaults().withMaxLineLength(64));
        modem.send("\r\nabc\u0001\u0002def\r\n".getBytes(StandardCharsets.ISO_8859_1));
        modem.send("\u0000\u0000\r\n+N: a\u0000b\r\n".getBytes(StandardCharsets.ISO_8859_1));
        modem.send(("\r\n" + "A".repeat(500) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        modem.send("\n+BARE: 1\n".getBytes(StandardCharsets.ISO_8859_1));
        modem.urc("+AFTER: 1");
        assertThat(urcs.nextLines(3)).containsExactly("+N: ab", "+BARE: 1", "+AFTER: 1");
        ChannelStats s = channel.stats();
        assertThat(s.garbageLines()).isEqualTo(1);
        assertThat(s.nulBytes()).isEqualTo(3);
        assertThat(s.overlongLines()).isEqualTo(1);
        assertThat(s.bareLineEnds()).isPositive();
        modem.when("AT", r -> r.garbage(10).raw("\r\n").ok());
        assertThat(channel.execute(AtCommand.of("AT")).finalResult()).isEqualTo(FinalResult.OK);
    }

    @Test
    void urcQueueOverflowIsCountedAndReported() throws Exception {
        modem = ScriptedModem.inMemory(19);
        channel = AtChannel.open(modem.host(), AtChannelConfig.defaults().withUrcQueueCapacity(4));
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        channel.addListener(u -> {
            blocked.countDown();
            await(release);
        });
        channel.addListener(urcs);
        modem.urc("+U: 0");
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 20; i++) {
            modem.urc("+U: " + i);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (channel.stats().urcsDelivered() + channel.stats().urcsDropped() < 21 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(channel.stats().urcsDropped()).isEqualTo(16);
        release.countDown();
        assertThat(urcs.nextLines(5)).containsExactly("+U: 0", "+U: 1", "+U: 2", "+U: 3", "+U: 4");
        assertThat(urcs.droppedReported.get()).isEqualTo(16);
    }

    @Test
    void argumentsThatWouldBreakTheWireFormAreRefusedBeforeWriting() {
        open(20);
        modem.when("AT", r -> r.ok());
        assertThatThrownBy(() -> WireFormat.quoted("url", "a\"b"))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContaining("url")
                .hasMessageContaining("quote");
        assertThatThrownBy(() -> WireFormat.unquoted("url", "a\r\nAT+CFUN=0"))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContaining("\\r");
        assertThatThrownBy(() -> AtCommand.of("AT+HTTPPARA=url,x\rAT+CFUN=0")).isInstanceOf(AtArgumentException.class);
        assertThat(WireFormat.quoted("apn", "CMNET")).isEqualTo("\"CMNET\"");
        channel.execute(AtCommand.of("AT"));
        assertThat(modem.received()).containsExactly("AT");
    }

    @Test
    void secretsAreMaskedInMessages() {
        open(21);
        modem.echo(true);
        modem.when("AT+XGAUTH=1,1,\"user\",\"s3cret\"", r -> r.line("+XGAUTH: s3cret"));
        String line = "AT+XGAUTH=1,1," + WireFormat.quoted("user", "user") + "," + WireFormat.quoted("pwd", "s3cret");
        AtCommand auth = AtCommand.builder(line)
                .expect("+XGAUTH:")
                .secret("s3cret")
                .timeout(Duration.ofMillis(150))
                .build();
        assertThat(auth.toString()).doesNotContain("s3cret");
        // The wire trace (logger io.atspec.runtime.wire at debug in tests) goes to System.err.
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> channel.execute(auth))
                    .isInstanceOf(AtTimeoutException.class)
                    .hasMessageContaining("AT+XGAUTH")
                    .hasMessageContaining("***")
                    .hasMessageNotContaining("s3cret");
        } finally {
            System.setErr(err);
        }
        String trace = captured.toString(StandardCharsets.UTF_8);
        assertThat(trace)
                .contains("TX AT+XGAUTH=1,1,\"user\",\"***\"\\r")
                .contains("RX +XGAUTH: ***")
                .doesNotContain("s3cret");
    }

    @Test
    void wireTraceEscapesControlCharacters() {
        assertThat(WireTrace.escape("AT\r\n\u0000x")).isEqualTo("AT\\r\\n\\x00x");
        assertThat(WireTrace.mask("AT+X=\"pw\",\"pw\"", List.of("pw"))).isEqualTo("AT+X=\"***\",\"***\"");
    }
}
