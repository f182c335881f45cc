package io.atspec.runtime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A channel to a {@link ManualModem}, opened for each test, its URCs recorded. */
abstract class ManualChannelTest {
    final UrcRecorder urcs = new UrcRecorder();
    ManualModem modem;
    AtChannel ch;

    @BeforeEach
    void open() {
        modem = new ManualModem();
        ch = AtChannel.open(modem.host(), AtChannelConfig.defaults());
        ch.addListener(urcs);
    }

    @AfterEach
    void close() {
        ch.close();
        modem.close();
    }
}
