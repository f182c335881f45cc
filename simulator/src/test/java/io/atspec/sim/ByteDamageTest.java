package io.atspec.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.neoway.http.HttpAction;
import io.atspec.neoway.http.HttpCommands;
import io.atspec.neoway.http.RecvMode;
import io.atspec.neoway.network.NetworkCommands;
import io.atspec.runtime.AtChannel;
import io.atspec.runtime.AtChannelConfig;
import io.atspec.runtime.AtCommand;
import io.atspec.runtime.AtException;
import io.atspec.runtime.ChannelStats;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lost and changed bytes on the module -> host link (seeded, so every run damages the same
 * bytes): commands succeed or fail, the reader never hangs or dies, what it skipped is counted,
 * and the channel works again once the link is clean.
 */
class ByteDamageTest {

    private static final SimulatorConfig CONFIG = SimulatorConfig.defaults().withPppDelay(Duration.ZERO);
    /** Short holds after timeouts keep the test fast; the runtime default is 500 ms. */
    private static final AtChannelConfig CHANNEL = AtChannelConfig.defaults()
            .withLateAnswerWindow(Duration.ofMillis(50))
            .withMaxPayloadLength(4096);

    @RegisterExtension
    static final TestHttpServer server = TestHttpServer.perClass();

    @Test
    void droppedAndCorruptedBytesNeverHangOrKillTheReader() throws Exception {
        byte[] body = EndToEndTest.random(13842, 61);
        String path = server.file("damaged", body);
        try (NeowaySimulator module = NeowaySimulator.inMemory(CONFIG);
                AtChannel channel = AtChannel.open(module.host(), CHANNEL)) {
            NetworkCommands net = LinkDriver.attach(channel);
            HttpCommands http = LinkDriver.setUp(channel, server.port(), path, RecvMode.LENGTH);

            module.faults(FaultProfile.none().withDroppedBytes(0.01, 7).withCorruptedBytes(0.01, 7));
            int ok = 0;
            int failed = 0;
            for (int i = 0; i < 25; i++) {
                try {
                    net.csqExec();
                    ok++;
                } catch (AtException expected) {
                    failed++;
                }
            }
            try {
                // A length-framed transfer over the damaged link: it may complete or fail, never hang.
                http.httpAction(HttpAction.get(), Duration.ofSeconds(2));
                ok++;
            } catch (AtException expected) {
                failed++;
            }
            assertThat(ok + failed).isEqualTo(26);
            System.out.println("damaged link: " + ok + " succeeded, " + failed + " failed, " + channel.stats());
            assertThat(failed).as("a 2%% byte error rate fails some commands").isPositive();

            module.faults(FaultProfile.none());
            awaitCleanAnswer(channel);
            ChannelStats stats = channel.stats();
            assertThat(stats.garbageLines()
                            + stats.bareLineEnds()
                            + stats.framingErrors()
                            + stats.lateAnswersDropped()
                            + stats.unexpectedFinals()
                            + stats.overlongLines()
                            + stats.nulBytes())
                    .as("what the reader skipped is counted: %s", stats)
                    .isPositive();

            // The channel and the module are intact: a fresh attach and transfer deliver every byte.
            LinkDriver.attach(channel);
            assertThat(LinkDriver.get(channel, server.port(), path, RecvMode.LENGTH)
                            .bodySha256())
                    .isEqualTo(HttpMessage.sha256(body));
        }
    }

    @Test
    void aSeededProfileDamagesTheSameBytesEveryRun() throws Exception {
        FaultProfile faults = FaultProfile.none().withCorruptedBytes(0.2, 99).withDroppedBytes(0.1, 99);
        assertThat(damage(faults)).isEqualTo(damage(faults)).isNotEqualTo(damage(FaultProfile.none()));
    }

    private static byte[] damage(FaultProfile faults) throws Exception {
        java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
        ModuleOutput out = new ModuleOutput(sink, faults);
        for (int i = 0; i < 50; i++) {
            out.line("+CSQ: 24,0");
            out.line("OK");
        }
        return sink.toByteArray();
    }

    /**
     * After the damage, the reader may still be counting a payload whose length arrived intact
     * while its bytes did not; each command's answer moves it on. A few AT round trips bring it
     * back to a line start (bounded: this is not a retry-until-timeout loop).
     */
    private static void awaitCleanAnswer(AtChannel channel) {
        AtException last = null;
        for (int i = 0; i < 40; i++) {
            try {
                channel.execute(
                        AtCommand.builder("AT").timeout(Duration.ofMillis(300)).build());
                return;
            } catch (AtException e) {
                last = e;
            }
        }
        throw new AssertionError("the channel did not recover", last);
    }
}
