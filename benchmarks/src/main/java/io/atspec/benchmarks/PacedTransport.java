package io.atspec.benchmarks;

import io.atspec.runtime.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.locks.LockSupport;

/**
 * The host's side of a UART at a given rate: what the host writes leaves no faster than
 * {@code bytesPerSecond} (the simulator's {@code FaultProfile} paces only the module's side).
 * A virtual link clock, as the simulator's pacing: a write is due {@code n / rate} after the
 * previous one ended, and a lag of up to 20 ms (a UART's transmit buffer carrying on while the
 * writer is descheduled) is made up rather than lost.
 */
final class PacedTransport implements Transport {

    private static final long MAX_CATCH_UP_NANOS = 20_000_000;

    private final Transport inner;
    private final OutputStream paced;

    PacedTransport(Transport inner, long bytesPerSecond) throws IOException {
        this.inner = inner;
        OutputStream out = inner.output();
        this.paced = new OutputStream() {
            private long due = System.nanoTime();

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) throws IOException {
                // One piece per millisecond of link time at most, each written when its last byte would have.
                int piece = (int) Math.max(1, bytesPerSecond / 1000);
                for (int at = off; at < off + len; at += piece) {
                    int n = Math.min(piece, off + len - at);
                    long now = System.nanoTime();
                    due = Math.max(due, now - MAX_CATCH_UP_NANOS) + n * 1_000_000_000L / bytesPerSecond;
                    while (System.nanoTime() < due) {
                        LockSupport.parkNanos(due - System.nanoTime());
                    }
                    out.write(b, at, n);
                }
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        };
    }

    @Override
    public InputStream input() throws IOException {
        return inner.input();
    }

    @Override
    public OutputStream output() {
        return paced;
    }

    @Override
    public String describe() {
        return inner.describe() + " (host side paced)";
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
