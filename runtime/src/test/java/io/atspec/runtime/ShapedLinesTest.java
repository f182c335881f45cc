package io.atspec.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Lines told apart by their shape: a response or final the pending command expects is its own
 * only when it has one of its shapes; any other line with the same prefix is a URC.
 */
class ShapedLinesTest extends ManualChannelTest {

    private static final Duration LONG = Duration.ofSeconds(10);
    private static final LineShape CLOSED = new LineShape("+SOCKCLOSE:", "\\+SOCKCLOSE: *-?\\d+ *, *OK");
    private static final LineShape IN_USE = new LineShape("+SOCKOPEN:", "\\+SOCKOPEN: *(-?\\d+) *, *ERROR1");
    private static final LineShape EXPIRED =
            new LineShape("+SOCKSEND:", "\\+SOCKSEND: *(-?\\d+) *, *OPERATION EXPIRED");

    /** A typed error as generated code writes one: the field read from the line. */
    static final class InUseException extends ShapedErrorException {
        private static final long serialVersionUID = 1L;
        private final int link;

        InUseException(String command, AtResponse response, UnaryOperator<String> mask) {
            super(command, response, mask, "The link number is already in use");
            String line = response.finalResult().line();
            this.link = Integer.parseInt(
                    line.substring(line.indexOf(':') + 1, line.indexOf(',')).trim());
        }

        int link() {
            return link;
        }
    }

    @Test
    void aReportWithThePrefixButNotTheShapeIsAUrcWhileTheCommandIsPending() throws Exception {
        AtCommand close = AtCommand.builder("AT+SOCKCLOSE=0")
                .finalLine(FinalLine.answer(CLOSED))
                .timeout(LONG)
                .build();

        CompletableFuture<AtResponse> answer = ch.submit(close);
        assertThat(modem.nextCommand()).isEqualTo("AT+SOCKCLOSE=0");
        modem.line("+SOCKCLOSE: 1,Link Closed");
        assertThat(urcs.next().line()).isEqualTo("+SOCKCLOSE: 1,Link Closed");
        assertThat(answer).isNotDone();
        modem.line("+SOCKCLOSE: 0,OK");

        AtResponse response = answer.get(10, TimeUnit.SECONDS);
        assertThat(response.lines()).containsExactly("+SOCKCLOSE: 0,OK");
        assertThat(response.finalResult()).isEqualTo(new FinalResult.CommandSpecific("+SOCKCLOSE: 0,OK", false));
    }

    @Test
    void aResponseThatEndsTheCommandReturnsAtOnceWithoutOk() throws Exception {
        LineShape up = new LineShape("+SOCKSTAT:", "\\+SOCKSTAT: *-?\\d+ *, *CONNECT *, *[^,]* *, *-?\\d+");
        LineShape down = new LineShape("+SOCKSTAT:", "\\+SOCKSTAT: *-?\\d+ *, *DISCONNECT");
        AtCommand stat = AtCommand.builder("AT+SOCKSTAT=0")
                .finalLine(FinalLine.answer(up))
                .finalLine(FinalLine.answer(down))
                .timeout(LONG)
                .build();

        CompletableFuture<AtResponse> answer = ch.submit(stat);
        assertThat(modem.nextCommand()).isEqualTo("AT+SOCKSTAT=0");
        modem.line("+SOCKSTAT: 0,DISCONNECT");

        assertThat(answer.get(10, TimeUnit.SECONDS).lines()).containsExactly("+SOCKSTAT: 0,DISCONNECT");
        assertThat(up.matches("+SOCKSTAT: 0,DISCONNECT")).isFalse();
        // The link is free at once: the next command goes out with no OK in between.
        CompletableFuture<AtResponse> next =
                ch.submit(AtCommand.builder("AT").timeout(LONG).build());
        assertThat(modem.nextCommand()).isEqualTo("AT");
        modem.line("OK");
        assertThat(next.get(10, TimeUnit.SECONDS).finalResult()).isEqualTo(FinalResult.OK);
    }

