package io.atspec.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * The module's side of the serial link towards the host. Several threads write here (the command
 * loop and HTTP receivers); every call is atomic, so a URC never lands inside a response, and
 * {@link #atomically} groups calls that must stay together. Applies the {@link FaultProfile}
 * (rate, chunking, latency, lost and changed bytes), fires armed {@link OutputTrigger}s, and
 * carries out reboots.
 *
 * <p>Reboots and generations: every writing thread belongs to the generation (boot) it started
 * in. The command loop joins the current generation at each command line ({@link #join()});
 * threads it starts (HTTP receivers, HTTPGET) inherit it. After a reboot, writes of an older
 * generation are dropped: the rest of a pending command and the rest of an old transfer vanish,
 * as on a module that restarted.
 */
final class ModuleOutput {

    private static final byte[] CRLF = {'\r', '\n'};
    /** A lag behind the link's schedule longer than this means the link was idle, not that we overslept. */
    private static final long IDLE_NANOS = 20_000_000;

    static final String PBREADY = "+PBREADY";

    /** Thrown to the command loop when the command it serves was cut off by a reboot. */
    static final class Rebooted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rebooted() {
            super("the module rebooted during the command", null, false, false);
        }
    }

    private final class Armed {
        final byte[] prefix;
        int remaining;
        final Runnable action;

        Armed(OutputTrigger trigger, Runnable action) {
            this.prefix = trigger.prefix().getBytes(StandardCharsets.UTF_8);
            this.remaining = trigger.occurrence();
            this.action = action;
        }
    }

    private final OutputStream out;
    private volatile FaultProfile faults;
    private Random random;
    /** System.nanoTime() at which the link has sent everything written so far. */
    private long linkFreeAt = System.nanoTime();

    private volatile int generation;
    private final InheritableThreadLocal<Integer> joined = new InheritableThreadLocal<>();
    private final List<Armed> armed = new ArrayList<>();
    private Runnable dropState = () -> {};
    private long reboots;

    ModuleOutput(OutputStream out, FaultProfile faults) {
        this.out = out;
        faults(faults);
    }

    synchronized void faults(FaultProfile profile) {
        this.faults = Objects.requireNonNull(profile, "faults");
        this.random = new Random(profile.seed());
    }

    FaultProfile faults() {
        return faults;
    }

    /** What a reboot does to the module's state (PPP down, links closed, settings back to boot). */
    synchronized void onReboot(Runnable dropState) {
        this.dropState = Objects.requireNonNull(dropState, "dropState");
    }

    /** The calling thread (the command loop, at each new command) belongs to the current boot. */
    void join() {
        joined.set(generation);
    }

    /** Whether the calling thread's command or transfer was cut off by a reboot. */
    boolean stale() {
        Integer mine = joined.get();
        return mine != null && mine != generation;
    }

    /** Fails the calling command if a reboot cut it off; what it would read or write is not wanted any more. */
    void checkNotRebooted() {
        if (stale()) {
            throw new Rebooted();
        }
    }

    synchronized long reboots() {
        return reboots;
    }

    /** {@code CR LF text CR LF}: how a module frames every response line and URC. */
    synchronized void line(String text) {
        raw(framed(text));
    }

    /** Bytes as they are (echo, prompt, payloads). */
    synchronized void raw(byte[] bytes) {
        if (stale()) {
            return;
        }
        fireTriggers(bytes);
        if (stale()) {
            // A reboot fired right before this message: it is never sent.
            return;
        }
        send(bytes, true);
    }

    synchronized void raw(String text) {
        raw(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs {@code writes} with no other writer in between (e.g. a raw +HTTPRECV block). */
    synchronized void atomically(Runnable writes) {
        writes.run();
    }

    /** Writes {@code CR LF line CR LF} now, between two messages; never damaged by the fault profile. */
    synchronized void inject(String line) {
        send(framed(line), false);
    }

    /** Arms a one-shot URC just before the message {@code when} names. */
    synchronized void injectBefore(OutputTrigger when, String line) {
        armed.add(new Armed(when, () -> inject(line)));
    }

    /** Arms a one-shot reboot just before the message {@code when} names (that message is never sent). */
    synchronized void rebootBefore(OutputTrigger when) {
        armed.add(new Armed(when, this::reboot));
    }

    /**
     * An unexpected reboot: the module forgets its state, every command and transfer in progress
     * stops writing, and {@code CR LF +PBREADY CR LF} goes out once it is ready again.
     */
    synchronized void reboot() {
        generation++;
        reboots++;
        dropState.run();
        armed.clear();
        inject(PBREADY);
    }

    private void fireTriggers(byte[] bytes) {
        if (armed.isEmpty()) {
            return;
        }
        int start = 0;
        while (start < bytes.length && (bytes[start] == '\r' || bytes[start] == '\n')) {
            start++;
        }
        for (Iterator<Armed> it = List.copyOf(armed).iterator(); it.hasNext(); ) {
            Armed a = it.next();
            if (armed.contains(a) && startsWith(bytes, start, a.prefix) && --a.remaining == 0) {
                armed.remove(a);
                a.action.run();
            }
        }
    }

    private static boolean startsWith(byte[] bytes, int from, byte[] prefix) {
        if (bytes.length - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] framed(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] framed = new byte[body.length + 4];
        System.arraycopy(CRLF, 0, framed, 0, 2);
        System.arraycopy(body, 0, framed, 2, body.length);
        System.arraycopy(CRLF, 0, framed, body.length + 2, 2);
        return framed;
    }

    private void send(byte[] bytes, boolean damage) {
        FaultProfile f = faults;
        if (!f.latency().isZero()) {
            LockSupport.parkNanos(f.latency().toNanos());
        }
        byte[] wire = damage && f.damagesBytes() ? damaged(bytes, f) : bytes;
        try {
            int chunk = f.maxWriteChunk() == 0 ? Math.max(wire.length, 1) : f.maxWriteChunk();
            if (f.bytesPerSecond() > 0) {
                // At most 1 ms of link time per piece, so the host sees bytes when a UART would deliver them.
                chunk = (int) Math.min(chunk, Math.max(1, f.bytesPerSecond() / 1000));
            }
            for (int off = 0; off < wire.length; off += chunk) {
                int n = Math.min(chunk, wire.length - off);
                pace(n, f.bytesPerSecond());
                out.write(wire, off, n);
                out.flush();
            }
            if (wire.length == 0) {
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the host side of the simulated module is gone", e);
        }
    }

    private byte[] damaged(byte[] bytes, FaultProfile f) {
        byte[] wire = new byte[bytes.length];
        int n = 0;
        for (byte b : bytes) {
            if (f.dropRate() > 0 && random.nextDouble() < f.dropRate()) {
                continue;
            }
            if (f.corruptRate() > 0 && random.nextDouble() < f.corruptRate()) {
                b = (byte) random.nextInt(256);
            }
            wire[n++] = b;
        }
        return n == wire.length ? wire : java.util.Arrays.copyOf(wire, n);
    }

    /**
     * Waits until {@code bytes} more have crossed the link. The schedule is kept on a virtual
     * clock, so oversleeping one piece is made up by the next: the long-run rate is exact, and
     * the host never receives a byte more than {@link #IDLE_NANOS} of link time early.
     */
    private void pace(int bytes, long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - linkFreeAt > IDLE_NANOS) {
            // The link was idle. A smaller lag is this thread waking up late (parkNanos oversleeps):
            // the bytes were due, so it is made up by sending the next ones sooner.
            linkFreeAt = now;
        }
        linkFreeAt += bytes * 1_000_000_000L / bytesPerSecond;
        long wait;
        while ((wait = linkFreeAt - System.nanoTime()) > 0) {
            // Pacing the link is the point of the fault profile; the simulator may wait, tests do not.
            LockSupport.parkNanos(wait);
        }
    }
}
