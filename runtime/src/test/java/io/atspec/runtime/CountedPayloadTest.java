package io.atspec.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.runtime.testing.ScriptedModem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A payload counted by a length that is not the first field ({@code <link>,<length>,<data>}),
 * in a URC and in a pending command's response: its bytes are data whatever they hold, a line
 * that ends before the length is the other, plain shape, and a length above the declared
 * maximum is a framing error that swallows nothing.
 */
class CountedPayloadTest {

    private static final byte[] TWELVE = "ab\r\nOK\r\ncd\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private ScriptedModem modem;
    private AtChannel channel;
    private final UrcRecorder urcs = new UrcRecorder();

    private void open(long seed) {
        modem = ScriptedModem.inMemory(seed).chunks(1, 5);
        channel = AtChannel.open(modem.host(), AtChannelConfig.defaults());
        channel.addListener(urcs);
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

    private static AtCommand read(String line, int max) {
        return AtCommand.builder(line)
                .expectPayload("+SOCKREAD:", UrcDecoder.counted(2, 1, max))
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    @Test
    void aUrcPayloadAfterTheLinkIsDeliveredWholeWhileACommandIsPending() throws Exception {
        open(1);
        channel.registerDecoder("+SOCKRECV:", UrcDecoder.counted(2, 1, 4096));
        modem.when(
                "AT+CSQ",
                r -> r.raw("\r\n+SOCKRECV: 0,12,")
                        .raw(TWELVE)
                        .line("+CSQ: 20,0")
                        .ok());

        AtResponse answer = channel.execute(AtCommand.builder("AT+CSQ")
                .expect("+CSQ:")
                .timeout(Duration.ofSeconds(10))
                .build());

        assertThat(answer.lines()).containsExactly("+CSQ: 20,0");
        Urc urc = urcs.next();
        assertThat(urc.line()).isEqualTo("+SOCKRECV: 0,12,");
        assertThat(urc.payload()).isEqualTo(TWELVE);
        assertThat(channel.stats().unexpectedFinals()).isZero();
    }

    @Test
    void aUrcLineThatEndsBeforeTheLengthIsThePlainShape() throws Exception {
        open(2);
        channel.registerDecoder("+SOCKRECV:", UrcDecoder.counted(2, 1, 4096));

        modem.urc("+SOCKRECV: 3");

        Urc urc = urcs.next();
        assertThat(urc.line()).isEqualTo("+SOCKRECV: 3");
        assertThat(urc.payload()).isNull();
    }

    @Test
    void aResponsePayloadHoldingOkIsReadWholeWhileItsCommandIsPending() {
        open(3);
        modem.when(
                "AT+SOCKREAD=0,100",
                r -> r.raw("\r\n+SOCKREAD: 0,12,").raw(TWELVE).ok());

        AtResponse answer = channel.execute(read("AT+SOCKREAD=0,100", 4096));

        assertThat(answer.finalResult()).isEqualTo(FinalResult.OK);
        assertThat(answer.lines()).containsExactly("+SOCKREAD: 0,12,");
        assertThat(answer.payload(0)).isEqualTo(TWELVE);
        assertThat(channel.stats().unexpectedFinals()).isZero();
    }

    @Test
    void aResponseWithoutPayloadIsItsPlainShape() {
        open(4);
        modem.when("AT+SOCKREAD=0,100", r -> r.line("+SOCKREAD: 0,0").ok());

        AtResponse answer = channel.execute(read("AT+SOCKREAD=0,100", 4096));

        assertThat(answer.lines()).containsExactly("+SOCKREAD: 0,0");
        assertThat(answer.payload(0)).isNull();
    }

    @Test
    void theSamePrefixIsAPlainUrcWhenNoCommandThatCountsItIsPending() throws Exception {
        open(5);

        modem.urc("+SOCKREAD: 0,2,");

        assertThat(urcs.next().line()).isEqualTo("+SOCKREAD: 0,2,");
    }

    @Test
    void aLengthAboveTheMaximumIsAFramingErrorThatSwallowsNotTheNextAnswer() {
        open(6);
        modem.when("AT+SOCKREAD=0,100", r -> r.line("+SOCKREAD: 0,5000,abc").ok());
        modem.when("AT+CSQ", r -> r.line("+CSQ: 20,0").ok());

        AtResponse refused = channel.execute(read("AT+SOCKREAD=0,100", 4096));
        AtResponse next = channel.execute(AtCommand.builder("AT+CSQ")
                .expect("+CSQ:")
                .timeout(Duration.ofSeconds(10))
                .build());

        assertThat(refused.finalResult()).isEqualTo(FinalResult.OK);
        assertThat(refused.lines()).isEmpty();
        assertThat(channel.stats().framingErrors()).isEqualTo(1);
        assertThat(next.lines()).containsExactly("+CSQ: 20,0");
    }

    @Test
    void lengthFramedIsTheCountedDecoderWithTheLengthFirst() throws Exception {
        open(7);
        channel.registerDecoder("+HTTPRECV:", UrcDecoder.lengthFramed(20));

        modem.send("\r\n+HTTPRECV: 12,".getBytes(StandardCharsets.ISO_8859_1));
        modem.send(TWELVE);
        modem.urc("+NEXT: 1");

        Urc urc = urcs.next();
        assertThat(urc.line()).isEqualTo("+HTTPRECV: 12,");
        assertThat(urc.payload()).isEqualTo(TWELVE);
        assertThat(urcs.next().line()).isEqualTo("+NEXT: 1");
    }
}
