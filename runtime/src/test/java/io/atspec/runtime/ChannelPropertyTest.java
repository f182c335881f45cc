package io.atspec.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.runtime.testing.ScriptedModem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The channel's guarantees as properties over random streams, chunkings, late-answer delays,
 * echo settings and caller counts (see the "Guarantees" list in the runtime README).
 */
class ChannelPropertyTest {

    // ------------------------------------------------------------------ framing is a function of the bytes

    private static final AtChannelConfig FRAMING = AtChannelConfig.defaults().withMaxLineLength(96);
    private static final Map<String, UrcDecoder> DECODERS = Map.of(
            "+LEN:", UrcDecoder.lengthFramed(300),
            "+ANY:", UrcDecoder.lengthFramed(),
            "+RAW:", UrcDecoder.rawUntil("+END:"));

    /** What a decode produced: the events in order, the counters, and how it ended. */
    record Decoded(List<Urc> events, ChannelStats stats, String end) {}

    @Property(tries = 300)
    void theSameStreamDecodesToTheSameEventsForAnyChunking(
            @ForAll("hostileStreams") byte[] stream, @ForAll long seedA, @ForAll long seedB) throws Exception {
        Decoded whole = decode(stream, null);
        assertThat(decode(stream, seedA)).isEqualTo(whole);
        assertThat(decode(stream, seedB)).isEqualTo(whole);
    }

