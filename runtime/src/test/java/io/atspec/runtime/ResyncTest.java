package io.atspec.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.runtime.Resync.Verdict;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which line after a timeout is whose: the decisions alone, no threads. */
class ResyncTest {

    private static Resync after(String line, boolean echoSeen) {
        Exchange stale = new Exchange(
                AtCommand.builder(line).expect("+CSQ:").build(), null, StandardCharsets.UTF_8, new KnownSecrets());
        stale.echoSeen = echoSeen;
        return new Resync(stale);
    }

    @Test
    void beforeTheProbeLateLinesAreDroppedAndTheLateFinalFreesTheLink() {
        Resync r = after("AT+CSQ", false);
        assertThat(r.classify("+CSQ: 1,0")).isEqualTo(Verdict.LATE);
        assertThat(r.classify("+CREG: 1")).isEqualTo(Verdict.OTHER);
        assertThat(r.classify("OK")).isEqualTo(Verdict.LATE_FINAL);
    }

    @Test
    void withEchoOnTheProbesEchoMarksTheBoundary() {
        Resync r = after("AT+CSQ", true);
        r.probeSent();
        assertThat(r.classify("ERROR")).isEqualTo(Verdict.LATE); // before the probe's echo: the stale one's
        assertThat(r.classify("AT")).isEqualTo(Verdict.PROBE_ECHO);
        assertThat(r.classify("+CSQ: 9,9")).isEqualTo(Verdict.OTHER); // after it: not the stale command's
        assertThat(r.classify("OK")).isEqualTo(Verdict.SYNCED);
    }

    @Test
    void aLateEchoShowsThatEchoIsOn() {
        Resync r = after("AT+CSQ", false);
        r.probeSent();
        assertThat(r.classify("AT+CSQ")).isEqualTo(Verdict.LATE);
        assertThat(r.classify("OK")).isEqualTo(Verdict.LATE);
        assertThat(r.classify("OK")).isEqualTo(Verdict.SYNCED); // the stale final was seen: this one is the probe's
    }

    @Test
    void withEchoOffOneFinalIsAmbiguous() {
        Resync r = after("AT+CSQ", false);
        r.probeSent();
        assertThat(r.classify("OK")).isEqualTo(Verdict.AMBIGUOUS);
    }

    @Test
    void aStaleAtCannotBeToldFromTheProbeUnlessItsEchoWasSeen() {
        Resync unseen = after("AT", false);
        unseen.probeSent();
        assertThat(unseen.classify("AT")).isEqualTo(Verdict.LATE);
        Resync seen = after("AT", true);
        seen.probeSent();
        assertThat(seen.classify("AT")).isEqualTo(Verdict.PROBE_ECHO);
    }

    @Test
    void eachProbeIsToldApartFromTheEarlierOnesAndOnlyWithEchoOn() {
        Resync r = after("AT+CSQ", true);
        r.probeSent();
        assertThat(r.classify("AT")).isEqualTo(Verdict.PROBE_ECHO); // its OK was lost on the line
        assertThat(r.reprobe()).isTrue();
        assertThat(r.probeLine()).isEqualTo("at");
        assertThat(r.classify("AT")).isEqualTo(Verdict.LATE); // the first probe's, late
        assertThat(r.classify("OK")).isEqualTo(Verdict.LATE);
        assertThat(r.classify("at")).isEqualTo(Verdict.PROBE_ECHO);
        assertThat(r.classify("OK")).isEqualTo(Verdict.SYNCED);
        assertThat(r.reprobe()).isTrue();
        assertThat(r.probeLine()).isEqualTo("AT "); // spaces are ignored by the module, kept by its echo
        assertThat(r.reprobe()).isTrue();
        assertThat(r.probeLine()).isEqualTo("at ");
        assertThat(r.reprobe()).isFalse();
        Resync noEcho = after("AT+CSQ", false);
        noEcho.probeSent();
        assertThat(noEcho.reprobe()).isFalse();
    }
}
