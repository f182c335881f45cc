package io.atspec.sim;

import io.atspec.neoway.tcp.LinkType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One of the module's client links (AT+TCPSETUP or AT+UDPSETUP), over a real socket. Its own
 * thread sets it up, reports the outcome, then receives until the link ends; the command loop
 * sends on it and closes it. What it receives goes to the host as {@link SocketLinks#settings()}
 * says: pushed at once, or kept in its {@link ReceiveBuffer}.
 */
abstract class SocketLink {

    private static final System.Logger LOG = System.getLogger(SocketLink.class.getName());

    /** Where a link is in its life (AT+IPSTATUS shows it). */
    enum State {
        CONNECTING,
        CONNECTED,
        /** The server closed it, or set-up failed; data may still wait in its buffer. */
        ENDED
    }

    private final int n;
    private final SocketLinks links;
    private final SocketReports reports;
    private final ReceiveBuffer buffer;
    private final AtomicLong sent = new AtomicLong();
    private volatile State state = State.CONNECTING;
    /** How many holds are on (a send, a prompt): data received meanwhile waits in {@link #heldBack}. Guarded by this. */
    private int holds;

    private final List<byte[]> heldBack = new ArrayList<>();
    /** Set by {@link #close()}: the host (or the network) ended the link, nothing more is reported. */
    private volatile boolean closedByHost;

    SocketLink(int n, SocketLinks links, SocketReports reports, ReceiveBuffer buffer) {
        this.n = n;
        this.links = links;
        this.reports = reports;
        this.buffer = buffer;
    }

    int n() {
        return n;
    }

    State state() {
        return state;
    }

    SocketLinks links() {
        return links;
    }

    ReceiveBuffer buffer() {
        return buffer;
    }

    /** Bytes written to the server so far (AT+TCPACK). */
    long sent() {
        return sent.get();
    }

    abstract LinkType type();

    /** Opens the socket to {@code address}; fails as the platform does (refused, timeout). */
    abstract void open(InetSocketAddress address) throws IOException;

    /** Receives on the calling thread until the link ends; returns normally when the server closed it. */
    abstract void receiveUntilEnd(int chunkSize) throws IOException;

    /** Writes on the open socket. */
    /**
     * Held by a send's write and by the close at the server's end of stream: a server that reads
     * the last bytes and closes at once must not make the module close the socket under that
     * write, which would answer ERROR for data the server has.
     */
    private final Object writing = new Object();

    abstract void write(byte[] data) throws IOException;

    abstract void closeSocket();

    /**
     * Sets the link up on a thread of its own (which inherits the module's boot generation, so a
     * reboot silences it): {@code +TCPSETUP: <n>,OK}, then everything received, then the
     * server's close; or {@code +TCPSETUP: <n>,FAIL}. The host's close ends it silently.
     */
    void start(String host, int port, HostMap hosts, int chunkSize) {
        Thread t = new Thread(
                () -> run(host, port, hosts, chunkSize), "sim-" + type().code().toLowerCase() + "-" + n);
        t.setDaemon(true);
        t.start();
    }

    private void run(String host, int port, HostMap hosts, int chunkSize) {
        try {
            try {
                open(hosts.resolve(host, port));
            } catch (IOException failed) {
                LOG.log(
                        System.Logger.Level.DEBUG,
                        () -> type() + " link " + n + " to " + host + ":" + port + ": " + failed);
                state = State.ENDED;
                links.forget(this);
                if (!closedByHost) {
                    reports.setUp(type(), n, false);
                }
                return;
            }
            if (closedByHost) {
                closeSocket();
                return;
            }
            state = State.CONNECTED;
            reports.setUp(type(), n, true);
            try {
                receiveUntilEnd(chunkSize);
            } catch (IOException ended) {
                LOG.log(System.Logger.Level.DEBUG, () -> type() + " link " + n + " ended: " + ended);
            }
            state = State.ENDED;
            synchronized (writing) {
                closeSocket(); // not under a send in flight: its bytes may be the server's last
            }
            if (!closedByHost) {
                links.endedByServer(this);
                if (type() == LinkType.TCP) {
                    reports.closedByServer(n);
                }
            }
        } catch (UncheckedIOException | ModuleOutput.Rebooted hostGone) {
            // Nobody left to tell.
            closeSocket();
        }
    }

    /**
     * Data from the server, as the receive settings say: pushed, or kept with a notice. During a
     * send on this link it waits until the send's answer is written (see {@link #send}).
     */
    void received(byte[] data) {
        synchronized (this) {
            if (holds > 0) {
                heldBack.add(data);
                return;
            }
            deliver(data);
        }
    }

    /** Called holding this link's monitor, so reports keep the order the data came in. */
    private void deliver(byte[] data) {
        if (closedByHost) {
            return;
        }
        ReceiveSettings settings = links.settings();
        if (settings.pushed()) {
            reports.pushed(type(), n, settings.encode(data));
        } else {
            buffer.add(data);
            reports.waiting(type(), n);
        }
    }

    /**
     * AT+TCPSEND / AT+UDPSEND: the data goes out on the socket, then {@code answered} writes the
     * command's answer (OK and the sent report). What the server answers meanwhile is reported
     * after that answer, as a module that finishes its command first: an echo never overtakes
     * the OK. The receiver is not blocked for it (it holds the data back and goes on reading),
     * so a server that waits for its own writes cannot stall the send.
     */
    void send(byte[] data, Runnable answered) throws IOException {
        hold();
        try {
            synchronized (writing) {
                write(data);
            }
            sent.addAndGet(data.length);
            answered.run();
        } finally {
            release();
        }
    }

    /** From now until {@link #release()}, what arrives is held back (it is still read from the socket). */
    synchronized void hold() {
        holds++;
    }

    /** Ends one {@link #hold()}; after the last, what was held back is reported, in order. */
    synchronized void release() {
        if (--holds == 0) {
            heldBack.forEach(this::deliver);
            heldBack.clear();
        }
    }

    /** AT+TCPCLOSE, a new set-up, PPP loss, reboot: ends the link without a report. */
    void close() {
        closedByHost = true;
        state = State.ENDED;
        closeSocket();
    }
}