    private static Decoded decode(byte[] stream, Long chunkSeed) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
                    List<Urc> events = new ArrayList<>();
                    var in = chunkSeed == null
                            ? new java.io.ByteArrayInputStream(stream)
                            : new AtReaderPropertyTest.ChunkedInput(stream, chunkSeed);
                    try {
                        ChannelStats stats = WireDecoder.decode(in, FRAMING, DECODERS, events::add);
                        return new Decoded(events, stats, "end");
                    } catch (IOException e) {
                        return new Decoded(events, null, e.getClass().getSimpleName());
                    }
                })
                .get(10, TimeUnit.SECONDS);
    }

    @Provide
    Arbitrary<byte[]> hostileStreams() {
        Arbitrary<String> text =
                Arbitraries.strings().withChars("0123456789, x:+\r\nOKERLNDAW>").ofMaxLength(40);
        Arbitrary<String> piece = Arbitraries.oneOf(
                text.map(t -> "\r\n+LEN:" + t),
                text.map(t -> "\r\n+ANY: " + t),
                text.map(t -> "\r\n+RAW:" + t),
                text.map(t -> "\r\n+END:" + t),
                Arbitraries.integers().between(0, 400).map(n -> "\r\n+LEN: " + n + ","),
                text.map(t -> "\r\n+U: " + t + "\r\n"),
                Arbitraries.of("\r\nOK\r\n", "\r\n+X:,R", "\u0000", "\u0001", "\r", "\n", "Z".repeat(120)),
                text);
        return piece.list().ofMaxSize(25).map(l -> String.join("", l).getBytes(StandardCharsets.ISO_8859_1));
    }

    // ------------------------------------------------------------------ callers: own answers, deadlines, secrets

    /** What the module does with one tagged command. */
    enum Behaviour {
        ANSWER,
        /** answers only after the command timed out (the caller's failure releases it) */
        LATE,
        /** never sends the final result */
        LOST,
        /** answers and puts garbage and an overlong line with the secret around it */
        NOISY
    }

    record Plan(int callers, int perCaller, boolean echo, int window, int chunkMax, List<Behaviour> behaviours) {}

    @Provide
    Arbitrary<Plan> plans() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.of(true, false),
                        Arbitraries.of(0, 1, 40),
                        Arbitraries.integers().between(1, 64),
                        Arbitraries.frequencyOf(
                                        net.jqwik.api.Tuple.of(6, Arbitraries.just(Behaviour.ANSWER)),
                                        net.jqwik.api.Tuple.of(1, Arbitraries.just(Behaviour.LATE)),
                                        net.jqwik.api.Tuple.of(1, Arbitraries.just(Behaviour.LOST)),
                                        net.jqwik.api.Tuple.of(2, Arbitraries.just(Behaviour.NOISY)))
                                .list()
                                .ofSize(16))
                .as(Plan::new);
    }

    private static final Duration NORMAL = Duration.ofSeconds(2);
    private static final Duration SLOW = Duration.ofMillis(120);

    @Property(tries = 25)
    void callersGetOnlyTheirOwnAnswersByTheirDeadlinesAndNoSecretIsLogged(
            @ForAll("plans") Plan plan, @ForAll @IntRange(min = 0, max = 1000) int seed) throws Exception {
        Map<String, CountDownLatch> releases = new ConcurrentHashMap<>();
        List<String> secrets = new ArrayList<>();
        String log;
        try (LogCapture capture = new LogCapture();
                ScriptedModem modem =
                        ScriptedModem.inMemory(seed).chunks(1, plan.chunkMax()).echo(plan.echo());
                AtChannel channel = AtChannel.open(
                        modem.host(),
                        AtChannelConfig.defaults().withLateAnswerWindow(Duration.ofMillis(plan.window())))) {
            modem.when("AT", r -> r.ok());
            modem.whenMatches("AT\\+ID=(\\d+)-(\\d+),\"(\\w+)\"", (m, r) -> {
                String tag = m.group(1) + "-" + m.group(2);
                String secret = m.group(3);
                switch (behaviour(plan, tag)) {
                    case ANSWER -> r.line("+ID: " + tag).ok();
                    case LATE -> r.await(releases.get(tag)).line("+ID: " + tag).ok();
                    case LOST -> r.line("+ID: " + tag);
                    case NOISY ->
                        r.raw("\r\n+N: " + secret + "\u0001\r\n")
                                .line("+ID: " + tag + " " + secret)
                                .line("+O: " + secret + "y".repeat(70_000))
                                .urc("+U: " + secret)
                                .ok();
                }
            });
            List<CompletableFuture<Void>> callers = new ArrayList<>();
            for (int c = 0; c < plan.callers(); c++) {
                for (int i = 0; i < plan.perCaller(); i++) {
                    String s = "Qz" + c + "x" + i + "Sekret";
                    secrets.add(s);
                }
            }
            for (int c = 0; c < plan.callers(); c++) {
                int caller = c;
                callers.add(CompletableFuture.runAsync(() -> runCaller(channel, plan, caller, releases)));
            }
            for (CompletableFuture<Void> f : callers) {
                // Every caller finishes by its deadline: at most twice its timeout per command
                // (queued, then waiting for the answer), plus scheduling slack.
                f.get(plan.perCaller() * (2 * NORMAL.toMillis()) + 5_000, TimeUnit.MILLISECONDS);
            }
            releases.values().forEach(CountDownLatch::countDown);
            log = capture.text();
        }
        for (String s : secrets) {
            assertThat(log).as("the log").doesNotContain(s);
        }
    }

    private static Behaviour behaviour(Plan plan, String tag) {
        return plan.behaviours()
                .get(Math.floorMod(tag.hashCode(), plan.behaviours().size()));
    }

    private static void runCaller(AtChannel channel, Plan plan, int caller, Map<String, CountDownLatch> releases) {
        for (int i = 0; i < plan.perCaller(); i++) {
            String tag = caller + "-" + i;
            String secret = "Qz" + caller + "x" + i + "Sekret";
            Behaviour b = behaviour(plan, tag);
            releases.put(tag, new CountDownLatch(1));
            AtCommand cmd = AtCommand.builder("AT+ID=" + tag + ",\"" + secret + "\"")
                    .expect("+ID:")
                    .secret(secret)
                    .timeout(b == Behaviour.ANSWER || b == Behaviour.NOISY ? NORMAL : SLOW)
                    .build();
            CompletableFuture<AtResponse> f = channel.submit(cmd);
            try {
                AtResponse r = f.get(2 * cmd.timeout().toMillis() + 2_000, TimeUnit.MILLISECONDS);
                // No caller ever receives a line that answers another command.
                for (String line : r.lines()) {
                    assertThat(line).startsWith("+ID: " + tag);
                }
                assertThat(r.lines()).hasSize(1);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOfAny(AtTimeoutException.class, ChannelClosedException.class);
                assertThat(e.getCause().getMessage()).doesNotContain(secret);
            } catch (TimeoutException e) {
                throw new AssertionError(cmd + " did not finish by its deadline", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } finally {
                releases.get(tag).countDown(); // a late answer comes now, after the timeout
            }
        }
    }
}
