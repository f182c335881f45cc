package io.atspec.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.runtime.testing.ScriptedModem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One regression test per way a hostile module or a careless caller could make the channel give
 * a wrong answer, hang, or leak a secret (issue 11). Each failed on the code before the fix.
 */
class ChannelGuaranteesTest {

    private final List<AutoCloseable> open = new ArrayList<>();
    private final UrcRecorder urcs = new UrcRecorder();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T keep(T c) {
        open.add(c);
        return c;
    }

    private AtChannel channel(Transport t, AtChannelConfig config) {
        AtChannel ch = keep(AtChannel.open(t, config));
        ch.addListener(urcs);
        return ch;
    }

    private static AtCommand cmd(String line, Duration timeout, String... prefixes) {
        return AtCommand.builder(line).expect(prefixes).timeout(timeout).build();
    }

    private static final Duration LONG = Duration.ofSeconds(10);
    private static final Duration SHORT = Duration.ofMillis(100);

    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 10 s");
            }
            Thread.onSpinWait();
        }
    }

    private static Throwable failure(CompletableFuture<?> f) {
        return Futures.failure(f);
    }

    // ------------------------------------------------------------------ 1. framing and read sizes

    /** Returns exactly the given reads, one per call. */
    private static InputStream reads(String... parts) {
        List<byte[]> chunks = new ArrayList<>();
        for (String p : parts) {
            chunks.add(p.getBytes(StandardCharsets.ISO_8859_1));
        }
        return new InputStream() {
            private int i;
            private int off;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int o, int len) {
                if (i == chunks.size()) {
                    return -1;
                }
                byte[] c = chunks.get(i);
                int n = Math.min(len, c.length - off);
                System.arraycopy(c, off, b, o, n);
                off += n;
                if (off == c.length) {
                    i++;
                    off = 0;
                }
                return n;
            }
        };
    }

    private static List<String> decode(InputStream in, Map<String, UrcDecoder> decoders) throws IOException {
        List<String> got = new ArrayList<>();
        WireDecoder.decode(in, AtChannelConfig.defaults(), decoders, u -> got.add(u.toString()));
        return got;
    }

    @Test
    void resyncAfterABadLengthHeaderDoesNotDependOnReadSizes() throws Exception {
        Map<String, UrcDecoder> d = Map.of("+HTTPRECV:", UrcDecoder.lengthFramed());
        String a = "\r\nRING\r\n+HTTPRECV:";
        String b = " x,OK\r\n";
        String c = "\r\n+CSQ: 20,0\r\nOK\r\n";
        List<String> whole = decode(reads(a + b + c), d);
        assertThat(whole).containsExactly("RING", "+CSQ: 20,0", "OK");
        assertThat(decode(reads(a, b, c), d)).isEqualTo(whole);
        Map<String, UrcDecoder> x = Map.of("+X:", UrcDecoder.lengthFramed());
        assertThat(decode(reads("\r\n+X:", ",R"), x)).isEqualTo(decode(reads("\r\n+X:,R"), x));
    }

    @Test
    void aPendingQueryKeepsItsAnswerWhenABadHeaderArrivesInTwoReads() throws Exception {
        ManualModem modem = keep(new ManualModem());
        AtChannel ch = channel(modem.host(), AtChannelConfig.defaults());
        ch.registerDecoder("+HTTPRECV:", UrcDecoder.lengthFramed());
        CompletableFuture<AtResponse> csq = ch.submit(cmd("AT+CSQ", LONG, "+CSQ:"));
        assertThat(modem.nextCommand()).isEqualTo("AT+CSQ");
        String first = "\r\nRING\r\n+HTTPRECV:";
        modem.send(first);
        waitUntil(() -> ch.stats().bytesRead() == first.length()); // the reader has it all: a read ends here
        modem.send(" x,OK\r\n");
        modem.send("\r\n+CSQ: 20,0\r\nOK\r\n");
        assertThat(csq.get(10, TimeUnit.SECONDS).lines()).containsExactly("+CSQ: 20,0");
        assertThat(ch.stats().framingErrors()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ 2. deadlines

    /** A link whose writes block (a TCP peer that stopped reading, CTS held low) until it is closed. */
    private static final class StuckTransport implements Transport {
        private final InMemoryTransport.Pair link = InMemoryTransport.pair();
        private final CountDownLatch closed = new CountDownLatch(1);
        final CountDownLatch writing = new CountDownLatch(1);

        @Override
        public InputStream input() {
            return link.host().input();
        }

        @Override
        public OutputStream output() {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    writing.countDown();
                    try {
                        closed.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IOException("link closed while writing");
                }
            };
        }

        @Override
        public String describe() {
            return "stuck";
        }

        @Override
        public void close() {
            closed.countDown();
            link.host().close();
        }
    }

    @Test
    void aWriteThatCannotFinishFailsByTheDeadlineAndClosesTheChannel() throws Exception {
        StuckTransport t = new StuckTransport();
        AtChannel ch = channel(t, AtChannelConfig.defaults());
        CompletableFuture<AtResponse> first = ch.submit(cmd("AT+CSQ", SHORT));
        CompletableFuture<AtResponse> queued = ch.submit(cmd("AT+CREG?", SHORT));
        assertThat(failure(first)).isInstanceOf(AtTimeoutException.class).hasMessageContaining("write");
        assertThat(failure(queued)).isInstanceOfAny(ChannelClosedException.class, AtTimeoutException.class);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void aBlockedCallerOnItsOwnThreadReturnsByItsDeadline() throws Exception {
        StuckTransport t = new StuckTransport();
        AtChannel ch = channel(t, AtChannelConfig.defaults());
        CompletableFuture<Throwable> caller = CompletableFuture.supplyAsync(() -> {
            try {
                ch.execute(cmd("AT+CSQ", SHORT)); // idle link: written on this thread
                return null;
            } catch (AtException e) {
                return e;
            }
        });
        assertThat(caller.get(10, TimeUnit.SECONDS)).isInstanceOf(AtTimeoutException.class);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void timeSpentQueuedCountsAgainstTheDeadline() throws Exception {
        ManualModem modem = keep(new ManualModem());
        AtChannel ch = channel(modem.host(), AtChannelConfig.defaults());
        CompletableFuture<AtResponse> slow = ch.submit(cmd("AT+SLOW", Duration.ofMinutes(5)));
        assertThat(modem.nextCommand()).isEqualTo("AT+SLOW");
        CompletableFuture<AtResponse> queued = ch.submit(cmd("AT+CSQ", SHORT));
        assertThat(failure(queued))
                .isInstanceOf(AtTimeoutException.class)
                .hasMessageContaining("AT+CSQ")
                .hasMessageContaining("AT+SLOW");
        assertThat(slow).isNotDone();
        modem.line("OK");
        assertThat(slow.get(10, TimeUnit.SECONDS).finalResult()).isEqualTo(FinalResult.OK);
    }

    // ------------------------------------------------------------------ 3. Errors in threads

    @Test
    void aListenerThrowingAnErrorIsContainedAndCounted() throws Exception {
        ScriptedModem modem = keep(ScriptedModem.inMemory(31));
        AtChannel ch = keep(AtChannel.open(modem.host()));
        AtomicInteger calls = new AtomicInteger();
        ch.addListener(u -> {
            if (calls.getAndIncrement() == 0) {
                throw new AssertionError("listener bug");
            }
        });
        ch.addListener(urcs);
        modem.urc("+A: 1");
        modem.urc("+A: 2");
        assertThat(urcs.nextLines(2)).containsExactly("+A: 1", "+A: 2");
        waitUntil(() -> calls.get() == 2);
        assertThat(ch.stats().listenerFailures()).isEqualTo(1);
    }

    @Test
    void aDecoderThrowingAnErrorClosesTheChannelWithTheCause() throws Exception {
        ManualModem modem = keep(new ManualModem());
        AtChannel ch = channel(modem.host(), AtChannelConfig.defaults());
        ch.registerDecoder("+BOOM:", (prefix, in) -> {
            throw new StackOverflowError("deep");
        });
        CompletableFuture<AtResponse> f = ch.submit(cmd("AT+CSQ", Duration.ofMinutes(5)));
        assertThat(modem.nextCommand()).isEqualTo("AT+CSQ");
        modem.line("+BOOM: 1");
        assertThat(failure(f)).isInstanceOf(ChannelClosedException.class).hasCauseInstanceOf(StackOverflowError.class);
        assertThat(ch.isOpen()).isFalse();
        assertThatThrownBy(() -> ch.execute(AtCommand.of("AT"))).isInstanceOf(ChannelClosedException.class);
    }

    // ------------------------------------------------------------------ 4. late answers

    /** AT+CSQ is echoed, then times out with no answer. */
    private static void timeOutWithEchoOn(ManualModem modem, AtChannel ch) throws Exception {
        CompletableFuture<AtResponse> first = ch.submit(cmd("AT+CSQ", SHORT, "+CSQ:"));
        assertThat(modem.nextCommand()).isEqualTo("AT+CSQ");
        modem.send("AT+CSQ\r");
        assertThat(failure(first)).isInstanceOf(AtTimeoutException.class);
    }

    private static void answersWithItsOwnLine(ManualModem modem, CompletableFuture<AtResponse> next) throws Exception {
        assertThat(modem.nextCommand()).isEqualTo("AT+CSQ");
        modem.send("AT+CSQ\r\r\n+CSQ: 31,0\r\n\r\nOK\r\n");
        assertThat(next.get(10, TimeUnit.SECONDS).lines()).containsExactly("+CSQ: 31,0");
    }

    @Test
    void aLateAnswerAfterTheWindowNeverReachesTheNextCommand() throws Exception {
        ManualModem modem = keep(new ManualModem());
        AtChannel ch = channel(modem.host(), AtChannelConfig.defaults().withLateAnswerWindow(Duration.ofMillis(50)));
        timeOutWithEchoOn(modem, ch);
        CompletableFuture<AtResponse> next = ch.submit(cmd("AT+CSQ", LONG, "+CSQ:"));
        // The window passes with no answer: the channel resyncs with a probe before anything else.
        assertThat(modem.nextCommand()).isEqualTo("AT");
        modem.send("\r\n+CSQ: 1,0\r\n\r\nOK\r\n"); // the late answer
        modem.send("AT\r\r\nOK\r\n"); // the probe's echo marks the boundary, then its OK
        answersWithItsOwnLine(modem, next);
        assertThat(ch.stats().lateAnswersDropped()).isEqualTo(2);
    }

    @Test
    void aLateErrorAfterALateLineNeverFailsTheNextCommand() throws Exception {
        ManualModem modem = keep(new ManualModem());
        AtChannel ch = channel(modem.host(), AtChannelConfig.defaults().withLateAnswerWindow(Duration.ofMillis(50)));
        timeOutWithEchoOn(modem, ch);
        modem.line("+CSQ: 1,0"); // inside the window: extends the hold
        CompletableFuture<AtResponse> next = ch.submit(cmd("AT+CSQ", LONG, "+CSQ:"));
        assertThat(modem.nextCommand()).isEqualTo("AT");
        modem.line("ERROR"); // the timed-out command's own final result, late
        modem.send("AT\r\r\nOK\r\n");
        answersWithItsOwnLine(modem, next);
    }

    @Test
    void withWindowZeroAndNoEchoALateOkThatCannotBeToldApartClosesTheChannel() throws Exception {
        ManualModem modem = keep(new ManualModem());
        AtChannel ch = channel(modem.host(), AtChannelConfig.defaults().withLateAnswerWindow(Duration.ZERO));
        assertThat(failure(ch.submit(cmd("AT+CSQ", SHORT, "+CSQ:")))).isInstanceOf(AtTimeoutException.class);
        assertThat(modem.nextCommand()).isEqualTo("AT+CSQ");
        CompletableFuture<AtResponse> next = ch.submit(cmd("AT+CSQ", LONG, "+CSQ:"));
        assertThat(modem.nextCommand()).isEqualTo("AT");
        modem.line("OK"); // the late OK of AT+CSQ, or the probe's? Echo is off: nobody can tell.
        assertThat(failure(next)).isInstanceOf(ChannelClosedException.class).hasMessageContaining("AT+CSQ");
        assertThat(ch.isOpen()).isFalse();
    }

    // ------------------------------------------------------------------ 5. claim-all and payload URCs

    @Test
    void aPayloadUrcIsFramedAsAUrcWhileAClaimAllCommandIsPending() throws Exception {
        ScriptedModem modem = keep(ScriptedModem.inMemory(51).chunks(1, 4));
        AtChannel ch = channel(modem.host(), AtChannelConfig.defaults());
        ch.registerDecoder("+HTTPRECV:", UrcDecoder.lengthFramed());
        modem.when(
                "AT+CGSN",
                r -> r.raw("\r\n+HTTPRECV: 8,ab\r\nOK\r\n")
                        .line("867400031234567")
                        .ok());
        AtResponse imei = ch.execute(cmd("AT+CGSN", LONG, ""));
        assertThat(imei.lines()).containsExactly("867400031234567");
        Urc u = urcs.next();
        assertThat(u.payload()).isEqualTo("ab\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    // ------------------------------------------------------------------ 6. completions

    @Test
    void aRetryAfterACompletionTimeoutGetsItsOwnReports() throws Exception {
        ScriptedModem modem = keep(ScriptedModem.inMemory(61));
        AtChannel ch = channel(modem.host(), AtChannelConfig.defaults());
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger n = new AtomicInteger();
        modem.when("AT+HTTPACTION=0", r -> {
            if (n.incrementAndGet() == 1) {
                r.ok().urc("+HTTPRECV: first").await(release).urc("+HTTPCLOSED: first");
            } else {
                r.ok().urc("+HTTPRECV: second").urc("+HTTPCLOSED: second");
            }
        });
        AtCommand action = cmd("AT+HTTPACTION=0", LONG);
        assertThatThrownBy(() -> ch.execute(action, Completion.until("+HTTPCLOSED:", SHORT, "+HTTPRECV:")))
                .isInstanceOf(AtTimeoutException.class);
        CompletableFuture<CompletedResponse> retry =
                ch.submit(action, Completion.until("+HTTPCLOSED:", LONG, "+HTTPRECV:"));
        release.countDown();
        assertThat(retry.get(10, TimeUnit.SECONDS).urcs())
                .extracting(Urc::line)
                .containsExactly("+HTTPRECV: second", "+HTTPCLOSED: second");
    }

    @Test
    void overlappingCollectorsOfTheSameReportsAreRefused() throws Exception {
        ScriptedModem modem = keep(ScriptedModem.inMemory(62));
        AtChannel ch = channel(modem.host(), AtChannelConfig.defaults());
        CountDownLatch release = new CountDownLatch(1);
        modem.when(
                "AT+HTTPACTION=0",
                r -> r.ok().await(release).urc("+HTTPRECV: a").urc("+HTTPCLOSED: a"));
        Completion c = Completion.until("+HTTPCLOSED:", LONG, "+HTTPRECV:");
        CompletableFuture<CompletedResponse> a = ch.submit(cmd("AT+HTTPACTION=0", LONG), c);
        CompletableFuture<CompletedResponse> b = ch.submit(cmd("AT+HTTPACTION=0", LONG), c);
        assertThat(failure(b))
                .isInstanceOf(AtException.class)
                .hasMessageContaining("+HTTPRECV:")
                .hasMessageContaining("already");
        release.countDown();
        assertThat(a.get(10, TimeUnit.SECONDS).urcs()).hasSize(2);
    }

    // ------------------------------------------------------------------ 7. secrets

    @Test
    void aLateEchoOfASecretIsMaskedWithNoCommandPending() throws Exception {
        ManualModem modem = keep(new ManualModem());
        AtChannel ch = channel(modem.host(), AtChannelConfig.defaults().withLateAnswerWindow(Duration.ofMillis(1)));
        String key = "k3y-material";
        AtCommand cfg = AtCommand.builder("AT+HTTPSCFG=\"clientkey\",\"" + key + "\"")
                .secret(key)
                .timeout(SHORT)
                .build();
        try (LogCapture log = new LogCapture()) {
            assertThat(failure(ch.submit(cfg))).isInstanceOf(AtTimeoutException.class);
            modem.nextCommand();
            assertThat(modem.nextCommand()).isEqualTo("AT"); // resync probe: nothing pending for the channel
            modem.send("AT+HTTPSCFG=\"clientkey\",\"" + key + "\"\r"); // the echo, late
            modem.line("+X: " + key + "\u0001"); // a garbage line (DEBUG)
            modem.line("+Y: " + key + "z".repeat(70_000)); // an overlong line (WARN)
            modem.line("+Z: " + key);
            modem.send("AT\r\r\nOK\r\n");
            assertThat(urcs.next().line()).isEqualTo("+Z: " + key);
            assertThat(log.text()).contains("***").doesNotContain(key);
        }
    }

    @Test
    void failureMessagesMaskTheResponseLines() {
        ScriptedModem modem = keep(ScriptedModem.inMemory(71));
        AtChannel ch = channel(modem.host(), AtChannelConfig.defaults());
        modem.when(
                "AT+XGAUTH=1,1,\"u\",\"pw0rd\"",
                r -> r.line("+XGAUTH: \"pw0rd\"").error());
        AtCommand auth = AtCommand.builder("AT+XGAUTH=1,1,\"u\",\"pw0rd\"")
                .expect("+XGAUTH:")
                .secret("pw0rd")
                .timeout(LONG)
                .build();
        assertThatThrownBy(() -> ch.execute(auth))
                .isInstanceOf(AtCommandFailedException.class)
                .hasMessageContaining("***")
                .hasMessageNotContaining("pw0rd");
    }

    @Test
    void oneCharsetForWritingAndReading() throws Exception {
        ManualModem modem = keep(new ManualModem());
        AtChannel ch = channel(modem.host(), AtChannelConfig.defaults().withCharset(StandardCharsets.ISO_8859_1));
        String pwd = "pässwört";
        String line = "AT+XGAUTH=1,1,\"u\",\"" + pwd + "\"";
        try (LogCapture log = new LogCapture()) {
            CompletableFuture<AtResponse> f =
                    ch.submit(AtCommand.builder(line).secret(pwd).timeout(LONG).build());
            byte[] wire = modem.nextCommandBytes();
            assertThat(wire).isEqualTo(line.getBytes(StandardCharsets.ISO_8859_1));
            modem.send(wire);
            modem.send("\r\r\nOK\r\n");
            assertThat(f.get(10, TimeUnit.SECONDS).lines()).isEmpty(); // the echo was recognised
            assertThat(log.text()).doesNotContain("sswört").doesNotContain("sswÃ");
        }
    }

    // ------------------------------------------------------------------ 8, 9 are in ArgumentsTest

    @Test
    void aTimeoutMessageCutsAHugeLine() {
        ScriptedModem modem = keep(ScriptedModem.inMemory(91));
        AtChannel ch = channel(modem.host(), AtChannelConfig.defaults());
        modem.when("AT+BIG", r -> r.line("+BIG: " + "x".repeat(60_000)));
        assertThatThrownBy(() -> ch.execute(cmd("AT+BIG", Duration.ofMillis(300), "+BIG:")))
                .isInstanceOf(AtTimeoutException.class)
                .hasMessageContaining("60006 chars")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }

    @Test
    void aCarriageReturnInARawCommandNeverReachesAMessage() {
        assertThatThrownBy(() -> AtCommand.of("AT\rAT+CFUN=0"))
                .isInstanceOf(AtArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r").contains("\\r"));
        assertThatThrownBy(
                        () -> AtCommand.builder("AT\nX").timeout(Duration.ZERO).build())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    // ------------------------------------------------------------------ 10. stray payload headers

    @Test
    void aLengthAboveTheDeclaredMaximumIsAFramingErrorNotARead() throws Exception {
        ScriptedModem modem = keep(ScriptedModem.inMemory(101));
        AtChannel ch = channel(modem.host(), AtChannelConfig.defaults());
        ch.registerDecoder("+HTTPRECV:", UrcDecoder.lengthFramed(4096));
        modem.when("AT", r -> r.ok());
        modem.urc("+HTTPRECV: 1000000,");
        fiveCommandsGetTheirAnswersAfterOneFramingError(ch);
    }

    @Test
    void aRawPayloadWaitEndsAtThePendingCompletionsDeadline() throws Exception {
        ScriptedModem modem = keep(ScriptedModem.inMemory(102));
        AtChannel ch = channel(modem.host(), AtChannelConfig.defaults());
        ch.registerDecoder("+HTTPRECV:", UrcDecoder.rawUntil("+HTTPCLOSED:"));
        modem.when("AT+HTTPACTION=0", r -> r.ok().raw("\r\n+HTTPRECV:\r\n")); // and never +HTTPCLOSED
        modem.when("AT", r -> r.ok());
        assertThatThrownBy(() ->
                        ch.execute(cmd("AT+HTTPACTION=0", LONG), Completion.until("+HTTPCLOSED:", SHORT, "+HTTPRECV:")))
                .isInstanceOf(AtTimeoutException.class);
        fiveCommandsGetTheirAnswersAfterOneFramingError(ch);
    }

    private static void fiveCommandsGetTheirAnswersAfterOneFramingError(AtChannel ch) {
        for (int i = 0; i < 5; i++) {
            assertThat(ch.execute(AtCommand.builder("AT").timeout(LONG).build()).finalResult())
                    .isEqualTo(FinalResult.OK);
        }
        assertThat(ch.stats().framingErrors()).isEqualTo(1);
    }

    @Test
    void offlineDecodingOfAStrayHeaderIsUnchangedByTheMaximum() throws Exception {
        assertThat(decode(
                        new ByteArrayInputStream("\r\n+R: 5000,\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII)),
                        Map.of("+R:", UrcDecoder.lengthFramed(100))))
                .containsExactly("OK");
    }
}
