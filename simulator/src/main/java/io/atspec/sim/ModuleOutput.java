package io.atspec.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * The module's side of the serial link towards the host. Several threads write here (the command
 * loop and HTTP receivers); every call is atomic, so a URC never lands inside a response, and
 * {@link #atomically} groups calls that must stay together. Applies the {@link FaultProfile}.
 */
final class ModuleOutput {

    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;
    private final FaultProfile faults;

    ModuleOutput(OutputStream out, FaultProfile faults) {
        this.out = out;
        this.faults = faults;
    }

    /** {@code CR LF text CR LF}: how a module frames every response line and URC. */
    synchronized void line(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] framed = new byte[body.length + 4];
        System.arraycopy(CRLF, 0, framed, 0, 2);
        System.arraycopy(body, 0, framed, 2, body.length);
        System.arraycopy(CRLF, 0, framed, body.length + 2, 2);
        raw(framed);
    }

    /** Bytes as they are (echo, prompt, payloads). */
    synchronized void raw(byte[] bytes) {
        try {
            int chunk = faults.maxWriteChunk() == 0 ? Math.max(bytes.length, 1) : faults.maxWriteChunk();
            for (int off = 0; off < bytes.length; off += chunk) {
                int n = Math.min(chunk, bytes.length - off);
                out.write(bytes, off, n);
                out.flush();
                throttle(n);
            }
            if (bytes.length == 0) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the host side of the simulated module is gone", e);
        }
    }

    synchronized void raw(String text) {
        raw(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs {@code writes} with no other writer in between (e.g. a raw +HTTPRECV block). */
    synchronized void atomically(Runnable writes) {
        writes.run();
    }

    private void throttle(int bytes) {
        if (faults.bytesPerSecond() > 0) {
            // Pacing the link is the point of the fault profile; the simulator may wait, tests do not.
            LockSupport.parkNanos(bytes * 1_000_000_000L / faults.bytesPerSecond());
        }
    }
}
