package io.atspec.runtime.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.runtime.AtChannel;
import io.atspec.runtime.AtCommand;
import io.atspec.runtime.AtCommandFailedException;
import io.atspec.runtime.AtResponse;
import io.atspec.runtime.testing.ScriptedModem;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollingTest {

    private static final AtCommand QUERY = AtCommand.builder("AT+X?")
            .expect("+X:")
            .timeout(Duration.ofSeconds(10))
            .build();
    private static final String WHAT = "AT+X: <state> of AT+X? did not become 1";

    private final ScriptedModem modem = ScriptedModem.inMemory(5).chunks(1, 4);
    private final AtChannel channel = AtChannel.open(modem.host());

    @AfterEach
    void tearDown() {
        channel.close();
        modem.close();
    }

    private static String state(AtResponse response) {
        return response.line("+X:").substring("+X:".length()).trim();
    }

    private CompletableFuture<String> untilOne(Duration timeout) {
        return Polling.until(channel, QUERY, PollingTest::state, "1"::equals, Duration.ofMillis(1), timeout, WHAT);
    }

    @Test
    void pollsUntilTheAnswerSatisfiesTheCondition() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        modem.when(
                "AT+X?",
                r -> r.line("+X: " + (polls.incrementAndGet() < 3 ? 0 : 1)).ok());
        assertThat(untilOne(Duration.ofMinutes(1)).get(30, TimeUnit.SECONDS)).isEqualTo("1");
        assertThat(modem.received()).containsExactly("AT+X?", "AT+X?", "AT+X?");
    }

    @Test
    void anAnswerThatIsAlreadyThereNeedsOnePoll() throws Exception {
        modem.when("AT+X?", r -> r.line("+X: 1").ok());
        assertThat(untilOne(Duration.ofMinutes(1)).get(30, TimeUnit.SECONDS)).isEqualTo("1");
        assertThat(modem.received()).containsExactly("AT+X?");
    }

    @Test
    void timeRunningOutFailsWithWhatWasAwaitedAndTheLastAnswer() {
        modem.when("AT+X?", r -> r.line("+X: 0").ok());
        CompletableFuture<String> f = untilOne(Duration.ZERO);
        assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(CompletionTimeoutException.class)
                .hasMessage(WHAT + " within 0 ms; last answer: 0");
    }

    @Test
    void noThreadWaitsForTheAnswer() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        modem.when("AT+X?", r -> r.await(answer).line("+X: 1").ok());
        CompletableFuture<String> f = untilOne(Duration.ofMinutes(1));
        assertThat(f).isNotDone(); // until() returned while the modem still holds its answer
        answer.countDown();
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("1");
    }

    @Test
    void aFailingQueryFailsThePoll() {
        modem.when("AT+X?", r -> r.line("+CME ERROR: 3"));
        CompletableFuture<String> f = untilOne(Duration.ofMinutes(1));
        assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(AtCommandFailedException.class)
                .hasMessageContaining("AT+X?");
    }

    @Test
    void anIntervalMustBePositive() {
        assertThatThrownBy(() -> Polling.until(
                        channel, QUERY, PollingTest::state, "1"::equals, Duration.ZERO, Duration.ofSeconds(1), WHAT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(WHAT + ": polling interval must be positive, got PT0S");
    }
}
