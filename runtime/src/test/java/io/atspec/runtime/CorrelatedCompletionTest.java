package io.atspec.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Completions tied to their request ({@code matching link}): each waits for its own report;
 * the others' go on to their own waits and to listeners. An ending report can mean failure.
 */
class CorrelatedCompletionTest extends ManualChannelTest {

    private static final Duration LONG = Duration.ofSeconds(10);

    private static String link(Urc urc) {
        String v = urc.value();
        int comma = v.indexOf(',');
        return comma < 0 ? v : v.substring(0, comma).trim();
    }

    private static boolean failed(Urc urc) {
        return urc.value().endsWith(",FAIL");
    }

    /** The wait of {@code AT+SOCKOPEN=<link>}: its own +SOCKOPEN, FAIL failing the call. */
    private static Completion openOf(int link) {
        return Completion.until("+SOCKOPEN:", LONG)
                .correlated(new Completion.Correlation("link=" + link, u -> link(u).equals(Integer.toString(link))))
                .failing(Completion.Failure.when(CorrelatedCompletionTest::failed));
    }

    private static AtCommand openCommand(int link) {
        return AtCommand.builder("AT+SOCKOPEN=" + link).timeout(LONG).build();
    }

    @Test
    void anotherLinksFailureDoesNotEndTheWait() throws Exception {
        CompletableFuture<CompletedResponse> zero = ch.submit(openCommand(0), openOf(0));
        assertThat(modem.nextCommand()).isEqualTo("AT+SOCKOPEN=0");
        modem.line("OK");
        modem.line("+SOCKOPEN: 1,FAIL");
        assertThat(urcs.next().line()).isEqualTo("+SOCKOPEN: 1,FAIL");
        assertThat(zero).isNotDone();
        modem.line("+SOCKOPEN: 0,OK");

        assertThat(zero.get(10, TimeUnit.SECONDS).urcs()).extracting(Urc::line).containsExactly("+SOCKOPEN: 0,OK");
    }

    @Test
    void twoLinksWaitSideBySideAndEndOutOfOrder() throws Exception {
        CompletableFuture<CompletedResponse> zero = ch.submit(openCommand(0), openOf(0));
        assertThat(modem.nextCommand()).isEqualTo("AT+SOCKOPEN=0");
        modem.line("OK");
        CompletableFuture<CompletedResponse> one = ch.submit(openCommand(1), openOf(1));
        assertThat(modem.nextCommand()).isEqualTo("AT+SOCKOPEN=1");
        modem.line("OK");
        modem.line("+SOCKOPEN: 1,OK");
        assertThat(one.get(10, TimeUnit.SECONDS).urcs()).extracting(Urc::line).containsExactly("+SOCKOPEN: 1,OK");
        assertThat(zero).isNotDone();
        modem.line("+SOCKOPEN: 0,OK");

        assertThat(zero.get(10, TimeUnit.SECONDS).urcs()).extracting(Urc::line).containsExactly("+SOCKOPEN: 0,OK");
        assertThat(urcs.nextLines(2)).containsExactly("+SOCKOPEN: 1,OK", "+SOCKOPEN: 0,OK");
    }

    @Test
    void theSameLinkTwiceIsStillRefused() throws Exception {
        ch.submit(openCommand(0), openOf(0));
        assertThat(modem.nextCommand()).isEqualTo("AT+SOCKOPEN=0");
        CompletableFuture<CompletedResponse> again = ch.submit(openCommand(0), openOf(0));

        assertThat(Futures.failure(again))
                .isInstanceOf(AtException.class)
                .hasMessageContaining("refused: its completion would collect reports");
    }

    @Test
    void aFailingReportFailsTheCallNamingCommandAndLink() throws Exception {
        CompletableFuture<CompletedResponse> two = ch.submit(openCommand(2), openOf(2));
        assertThat(modem.nextCommand()).isEqualTo("AT+SOCKOPEN=2");
        modem.line("OK");
        modem.line("+SOCKOPEN: 2,FAIL");

        assertThat(Futures.failure(two))
                .isInstanceOfSatisfying(CompletionFailedException.class, e -> {
                    assertThat(e.urc().line()).isEqualTo("+SOCKOPEN: 2,FAIL");
                    assertThat(e.collected()).hasSize(1);
                })
                .hasMessage("AT+SOCKOPEN (AT+SOCKOPEN=2) failed: its outcome was '+SOCKOPEN: 2,FAIL'");
    }

    @Test
    void aFailingReportBeforeTheOkFailsTheCallAtTheOk() throws Exception {
        CompletableFuture<CompletedResponse> three = ch.submit(openCommand(3), openOf(3));
        assertThat(modem.nextCommand()).isEqualTo("AT+SOCKOPEN=3");
        modem.line("+SOCKOPEN: 3,FAIL");
        modem.line("OK");

        assertThat(Futures.failure(three)).isInstanceOf(CompletionFailedException.class);
    }
}
