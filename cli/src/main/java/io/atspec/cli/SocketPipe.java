package io.atspec.cli;

import io.atspec.neoway.tcp.socket.NeowaySocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * netcat's job over a {@link NeowaySocket}: {@code in} to the server on a thread of its own, the
 * server's bytes to {@code out} on the caller's. Ends when the server closes the link, or, once
 * {@code in} has ended, when nothing has come for the linger time.
 */
final class SocketPipe {

    /** How the pipe ended. */
    enum End {
        /** The server closed the link. */
        SERVER_CLOSED,
        /** The input ended and the server sent nothing more within the linger time. */
        INPUT_ENDED
    }

    /** What went each way. */
    record Counts(long sent, long received, End end) {}

    /** How long a write in progress when the server closes may take to end (AT+TCPSEND's own timeout). */
    private static final Duration WRITE_GRACE = Duration.ofSeconds(30);

    private final NeowaySocket socket;
    private final Duration linger;

    SocketPipe(NeowaySocket socket, Duration linger) {
        this.socket = socket;
        this.linger = linger;
    }

    Counts run(InputStream in, OutputStream out) throws IOException {
        AtomicBoolean inputEnded = new AtomicBoolean();
        ReentrantLock writing = new ReentrantLock();
        AtomicReference<IOException> sendFailure = new AtomicReference<>();
        long[] sent = {0};
        Thread upload = new Thread(
                () -> {
                    byte[] buf = new byte[4096];
                    try {
                        int n;
                        while ((n = in.read(buf)) >= 0) {
                            writing.lock();
                            try {
                                socket.getOutputStream().write(buf, 0, n);
                                synchronized (sent) {
                                    sent[0] += n;
                                }
                            } finally {
                                writing.unlock();
                            }
                        }
                    } catch (IOException e) {
                        sendFailure.set(e);
                    } finally {
                        inputEnded.set(true);
                    }
                },
                "atspec-tcp-stdin");
        // stdin may block forever: the thread must not keep the tool alive.
        upload.setDaemon(true);
        upload.start();

        socket.setSoTimeout((int) Math.max(1, linger.toMillis()));
        InputStream fromServer = socket.getInputStream();
        byte[] buf = new byte[8192];
        long received = 0;
        while (true) {
            int n;
            try {
                n = fromServer.read(buf);
            } catch (SocketTimeoutException idle) {
                if (inputEnded.get()) {
                    IOException failed = sendFailure.get();
                    if (failed != null) {
                        throw failed;
                    }
                    synchronized (sent) {
                        return new Counts(sent[0], received, End.INPUT_ENDED);
                    }
                }
                continue;
            }
            if (n < 0) {
                // A write the server may have taken before it closed: let it report (or fail) first.
                awaitQuietly(writing, WRITE_GRACE);
                synchronized (sent) {
                    return new Counts(sent[0], received, End.SERVER_CLOSED);
                }
            }
            out.write(buf, 0, n);
            out.flush();
            received += n;
        }
    }

    /**
     * Waits (at most {@code limit}) for a write in flight to finish. An interrupt does not cut the
     * wait short: the count it guards would come out low; the interrupt is kept for the caller.
     */
    private static void awaitQuietly(ReentrantLock writing, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (writing.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        writing.unlock();
                    }
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
