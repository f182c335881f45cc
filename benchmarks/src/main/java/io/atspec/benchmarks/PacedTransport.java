package io.atspec.benchmarks;

import io.atspec.runtime.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.locks.LockSupport;

/**
 * The host's side of a UART at a given rate: what the host writes leaves no faster than
 * {@code bytesPerSecond} (the simulator's {@code FaultProfile} paces only the module's side).
 * A write is one burst on the line: it starts when the previous one has left the line (or now, if
 * the line is idle: idle time is never made up), and its pieces are due one after the other at
 * the link rate from that start, so a late wake-up of the writing thread inside a write does not
 * slow the line down (the UART's transmit buffer carries on), while the host's pauses between
 * writes (waiting for a prompt, an OK, a report) cost what they cost on a real line.
 */
final class PacedTransport implements Transport {

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
                due = Math.max(due, System.nanoTime());
                for (int at = off; at < off + len; at += piece) {
                    int n = Math.min(piece, off + len - at);
                    due += n * 1_000_000_000L / bytesPerSecond;
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
