package io.atspec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.neoway.http.RecvMode;
import io.atspec.runtime.AtChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fault profile's values and the parts of it that need no clock to check. */
class FaultProfileTest {

    @Test
    void baudIsTenBitTimesPerByte() {
        assertThat(FaultProfile.baud(115200).bytesPerSecond()).isEqualTo(11520);
        assertThat(FaultProfile.baud(921600).bytesPerSecond()).isEqualTo(92160);
        assertThat(FaultProfile.none().withChunks(7).withBaud(9600)).isEqualTo(new FaultProfile(960, 7));
    }

    @Test
    void nonsenseIsRefusedWithTheValue() {
        assertThatThrownBy(() -> FaultProfile.none().withDroppedBytes(1.5, 1)).hasMessageContaining("1.5");
        assertThatThrownBy(() -> FaultProfile.none().withCorruptedBytes(-0.1, 1))
                .hasMessageContaining("-0.1");
        assertThatThrownBy(() -> FaultProfile.none().withLatency(Duration.ofMillis(-1)))
                .hasMessageContaining("latency");
        assertThatThrownBy(() -> FaultProfile.baud(0)).hasMessageContaining("baud");
        assertThatThrownBy(() -> OutputTrigger.before("OK", 0)).hasMessageContaining("occurrence");
    }

    @Test
    void triggersFireBeforeTheNthMatchingMessageOnce() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ModuleOutput out = new ModuleOutput(sink, FaultProfile.none());
        out.injectBefore(OutputTrigger.before("OK", 2), "+CREG: 5");
        out.line("OK");
        out.line("+CSQ: 24,0");
        out.line("OK");
        out.line("OK");
        assertThat(sink.toString(StandardCharsets.US_ASCII))
                .isEqualTo("\r\nOK\r\n\r\n+CSQ: 24,0\r\n\r\n+CREG: 5\r\n\r\nOK\r\n\r\nOK\r\n");
    }

    @Test
    void aRebootDiscardsWhatTheInterruptedCommandStillWrites() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ModuleOutput out = new ModuleOutput(sink, FaultProfile.none());
        out.join(); // this thread plays the command loop
        out.rebootBefore(OutputTrigger.before("OK"));
        out.line("+CSQ: 24,0");
        out.line("OK");
        out.line("more of the same command");
        assertThat(out.stale()).isTrue();
        out.join(); // the next command line
        out.line("OK");
        assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("\r\n+CSQ: 24,0\r\n\r\n+PBREADY\r\n\r\nOK\r\n");
        assertThat(out.reboots()).isEqualTo(1);
    }

    @Test
    void latencyAndOneByteChunksStillCarryATransfer() throws Exception {
        try (TestHttpServer server = new TestHttpServer();
                NeowaySimulator module = NeowaySimulator.inMemory(SimulatorConfig.defaults()
                        .withPppDelay(Duration.ZERO)
                        .withFaults(FaultProfile.none()
                                .withLatency(Duration.ofMillis(2))
                                .withChunks(1)));
                AtChannel channel = AtChannel.open(module.host())) {
            byte[] body = EndToEndTest.random(3000, 81);
            String path = server.file("latency", body);
            LinkDriver.attach(channel);
            assertThat(LinkDriver.get(channel, server.port(), path, RecvMode.LENGTH)
                            .bodySha256())
                    .isEqualTo(HttpMessage.sha256(body));
        }
    }
}
