package io.atspec.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.runtime.testing.ScriptedModem;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reboot indications that the chapters using a channel add at run time, beside the config's. */
class RebootIndicationTest {

    private ScriptedModem modem;
    private AtChannel channel;
    private final UrcRecorder urcs = new UrcRecorder();

    private void open(AtChannelConfig config) {
        modem = ScriptedModem.inMemory(23).chunks(1, 6);
        channel = AtChannel.open(modem.host(), config);
        channel.addListener(urcs);
        modem.when("AT+SETUP", r -> r.reboot("+PBREADY"));
        modem.when("AT+START", r -> r.reboot("+BOOTED"));
        modem.when("AT+NOTE", r -> r.urc("+PBREADY").ok());
    }

    @AfterEach
    void tearDown() {
        channel.close();
        modem.close();
    }

    private static AtCommand cmd(String line) {
        return AtCommand.builder(line).timeout(Duration.ofMinutes(1)).build();
    }

    @Test
    void withoutAnIndicationTheLineIsAnOrdinaryUrc() throws Exception {
        open(AtChannelConfig.DEFAULTS);
        assertThat(channel.execute(cmd("AT+NOTE")).finalResult()).isEqualTo(FinalResult.OK);
        assertThat(urcs.next().line()).isEqualTo("+PBREADY");
        assertThat(channel.stats().reboots()).isZero();
    }

    @Test
    void anAddedIndicationFailsThePendingCommand() throws Exception {
        open(AtChannelConfig.DEFAULTS);
        channel.addRebootIndication("+PBREADY");
        assertThatThrownBy(() -> channel.execute(cmd("AT+SETUP")))
                .isInstanceOf(ModuleRebootedException.class)
                .hasMessageContaining("AT+SETUP")
                .hasMessageContaining("+PBREADY");
        assertThat(urcs.next().line()).isEqualTo("+PBREADY"); // still delivered
        assertThat(channel.stats().reboots()).isEqualTo(1);
    }

    @Test
    void addedIndicationsMergeWithTheConfiguredOnes() {
        open(AtChannelConfig.defaults().withRebootIndicators("+BOOTED"));
        channel.addRebootIndication("+PBREADY");
        assertThatThrownBy(() -> channel.execute(cmd("AT+START")))
                .isInstanceOf(ModuleRebootedException.class)
                .hasMessageContaining("+BOOTED");
        assertThatThrownBy(() -> channel.execute(cmd("AT+SETUP")))
                .isInstanceOf(ModuleRebootedException.class)
                .hasMessageContaining("+PBREADY");
        assertThat(channel.stats().reboots()).isEqualTo(2);
    }

    @Test
    void addingTwiceOrFromAnotherThreadIsHarmless() throws Exception {
        open(AtChannelConfig.DEFAULTS);
        Thread other = new Thread(() -> channel.addRebootIndication("+PBREADY"));
        other.start();
        other.join();
        channel.addRebootIndication("+PBREADY");
        assertThatThrownBy(() -> channel.execute(cmd("AT+SETUP"))).isInstanceOf(ModuleRebootedException.class);
        assertThat(channel.stats().reboots()).isEqualTo(1);
    }

    @Test
    void anEmptyIndicationIsRefused() {
        open(AtChannelConfig.DEFAULTS);
        assertThatThrownBy(() -> channel.addRebootIndication(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a reboot indication needs a non-empty line prefix");
    }
}
