package io.atspec.neoway.tcp.socket;

import io.atspec.neoway.tcp.LinkType;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One link's side of the host: what the module pushed for it and not yet read, whether data
 * waits in the module (receive mode 0), and how the link ended. The channel's dispatcher thread
 * adds (it never blocks here); the socket's reader takes, waiting up to its timeout. A failure
 * (the data link dropped, the module restarted, reports lost) is thrown at once by the next read
 * or write, before any data still held: the stream is broken.
 */
final class LinkInbox {

    /** What a reader gets next. */
    sealed interface Next {
        /** Pushed data: a TCP piece or one datagram. */
        record Data(byte[] bytes) implements Next {}

        /** Data may wait in the module: read it (AT+TCPREAD / AT+UDPREAD) and say what came. */
        record ReadModule() implements Next {}

        /** The server closed the link and everything it sent has been read. */
        record End() implements Next {}
    }

    private final int number;
    private final LinkType type;
    private final long maxHeld;
    private final Deque<byte[]> held = new ArrayDeque<>();
    private long heldBytes;
    private boolean waitingInModule;
    private boolean endedByServer;
    private boolean closeReported;
    private boolean closedByHost;
    private IOException failure;

    LinkInbox(int number, LinkType type, long maxHeld) {
        this.number = number;
        this.type = type;
        this.maxHeld = maxHeld;
    }

    int number() {
        return number;
    }

    LinkType type() {
        return type;
    }

    synchronized void received(byte[] data) {
        if (closedByHost || failure != null) {
            return;
        }
        if (heldBytes + data.length > maxHeld) {
            fail(new SocketException(name() + ": more than " + maxHeld + " received bytes were not read; data lost"));
            return;
        }
        held.addLast(data);
        heldBytes += data.length;
        notifyAll();
    }

    /** Receive mode 0: the module holds data for this link (after a notice, or after a read that got some). */
    synchronized void waitingInModule() {
        waitingInModule = true;
        notifyAll();
    }

    /**
     * {@code +TCPCLOSE: <n>,Link Closed}. In receive mode 0 the module may still hold data, so
     * the reader reads it first.
     */
    synchronized void endedByServer(boolean drainModule) {
        endedByServer = true;
        waitingInModule |= drainModule;
        notifyAll();
    }

    /** The link is broken: every read and write from now on throws (a copy of) {@code why}. */
    synchronized void fail(IOException why) {
        if (failure == null) {
            failure = why;
        }
        held.clear();
        heldBytes = 0;
        notifyAll();
    }

    /** The host closed the socket: readers and writers get "Socket closed". */
    synchronized void closedByHost() {
        closedByHost = true;
        held.clear();
        heldBytes = 0;
        notifyAll();
    }

    /** Whether the module may still hold the link (so AT+TCPCLOSE is worth sending). */
    synchronized boolean mayBeOpenInModule() {
        return failure == null;
    }

    /** The module has reported the server's close (its data may still be on the way here). */
    synchronized void closeReported() {
        closeReported = true;
    }

    /** Whether the server's close was reported or has ended the link. */
    synchronized boolean closedByServer() {
        return closeReported || endedByServer;
    }

    synchronized boolean endedByServer() {
        return endedByServer;
    }

    /**
     * The next thing for the reader, waiting at most {@code timeoutMillis} (0: no limit).
     *
     * @throws SocketTimeoutException nothing came in time; the link is still usable
     * @throws IOException the link is broken or closed
     */
    synchronized Next next(long timeoutMillis) throws IOException {
        long deadline = timeoutMillis == 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            checkUsable();
            if (!held.isEmpty()) {
                byte[] data = held.pollFirst();
                heldBytes -= data.length;
                return new Next.Data(data);
            }
            if (waitingInModule) {
                waitingInModule = false;
                return new Next.ReadModule();
            }
            if (endedByServer) {
                return new Next.End();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException(
                        "Read timed out: nothing came on " + name() + " within " + timeoutMillis + " ms");
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading " + name());
            }
        }
    }

    /** Before a write: the link must be neither closed, nor broken, nor closed by the server. */
    synchronized void checkWritable() throws IOException {
        checkUsable();
        if (endedByServer) {
            throw new SocketException(name() + " was closed by the server");
        }
    }

    /** Throws what broke or closed the link, if anything did. */
    synchronized void throwIfBroken() throws IOException {
        checkUsable();
    }

    /** Bytes pushed and not yet taken. */
    synchronized long held() {
        return heldBytes;
    }

    private void checkUsable() throws IOException {
        if (closedByHost) {
            throw new SocketException("Socket closed");
        }
        if (failure != null) {
            IOException copy = new SocketException(failure.getMessage());
            copy.initCause(failure);
            throw copy;
        }
    }

    String name() {
        return type.code() + " link " + number;
    }
}
