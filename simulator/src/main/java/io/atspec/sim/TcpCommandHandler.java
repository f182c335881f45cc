package io.atspec.sim;

import io.atspec.neoway.tcp.DataMode;
import io.atspec.neoway.tcp.IpStatus;
import io.atspec.neoway.tcp.KeepAliveMode;
import io.atspec.neoway.tcp.LinkType;
import io.atspec.neoway.tcp.RecvMode;
import io.atspec.neoway.tcp.TcpAck;
import io.atspec.neoway.tcp.TcpClose;
import io.atspec.neoway.tcp.TcpError;
import io.atspec.neoway.tcp.TcpKeepAlive;
import io.atspec.neoway.tcp.TcpRead;
import io.atspec.neoway.tcp.TcpRequests;
import io.atspec.neoway.tcp.TcpSend;
import io.atspec.neoway.tcp.TcpSetup;
import io.atspec.neoway.tcp.UdpClose;
import io.atspec.neoway.tcp.UdpRead;
import io.atspec.neoway.tcp.UdpSend;
import io.atspec.neoway.tcp.UdpSetup;
import io.atspec.runtime.bind.AtRequest;
import io.atspec.runtime.bind.CommandLine;
import io.atspec.runtime.bind.Fields;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The TCP/UDP client commands (chapter tcp), decoded with the generated {@link TcpRequests} and
 * performed over real sockets by {@link SocketCommands}. A line that names one of them but does
 * not parse gets the refusal the facts give for that command ({@code +TCPSETUP: ERROR},
 * {@code +TCPSEND: DATA LENGTH ERROR}, plain ERROR for AT+IPSTATUS=6, ...).
 */
final class TcpCommandHandler implements CommandHandler {

    private static final CommandNames NAMES = CommandNames.of(
            TcpSetup.NAME,
            TcpSetup.ALIASES,
            TcpSend.NAME,
            TcpSend.ALIASES,
            RecvMode.NAME,
            RecvMode.ALIASES,
            TcpRead.NAME,
            TcpRead.ALIASES,
            TcpClose.NAME,
            TcpClose.ALIASES,
            IpStatus.NAME,
            IpStatus.ALIASES,
            TcpAck.NAME,
            TcpAck.ALIASES,
            TcpKeepAlive.NAME,
            TcpKeepAlive.ALIASES,
            UdpSetup.NAME,
            UdpSetup.ALIASES,
            UdpSend.NAME,
            UdpSend.ALIASES,
            UdpRead.NAME,
            UdpRead.ALIASES,
            UdpClose.NAME,
            UdpClose.ALIASES);

    /** AT+UDPREAD=<n> without a length reads at most this (its range's top). */
    private static final int UDP_READ_MAX = 1024;

    private final SocketCommands sockets;

    TcpCommandHandler(SocketReports reports) {
        this.sockets = new SocketCommands(reports);
    }

    @Override
    public boolean handle(String line, CommandContext c) throws IOException {
        if (!NAMES.names(line)) {
            return false;
        }
        // A send with a prompt: no report of any link between the prompt and the payload's echo.
        List<SocketLink> held =
                TcpRequests.promptLength(line).isPresent() ? c.state().sockets().holdAll() : List.of();
        try {
            Optional<AtRequest> parsed = parse(line, c);
            if (parsed.isPresent()) {
                perform(parsed.get(), c);
            }
        } finally {
            held.forEach(SocketLink::release);
        }
        return true;
    }

    /** The request, after its prompt and payload if it has one; empty when the line has been answered. */
    private Optional<AtRequest> parse(String line, CommandContext c) throws IOException {
        OptionalInt promptLength = TcpRequests.promptLength(line);
        byte[] payload = null;
        if (promptLength.isPresent()) {
            int length = promptLength.getAsInt();
            Optional<Outgoing> probe = TcpRequests.parse(line, new byte[length]).flatMap(Outgoing::of);
            if (probe.isEmpty()) {
                refuse(line, c);
                return Optional.empty();
            }
            if (sockets.refusedBeforePrompt(probe.get().type(), probe.get().n(), c)) {
                return Optional.empty();
            }
            c.reply().prompt();
            payload = c.payload().read(length);
            if (c.state().echo()) {
                c.reply().output().raw(payload);
            }
        }
        Optional<AtRequest> parsed = TcpRequests.parse(line, payload);
        if (parsed.isEmpty()) {
            refuse(line, c);
        }
        return parsed;
    }

