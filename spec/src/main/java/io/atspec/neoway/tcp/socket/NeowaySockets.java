package io.atspec.neoway.tcp.socket;

import io.atspec.neoway.tcp.LinkType;
import io.atspec.neoway.tcp.ReceiveMode;
import io.atspec.runtime.AtChannel;
import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * TCP and UDP sockets over a Neoway module, one per link (0..5): the entry point for one
 * channel. It owns the module's link numbers and one listener that routes the module's reports
 * ({@code +TCPRECV}, {@code +UDPRECV}, {@code +TCPCLOSE: <n>,Link Closed}, {@code GPRS
 * DISCONNECTION}, {@code +PBREADY}) to the socket on that link.
 *
 * <pre>{@code
 * NeowaySockets sockets = NeowaySockets.open(channel);              // receive mode 1: data pushed
 * try (NeowaySocket s = sockets.connect("example.com", 7, Duration.ofSeconds(30))) {
 *     s.getOutputStream().write(request);                            // AT+TCPSEND per 4096 bytes
 *     s.setSoTimeout(5000);
 *     int n = s.getInputStream().read(buffer);                       // +TCPRECV data
 * }
 * }</pre>
 *
 * <p>The receive mode (AT+RECVMODE) is the module's, for all links: {@link ReceiveMode#DIRECT}
 * (the default) pushes data as it arrives; {@link ReceiveMode#BUFFER} keeps it in the module,
 * which only says that data waits, and a socket reads it with AT+TCPREAD / AT+UDPREAD when its
 * reader wants it. The data link (AT+XIIC) is brought up before a connect if it is down. Use
 * one {@code NeowaySockets} per channel.
 */
public final class NeowaySockets implements AutoCloseable {

    /** The module's link numbers: 0..5. */
    public static final int LINKS = 6;

    /** The most bytes a link holds for its reader before the stream counts as broken (4 MiB). */
    static final long MAX_HELD = 4L << 20;

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private final LinkCommands commands;
    private final ReceiveMode mode;
    private final LinkInbox[] links = new LinkInbox[LINKS];
    private final AutoCloseable listening;
    private volatile Duration attachTimeout = Duration.ofSeconds(60);

    private NeowaySockets(LinkCommands commands, ReceiveMode mode) {
        this.commands = commands;
        this.mode = mode;
        this.listening = commands.listen(this::route);
    }

    /**
     * Sockets on {@code channel}, the module in receive mode 1 (data pushed).
     *
     * @param channel the channel to the module
     * @return the sockets
     * @throws IOException the module refused AT+RECVMODE
     */
    public static NeowaySockets open(AtChannel channel) throws IOException {
        return open(channel, ReceiveMode.DIRECT);
    }

    /**
     * Sockets on {@code channel}, with the module's receive mode set to {@code mode}
     * (AT+RECVMODE, which also clears what the module holds). Turns the module's echo off
     * (ATE0): an echoed payload cannot always be told from the module's lines.
     *
     * @param channel the channel to the module
     * @param mode pushed ({@link ReceiveMode#DIRECT}) or kept in the module ({@link ReceiveMode#BUFFER})
     * @return the sockets
     * @throws IOException the module refused AT+RECVMODE
     */
    public static NeowaySockets open(AtChannel channel, ReceiveMode mode) throws IOException {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(mode, "mode");
        LinkCommands commands = new LinkCommands(channel);
        commands.echoOff();
        commands.receiveMode(mode);
        return new NeowaySockets(commands, mode);
    }

    /**
     * How long {@code AT+XIIC=1} may take to bring the data link up (default 60 s).
     *
     * @param timeout the longest wait
     * @return these sockets
     */
    public NeowaySockets attachTimeout(Duration timeout) {
        this.attachTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * The module's receive mode, as set by {@link #open(AtChannel, ReceiveMode)}.
     *
     * @return the mode
     */
    public ReceiveMode receiveMode() {
        return mode;
    }

    /**
     * An unconnected TCP socket: {@link NeowaySocket#connect(String, int, Duration)} takes a link.
     *
     * @return the socket
     */
    public NeowaySocket socket() {
        return new NeowaySocket(this);
    }

    /**
     * A TCP socket connected to {@code host:port}, waiting up to 60 s for the connection.
     *
     * @param host a dotted IPv4 address or a name the module resolves
     * @param port 1..65535
     * @return the connected socket
     * @throws IOException as {@link NeowaySocket#connect(String, int, Duration)}
     */
    public NeowaySocket connect(String host, int port) throws IOException {
        return connect(host, port, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * A TCP socket connected to {@code host:port}.
     *
     * @param host a dotted IPv4 address or a name the module resolves
     * @param port 1..65535
     * @param timeout how long the connection may take
     * @return the connected socket
     * @throws IOException as {@link NeowaySocket#connect(String, int, Duration)}
     */
    public NeowaySocket connect(String host, int port, Duration timeout) throws IOException {
        NeowaySocket socket = socket();
        socket.connect(host, port, timeout);
        return socket;
    }

    /**
     * A UDP link to {@code host:port} (AT+UDPSETUP): datagrams go to and come from there.
     *
     * @param host a dotted IPv4 address or a name the module resolves
     * @param port 1..65535
     * @return the datagram socket
     * @throws java.net.ConnectException the module could not set the link up
     * @throws java.net.UnknownHostException the module cannot resolve {@code host}
     * @throws IOException all links are in use, or the module failed
     */
    public NeowayDatagramSocket datagram(String host, int port) throws IOException {
        LinkInbox link = open(LinkType.UDP, host, port, DEFAULT_CONNECT_TIMEOUT);
        return new NeowayDatagramSocket(this, link, host, port);
    }

    /**
     * Closes every open link (AT+TCPCLOSE / AT+UDPCLOSE) and stops listening; the channel stays open.
     */
    @Override
    public void close() {
        for (LinkInbox l : openLinks()) {
            closeLink(l);
        }
        try {
            listening.close();
        } catch (Exception ignored) {
            // removing a listener does not fail
        }
    }

    /** Takes a free link number, sets the link up, and returns its inbox (routed to from the start). */
    LinkInbox open(LinkType type, String host, int port, Duration timeout) throws IOException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port + " (1..65535)");
        }
        commands.ensureDataLink(attachTimeout);
        LinkInbox link = take(type);
        try {
            commands.connect(type, link.number(), host, port, timeout);
            return link;
        } catch (IOException | RuntimeException e) {
            release(link);
            throw e;
        }
    }

    LinkCommands commands() {
        return commands;
    }

    /** Receive mode 0: the reader asks the module for what it holds. */
    boolean readsFromModule() {
        return mode == ReceiveMode.BUFFER;
    }

    /** Closes the link in the module (unless every link is gone already) and frees its number. */
    void closeLink(LinkInbox link) {
        boolean open = link.mayBeOpenInModule();
        link.closedByHost();
        try {
            if (open) {
                commands.close(link.type(), link.number());
            }
        } catch (IOException alreadyGone) {
            // The module no longer has the link (closed by the server, or the data link dropped).
        } finally {
            release(link);
        }
    }

    private LinkInbox take(LinkType type) throws SocketException {
        synchronized (links) {
            for (int n = 0; n < LINKS; n++) {
                if (links[n] == null) {
                    links[n] = new LinkInbox(n, type, MAX_HELD);
                    return links[n];
                }
            }
        }
        throw new SocketException("all " + LINKS + " links of the module are in use");
    }

    private void release(LinkInbox link) {
        synchronized (links) {
            if (links[link.number()] == link) {
                links[link.number()] = null;
            }
        }
    }

    private List<LinkInbox> openLinks() {
        List<LinkInbox> open = new ArrayList<>();
        synchronized (links) {
            for (LinkInbox l : links) {
                if (l != null) {
                    open.add(l);
                }
            }
        }
        return open;
    }

    private LinkInbox at(int n) {
        synchronized (links) {
            return n >= 0 && n < LINKS ? links[n] : null;
        }
    }

    /** On the dispatcher thread: never blocks. */
    private void route(LinkEvent event) {
        if (event instanceof LinkEvent.Received r) {
            LinkInbox l = at(r.link());
            if (l != null) {
                l.received(r.data());
            }
        } else if (event instanceof LinkEvent.Waiting w) {
            LinkInbox l = at(w.link());
            if (l != null) {
                l.waitingInModule();
            }
        } else if (event instanceof LinkEvent.ClosedByServer c) {
            LinkInbox l = at(c.link());
            if (l != null) {
                l.endedByServer(readsFromModule());
            }
        } else if (event instanceof LinkEvent.CloseReported c) {
            LinkInbox l = at(c.link());
            if (l != null) {
                l.closeReported();
            }
        } else if (event instanceof LinkEvent.AllGone g) {
            failAll(g.why());
        } else if (event instanceof LinkEvent.ReportsLost lost) {
            failAll(lost.count() + " reports from the module were dropped on the host: received data is lost");
        }
    }

    private void failAll(String why) {
        for (LinkInbox l : openLinks()) {
            l.fail(new SocketException(l.name() + ": " + why));
        }
    }
}