    @Test
    void aShapedErrorFinalFailsWithTheTypedExceptionAndItsField() throws Exception {
        AtCommand openLink = AtCommand.builder("AT+SOCKOPEN=1,\"secret.host\",80")
                .finalLine(FinalLine.shapedError(IN_USE, InUseException::new))
                .secret("secret.host")
                .timeout(LONG)
                .build();

        CompletableFuture<AtResponse> answer = ch.submit(openLink);
        assertThat(modem.nextCommand()).startsWith("AT+SOCKOPEN=1");
        modem.line("+SOCKOPEN: 1,ERROR1");

        Throwable failure = Futures.failure(answer);
        assertThat(failure)
                .isInstanceOfSatisfying(
                        InUseException.class, e -> assertThat(e.link()).isEqualTo(1))
                .isInstanceOf(AtCommandFailedException.class)
                .hasMessage("AT+SOCKOPEN (AT+SOCKOPEN=1,\"***\",80) failed: +SOCKOPEN: 1,ERROR1"
                        + " (The link number is already in use)");
    }

    @Test
    void aShapedFinalIsThePendingCommandsEvenWhenItsPrefixHasAUrcDecoder() throws Exception {
        ch.registerDecoder("+SOCKSEND:", UrcDecoder.line());
        AtCommand send = AtCommand.builder("AT+SOCKSEND=0,5")
                .finalLine(FinalLine.shapedError(EXPIRED, FinalLineFailure::plain))
                .timeout(LONG)
                .build();

        CompletableFuture<AtResponse> answer = ch.submit(send);
        assertThat(modem.nextCommand()).isEqualTo("AT+SOCKSEND=0,5");
        modem.line("+SOCKSEND: 1,5");
        assertThat(urcs.next().line()).isEqualTo("+SOCKSEND: 1,5");
        modem.line("+SOCKSEND: 0,OPERATION EXPIRED");

        assertThat(Futures.failure(answer))
                .isInstanceOf(ShapedErrorException.class)
                .hasMessageContaining("+SOCKSEND: 0,OPERATION EXPIRED");
        assertThat(urcs.urcs).isEmpty();
    }

    @Test
    void aTypedExceptionThatCannotBeMadeFallsBackToThePlainFailureAndTheChannelReadsOn() throws Exception {
        AtCommand openLink = AtCommand.builder("AT+SOCKOPEN=1")
                .finalLine(FinalLine.shapedError(IN_USE, (command, response, mask) -> {
                    throw new NumberFormatException("not read as declared");
                }))
                .timeout(LONG)
                .build();

        CompletableFuture<AtResponse> answer = ch.submit(openLink);
        assertThat(modem.nextCommand()).isEqualTo("AT+SOCKOPEN=1");
        modem.line("+SOCKOPEN: 1,ERROR1");

        assertThat(Futures.failure(answer))
                .isExactlyInstanceOf(AtCommandFailedException.class)
                .hasMessageContaining("+SOCKOPEN: 1,ERROR1");
        CompletableFuture<AtResponse> next =
                ch.submit(AtCommand.builder("AT").timeout(LONG).build());
        assertThat(modem.nextCommand()).isEqualTo("AT");
        modem.line("OK");
        assertThat(next.get(10, TimeUnit.SECONDS).finalResult()).isEqualTo(FinalResult.OK);
    }

    /** The typed exception a spec without fields of interest would still get. */
    private static final class FinalLineFailure {
        static AtCommandFailedException plain(String command, AtResponse response, UnaryOperator<String> mask) {
            return new ShapedErrorException(command, response, mask, "the send timed out");
        }
    }

    @Test
    void aResponseShapeLeavesOtherLinesWithItsPrefixToListeners() throws Exception {
        AtCommand read = AtCommand.builder("AT+SOCKSTATE?")
                .expect("+SOCKSTATE:")
                .shape(new LineShape("+SOCKSTATE:", "\\+SOCKSTATE: *-?\\d+ *, *-?\\d+"))
                .timeout(LONG)
                .build();

        CompletableFuture<AtResponse> answer = ch.submit(read);
        assertThat(modem.nextCommand()).isEqualTo("AT+SOCKSTATE?");
        modem.line("+SOCKSTATE: 2,Link Closed");
        modem.line("+SOCKSTATE: 0,1");
        modem.line("OK");

        assertThat(answer.get(10, TimeUnit.SECONDS).lines()).containsExactly("+SOCKSTATE: 0,1");
        assertThat(urcs.next().line()).isEqualTo("+SOCKSTATE: 2,Link Closed");
    }
}
