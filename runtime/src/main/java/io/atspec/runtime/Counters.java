package io.atspec.runtime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Mutable counters behind {@link ChannelStats}. Each has a single writer (the reader thread), so
 * {@link #inc} and {@link #add} avoid atomic read-modify-write on the hot path; readers on other
 * threads see values at most a moment old.
 */
final class Counters {
    static long inc(AtomicLong c) {
        long v = c.get() + 1;
        c.lazySet(v);
        return v;
    }

    static void add(AtomicLong c, long n) {
        c.lazySet(c.get() + n);
    }

    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong garbageLines = new AtomicLong();
    final AtomicLong overlongLines = new AtomicLong();
    final AtomicLong nulBytes = new AtomicLong();
    final AtomicLong bareLineEnds = new AtomicLong();
    final AtomicLong framingErrors = new AtomicLong();
    final AtomicLong urcsDelivered = new AtomicLong();
    final AtomicLong urcsDropped = new AtomicLong();
    final AtomicLong lateAnswersDropped = new AtomicLong();
    final AtomicLong unexpectedFinals = new AtomicLong();
    final AtomicLong reboots = new AtomicLong();
    final AtomicLong listenerFailures = new AtomicLong();

    ChannelStats snapshot() {
        return new ChannelStats(
                bytesRead.get(),
                garbageLines.get(),
                overlongLines.get(),
                nulBytes.get(),
                bareLineEnds.get(),
                framingErrors.get(),
                urcsDelivered.get(),
                urcsDropped.get(),
                lateAnswersDropped.get(),
                unexpectedFinals.get(),
                reboots.get(),
                listenerFailures.get());
    }
}
