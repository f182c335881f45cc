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
    }

    Verdict classify(String line) {
        AtCommand s = stale.command;
        if (probing && !probeEchoSeen && line.equals(PROBE) && (!s.line().equals(PROBE) || stale.echoSeen)) {
            probeEchoSeen = true;
            return Verdict.PROBE_ECHO;
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
