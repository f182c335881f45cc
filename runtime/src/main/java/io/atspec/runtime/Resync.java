package io.atspec.runtime;

import java.util.concurrent.ScheduledFuture;

/**
 * The link after a command timed out: the module may still answer it, so no line may be taken as
 * the next command's until the boundary is known. The boundary is the timed-out command's final
 * result, or, once the late-answer window has passed without it, the answer to a probe ({@code AT})
 * that can be told apart from stale lines: with echo on, the probe's echo marks it. What cannot be
 * told apart (echo off and one final result, which may be either's) is {@link Verdict#AMBIGUOUS}:
 * the channel then fails closed instead of handing over data. Guarded by the channel's lock.
 */
final class Resync {
    static final String PROBE = "AT";
    /**
     * How many probes may go out when one is not answered in time (its answer damaged on the
     * line, say). Each has its own echo, so a late answer to an earlier probe is never taken for
     * the current one's: {@code AT}, {@code at}, {@code AT }, {@code at } (V.250 accepts lower case
     * and ignores spaces; the echo keeps them).
     */
    static final int MAX_PROBES = 4;

    enum Verdict {
        /** A line of the timed-out command: dropped and counted. */
        LATE,
        /** The timed-out command's final result before any probe: the link is free. */
        LATE_FINAL,
        /** The probe's echo: from here on lines are the probe's or URCs. */
        PROBE_ECHO,
        /** The probe's final result, known to be its own: the link is free. */
        SYNCED,
        /** A final result that may be the timed-out command's or the probe's. */
        AMBIGUOUS,
        /** Not an answer to the timed-out command: a URC. */
        OTHER
    }

    final Exchange stale;
    /** The end of the late-answer window (or the probe's timeout once it is sent). */
    ScheduledFuture<?> task;

    private boolean probing;
    /** Probes sent so far, the current one included. */
    private int probes;

    private boolean probeEchoSeen;
    private boolean staleFinalSeen;

    Resync(Exchange stale) {
        this.stale = stale;
    }

    boolean probing() {
        return probing;
    }

    void probeSent() {
        probing = true;
        probes = 1;
    }

    String probeLine() {
        return probeLine(probes - 1);
    }

    private static String probeLine(int k) {
        return (k % 2 == 0 ? PROBE : "at") + " ".repeat(k / 2);
    }

    private boolean isEarlierProbe(String line) {
        for (int k = 0; k < probes - 1; k++) {
            if (line.equals(probeLine(k))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The probe got no answer in time: may another one go out? Only with echo on (else its answer
     * could not be told apart either), at most {@link #MAX_PROBES} in all. Everything before the
     * new probe's echo (earlier probes' late answers included) is then stale.
     */
    boolean reprobe() {
        if (probes >= MAX_PROBES || !stale.echoSeen) {
            return false;
        }
        probes++;
        probeEchoSeen = false;
        staleFinalSeen = false;
        return true;
    }

    Verdict classify(String line) {
        AtCommand s = stale.command;
        String probe = probeLine();
        if (probing && !probeEchoSeen && line.equals(probe) && (!s.line().equals(probe) || stale.echoSeen)) {
            probeEchoSeen = true;
            return Verdict.PROBE_ECHO;
        }
        if (!probeEchoSeen && isEarlierProbe(line)) {
            return Verdict.LATE; // an earlier probe's echo, late
        }
        if (s.finalFor(line) != null || FinalResult.parseStandard(line) != null) {
            if (!probing) {
                return Verdict.LATE_FINAL;
            }
            if (probeEchoSeen || staleFinalSeen) {
                return Verdict.SYNCED; // a sequential module answers the probe after the stale command
            }
            if (stale.echoSeen) {
                // Echo is on and the probe's echo has not come yet: this is the stale final.
                staleFinalSeen = true;
                return Verdict.LATE;
            }
            return Verdict.AMBIGUOUS;
        }
        if (!probeEchoSeen && (s.claims(line) || line.equals(s.line()))) {
            if (line.equals(s.line())) {
                stale.echoSeen = true; // a late echo: echo is on, so the probe's will mark the boundary
            }
            return Verdict.LATE;
        }
        return Verdict.OTHER;
    }
}