    private void perform(AtRequest request, CommandContext c) {
        Optional<Outgoing> send = Outgoing.of(request);
        if (send.isPresent()) {
            sockets.send(send.get(), c);
        } else if (request instanceof TcpSetup.SetForm setup) {
            sockets.setUp(LinkType.TCP, setup.n(), setup.ip(), setup.port(), c);
        } else if (request instanceof UdpSetup.SetForm setup) {
            sockets.setUp(LinkType.UDP, setup.n(), setup.ip(), setup.port(), c);
        } else if (request instanceof TcpRead.SetForm read) {
            sockets.read(LinkType.TCP, read.n(), read.length(), c);
        } else if (request instanceof UdpRead.SetForm read) {
            sockets.read(LinkType.UDP, read.n(), read.length().orElse(UDP_READ_MAX), c);
        } else if (request instanceof TcpClose.SetForm close) {
            sockets.close(LinkType.TCP, close.n(), c);
        } else if (request instanceof UdpClose.SetForm close) {
            sockets.close(LinkType.UDP, close.n(), c);
        } else if (request instanceof IpStatus.SetForm status) {
            sockets.status(status.n(), c);
        } else if (request instanceof TcpAck.SetForm ack) {
            sockets.acknowledged(ack.n(), c);
        } else if (request instanceof RecvMode.SetForm mode) {
            c.state()
                    .sockets()
                    .settings(new ReceiveSettings(mode.n(), mode.mode().orElse(DataMode.ASCII)));
            c.reply().ok();
        } else if (request instanceof RecvMode.Query) {
            ReceiveSettings now = c.state().sockets().settings();
            c.reply()
                    .info("+RECVMODE: " + now.mode().code() + ","
                            + now.dataMode().code());
            c.reply().ok();
        } else if (request instanceof RecvMode.Test) {
            c.reply().info("+RECVMODE: (0-1),(0-1)");
            c.reply().ok();
        } else if (request instanceof TcpKeepAlive.SetForm keep) {
            KeepAlive boot = KeepAlive.atBoot();
            c.state()
                    .sockets()
                    .keepAlive(new KeepAlive(
                            keep.mode() == KeepAliveMode.ON,
                            keep.time().orElse(boot.time()),
                            keep.interval().orElse(boot.interval()),
                            keep.keepcount().orElse(boot.count())));
            c.reply().ok();
        } else if (request instanceof TcpKeepAlive.Test) {
            c.reply().info("+TCPKEEPALIVE: (0-1),(30-7200),(1-1800),(1-15)");
            c.reply().ok();
        } else {
            SocketCommands.cme(c, TcpError.OTHER);
        }
    }

    /** The facts' answer to a line of this chapter that does not parse. */
    private static void refuse(String line, CommandContext c) {
        Replies reply = c.reply();
        if (names(line, TcpSetup.NAME)) {
            reply.finalLine("+TCPSETUP: ERROR");
        } else if (names(line, UdpSetup.NAME)) {
            reply.finalLine("+UDPSETUP: ERROR");
        } else if (names(line, TcpSend.NAME)) {
            reply.finalLine(lengthOutOfRange(line, TcpSend.NAME) ? "+TCPSEND: DATA LENGTH ERROR" : "+TCPSEND: ERROR");
        } else if (names(line, UdpSend.NAME)) {
            if (lengthOutOfRange(line, UdpSend.NAME)) {
                reply.finalLine("+UDPSEND: DATA LENGTH ERROR");
            } else {
                reply.error();
            }
        } else if (names(line, TcpClose.NAME)) {
            reply.finalLine("+TCPCLOSE: ERROR");
        } else if (names(line, UdpClose.NAME)) {
            reply.finalLine("+UDPCLOSE: ERROR");
        } else if (names(line, UdpRead.NAME)) {
            reply.finalLine("+UDPREAD: ERROR");
        } else if (names(line, IpStatus.NAME) || names(line, TcpAck.NAME)) {
            reply.error();
        } else {
            SocketCommands.cme(c, TcpError.ILLEGAL_INPUT);
        }
    }

    private static boolean names(String line, String name) {
        return CommandLine.parse(line, name).isPresent();
    }

    /**
     * Whether a send line's {@code <length>} (its second field) is a number that does not fit its
     * form: outside 1..4096 in buffer mode (two fields); outside 1..512, or not the byte count of
     * the inline content, in command mode.
     */
    private static boolean lengthOutOfRange(String line, String name) {
        Optional<CommandLine> parsed = CommandLine.parse(line, name);
        if (parsed.isEmpty() || parsed.get().kind() != CommandLine.Kind.SET) {
            return false;
        }
        Fields fields = parsed.get().arguments();
        if (fields.size() < 2) {
            return false;
        }
        long length;
        try {
            length = Long.parseLong(fields.text(1, "length").strip());
        } catch (RuntimeException notANumber) {
            return false;
        }
        if (fields.size() == 2) {
            return length < 1 || length > Outgoing.MAX_BUFFERED;
        }
        boolean hex = fields.size() == 4 && fields.text(3, "mode").strip().equals("1");
        return length < 1
                || length > Outgoing.MAX_INLINE
                || length != Outgoing.inlineLength(fields.text(2, "content"), hex);
    }
}
