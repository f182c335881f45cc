package io.atspec.neoway.tcp.socket;

import io.atspec.neoway.tcp.LinkType;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * A TCP connection through one of the module's links, used like a {@link java.net.Socket}:
 * {@link #connect}, {@link #getInputStream()}, {@link #getOutputStream()}, {@link #close()}.
 *
 * <p>Failures are the {@code java.net} exceptions: a refused or failed connection
 * ({@code +TCPSETUP: <n>,FAIL}, {@code +CME ERROR: 910}) is a {@link java.net.ConnectException};
 * 911 and 915 are {@link java.net.SocketTimeoutException}s; 916-918 (the name could not be
 * resolved) {@link java.net.UnknownHostException}s. When the server closes the link, reading
 * returns what it sent, then -1, and writing throws at once; when the data link drops
 * ({@code GPRS DISCONNECTION}) or the module restarts, the next read or write throws at once.
 * Reads wait at most {@link #setSoTimeout(int)} milliseconds.
 */
public final class NeowaySocket implements Closeable {

    private final NeowaySockets owner;
    private volatile LinkInbox link;
    private volatile boolean closed;
    private volatile int soTimeout;
    private volatile String remote;
    private InputStream in;
    private OutputStream out;

    NeowaySocket(NeowaySockets owner) {
        this.owner = owner;
    }

    /**
     * Connects through a free link (AT+TCPSETUP, then {@code +TCPSETUP: <n>,OK}), bringing the
     * data link up first if it is down.
     *
     * @param host a dotted IPv4 address or a name the module resolves
     * @param port 1..65535
     * @param timeout how long the connection may take
     * @throws java.net.ConnectException the server refused, or the module could not connect
     * @throws java.net.SocketTimeoutException no connection within the timeout
     * @throws java.net.UnknownHostException the module cannot resolve {@code host}
     * @throws SocketException all links are in use, the socket is closed or already connected
     * @throws IOException the module failed otherwise
     */
    public synchronized void connect(String host, int port, Duration timeout) throws IOException {
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        if (link != null) {
            throw new SocketException("already connected");
        }
        LinkInbox opened = owner.open(LinkType.TCP, host, port, timeout);
        remote = host + ":" + port;
        in = new LinkInput(opened, owner.commands(), () -> soTimeout);
        out = new LinkOutput(opened, owner.commands());
        link = opened;
    }

    /**
     * The server's bytes.
     *
     * @return the stream (one per socket)
     * @throws SocketException the socket is not connected, or closed
     */
    public InputStream getInputStream() throws SocketException {
        checkOpen();
        return in;
    }

    /**
     * The bytes to the server.
     *
     * @return the stream (one per socket)
     * @throws SocketException the socket is not connected, or closed
     */
    public OutputStream getOutputStream() throws SocketException {
        checkOpen();
        return out;
    }

    /**
     * How long a read waits for data, like {@link java.net.Socket#setSoTimeout(int)}.
     *
     * @param timeoutMillis milliseconds; 0 waits without a limit
     */
    public void setSoTimeout(int timeoutMillis) {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeout must be >= 0, was " + timeoutMillis);
        }
        this.soTimeout = timeoutMillis;
    }

    /**
     * The read timeout.
     *
     * @return milliseconds; 0 means none
     */
    public int getSoTimeout() {
        return soTimeout;
    }

    /**
     * The module's link number this socket uses.
     *
     * @return 0..5, empty before it is connected
     */
    public OptionalInt link() {
        LinkInbox l = link;
        return l == null ? OptionalInt.empty() : OptionalInt.of(l.number());
    }

    /**
     * Whether {@link #connect} succeeded (it stays true after a close, as for a java.net socket).
     *
     * @return true once connected
     */
    public boolean isConnected() {
        return link != null;
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed;
    }

    /** Closes the link (AT+TCPCLOSE) and frees its number; a blocked read gets "Socket closed". */
    @Override
    public void close() {
        LinkInbox l;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            l = link;
        }
        if (l != null) {
            owner.closeLink(l);
        }
    }

    private void checkOpen() throws SocketException {
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        if (link == null) {
            throw new SocketException("Socket is not connected");
        }
    }

    @Override
    public String toString() {
        LinkInbox l = link;
        return "NeowaySocket[" + (l == null ? "unconnected" : "link " + l.number() + " to " + remote)
                + (closed ? ", closed" : "") + "]";
    }
}
