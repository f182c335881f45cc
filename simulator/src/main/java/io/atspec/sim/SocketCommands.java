package io.atspec.sim;

import io.atspec.neoway.tcp.LinkType;
import io.atspec.neoway.tcp.TcpError;
import java.io.IOException;
import java.util.Optional;

/**
 * What the TCP/UDP commands do to the {@link SocketLinks}, with the answers the facts give,
 * byte for byte: business lines such as {@code +TCPSETUP: ERROR} instead of OK where a module
 * sends them. {@link TcpCommandHandler} maps the generated request records onto these.
 */
final class SocketCommands {

    /** The spec's bound on a report's {@code <length>} (+TCPRECV, +UDPRECV). */
    static final int MAX_REPORT = 4096;
    /** AT+IPSTATUS's free send buffer of a TCP link: the module sends at once, so all of it. */
    static final int SEND_BUFFER = 4096;

    private final SocketReports reports;

    SocketCommands(SocketReports reports) {
        this.reports = reports;
    }

    /**
     * AT+TCPSETUP / AT+UDPSETUP: {@code <type>SETUP: ERROR} without the data link,
     * {@code <type>SETUP: <n>,ERROR1} for a link number in use, else OK, and the link sets itself
     * up and reports.
     */
    void setUp(LinkType type, int n, String host, int port, CommandContext c) {
        ModuleState s = c.state();
        SocketLinks links = s.sockets();
        if (!s.pppUp()) {
            c.reply().finalLine(SocketReports.name(type, "SETUP") + "ERROR");
            return;
        }
        SocketLink link = type == LinkType.TCP
                ? new TcpClientLink(n, links, reports, links.keepAlive())
                : new UdpLink(n, links, reports);
        if (!links.reserve(link)) {
            c.reply().finalLine(SocketReports.name(type, "SETUP") + n + ",ERROR1");
            return;
        }
        c.reply().ok();
        int chunk = type == LinkType.TCP ? Math.min(s.config().recvChunkSize(), MAX_REPORT) : MAX_REPORT;
        link.start(host, port, s.config().hosts(), chunk);
    }

    /**
     * Checks a send before the prompt: a link that is not open never gets a {@code >}. Empty when
     * it may go on; else the line that refuses it has been written.
     */
    boolean refusedBeforePrompt(LinkType type, int n, CommandContext c) {
        if (c.state().sockets().connected(n, type).isPresent()) {
            return false;
        }
        c.reply().finalLine(SocketReports.name(type, "SEND") + "SOCKET ID OPEN FAILED");
        return true;
    }

    /** AT+TCPSEND / AT+UDPSEND with its data: OK, then {@code +TCPSEND: <n>,<length>} once sent. */
    void send(Outgoing send, CommandContext c) {
        String name = SocketReports.name(send.type(), "SEND");
        if (send.data().length == 0) {
            c.reply().finalLine(name + "DATA LENGTH ERROR");
            return;
        }
        Optional<SocketLink> link = c.state().sockets().connected(send.n(), send.type());
        if (link.isEmpty()) {
            c.reply().finalLine(name + "SOCKET ID OPEN FAILED");
            return;
        }
        ModuleOutput out = c.reply().output();
        try {
            // OK and the sent report together, before anything the server answers.
            link.get()
                    .send(
                            send.data(),
                            () -> out.atomically(() -> {
                                out.line("OK");
                                reports.sent(send.type(), send.n(), send.data().length);
                            }));
        } catch (IOException failed) {
            c.reply().finalLine(name + "ERROR");
        }
    }

    /**
     * AT+TCPREAD / AT+UDPREAD: {@code +TCPREAD: <n>,<len>,<data>} (or {@code <n>,0} when nothing
     * waits) and OK, written together. {@code length} bounds what is written, HEX digits included.
     */
    void read(LinkType type, int n, int length, CommandContext c) {
        SocketLinks links = c.state().sockets();
        Optional<SocketLink> held = links.get(n).filter(l -> l.type() == type);
        if (held.isEmpty()) {
            if (type == LinkType.UDP) {
                c.reply().finalLine("+UDPREAD: SOCKET ID OPEN FAILED");
            } else {
                cme(c, TcpError.SOCKET_NOT_FOUND);
            }
            return;
        }
        SocketLink link = held.get();
        ReceiveSettings settings = links.settings();
        byte[] data = settings.encode(link.buffer().take(settings.dataBytesFor(length)));
        String header = SocketReports.name(type, "READ") + n + "," + data.length;
        ModuleOutput out = c.reply().output();
        out.atomically(() -> {
            if (data.length == 0) {
                out.line(header);
            } else {
                out.raw(SocketReports.countedLine(header + ",", data));
            }
            out.line("OK");
        });
        if (link.state() == SocketLink.State.ENDED) {
            links.endedByServer(link); // the last of a closed link's data is read: its number is free
        }
    }

    /** AT+TCPCLOSE / AT+UDPCLOSE: {@code +TCPCLOSE: <n>,OK} or {@code +TCPCLOSE: ERROR}, no OK. */
    void close(LinkType type, int n, CommandContext c) {
        String name = SocketReports.name(type, "CLOSE");
        c.reply().finalLine(c.state().sockets().close(n, type) ? name + n + ",OK" : name + "ERROR");
    }

    /** AT+IPSTATUS: the link's state, no OK. */
    void status(int n, CommandContext c) {
        Optional<SocketLink> link = c.state().sockets().get(n);
        String state = link.map(l -> switch (l.state()) {
                    case CONNECTING -> "CONNECTING";
                    case CONNECTED -> "CONNECT," + l.type().code() + "," + (l.type() == LinkType.TCP ? SEND_BUFFER : 0);
                    case ENDED -> "DISCONNECT";
                })
                .orElse("DISCONNECT");
        c.reply().finalLine("+IPSTATUS: " + n + "," + state);
    }

    /**
     * AT+TCPACK: the bytes sent and acknowledged, no OK. On loopback everything written is
     * acknowledged at once, so both counters are the bytes sent.
     */
    void acknowledged(int n, CommandContext c) {
        Optional<SocketLink> link = c.state().sockets().get(n);
        if (link.isPresent() && link.get().type() == LinkType.UDP) {
            c.reply().finalLine("+TCPACK: NO TCP LINK");
        } else if (link.isPresent() && link.get().state() == SocketLink.State.CONNECTED) {
            long sent = link.get().sent();
            c.reply()
                    .finalLine("+TCPACK: " + n + "," + Long.toUnsignedString(sent) + "," + Long.toUnsignedString(sent));
        } else {
            c.reply().finalLine("+TCPACK: " + n + ",DISCONNECT");
        }
    }

    static void cme(CommandContext c, TcpError error) {
        c.reply().cme(Integer.parseInt(error.code()), error.description());
    }
}
