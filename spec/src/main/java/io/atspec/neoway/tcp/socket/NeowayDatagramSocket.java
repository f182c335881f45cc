package io.atspec.neoway.tcp.socket;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketException;
import java.util.Objects;

/**
 * A UDP link of the module to one remote address (AT+UDPSETUP), used like a connected
 * {@link java.net.DatagramSocket}: {@link #send(byte[])} one datagram per AT+UDPSEND,
 * {@link #receive()} one datagram per {@code +UDPRECV} report (or, in receive mode 0, per
 * AT+UDPREAD, which returns at most 1024 bytes of a datagram). Receiving waits at most
 * {@link #setSoTimeout(int)} milliseconds; after {@code GPRS DISCONNECTION} or a module restart
 * both throw at once.
 */
public final class NeowayDatagramSocket implements Closeable {

    /** The largest datagram one AT+UDPSEND takes (the manual recommends at most 1472). */
    public static final int MAX_DATAGRAM = LinkCommands.MAX_SEND;

    private final NeowaySockets owner;
    private final LinkInbox link;
    private final String remote;
    private volatile int soTimeout;
    private volatile boolean closed;

    NeowayDatagramSocket(NeowaySockets owner, LinkInbox link, String host, int port) {
        this.owner = owner;
        this.link = link;
        this.remote = host + ":" + port;
    }

    /**
     * Sends {@code datagram} to the remote address; returns once the module reports it sent.
     *
     * @param datagram 1..{@value #MAX_DATAGRAM} bytes
     * @throws IOException the datagram is too long or empty, the socket is closed, or the module failed
     */
    public void send(byte[] datagram) throws IOException {
        Objects.requireNonNull(datagram, "datagram");
        if (datagram.length < 1 || datagram.length > MAX_DATAGRAM) {
            throw new IOException(
                    "a datagram through the module has 1.." + MAX_DATAGRAM + " bytes, this one " + datagram.length);
        }
        link.checkWritable();
        try {
            owner.commands().send(link.type(), link.number(), datagram.clone());
        } catch (IOException e) {
            link.checkWritable(); // a broken or closed link says why
            throw e;
        }
    }

    /**
     * The next datagram from the remote address.
     *
     * @return its bytes
     * @throws java.net.SocketTimeoutException none came within the timeout
     * @throws IOException the socket is closed, or every link is gone
     */
    public byte[] receive() throws IOException {
        while (true) {
            LinkInbox.Next next = link.next(soTimeout);
            if (next instanceof LinkInbox.Next.Data d) {
                return d.bytes();
            }
            if (next instanceof LinkInbox.Next.ReadModule) {
                byte[] got = readModule();
                if (got.length > 0) {
                    link.waitingInModule(); // another datagram may wait
                    return got;
                }
            } else {
                throw new SocketException(link.name() + " has ended");
            }
        }
    }

    private byte[] readModule() throws IOException {
        try {
            return owner.commands().read(link.type(), link.number(), LinkCommands.MAX_UDP_READ);
        } catch (IOException e) {
            link.throwIfBroken(); // a broken or closed link says why
            throw e;
        }
    }

    /**
     * How long {@link #receive()} waits, like {@link java.net.DatagramSocket#setSoTimeout(int)}.
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
     * The receive timeout.
     *
     * @return milliseconds; 0 means none
     */
    public int getSoTimeout() {
        return soTimeout;
    }

    /**
     * The module's link number.
     *
     * @return 0..5
     */
    public int link() {
        return link.number();
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return closed;
    }

    /** Closes the link (AT+UDPCLOSE) and frees its number. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        owner.closeLink(link);
    }

    @Override
    public String toString() {
        return "NeowayDatagramSocket[link " + link.number() + " to " + remote + (closed ? ", closed" : "") + "]";
    }
}
