package io.atspec.cli;

import io.atspec.neoway.tcp.ReceiveMode;
import io.atspec.neoway.tcp.socket.NeowaySocket;
import io.atspec.neoway.tcp.socket.NeowaySockets;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "tcp",
        mixinStandardHelpOptions = true,
        description = {
            "A netcat-like pipe through the module: stdin to a TCP server, the server's bytes to stdout.",
            "",
            "The spec's NeowaySocket does the work: AT+CPIN? and AT+CREG? first, ATE0, AT+RECVMODE, the"
                    + " data link check (AT+XIIC?, AT+XIIC=1 if down), AT+TCPSETUP and its +TCPSETUP: <n>,OK;"
                    + " then AT+TCPSEND per 4096 bytes of stdin, each waited for by its +TCPSEND report, and"
                    + " the +TCPRECV data (or AT+TCPREAD in receive mode 0) to stdout, byte for byte.",
            "",
            "Ends when the server closes the link, or when stdin has ended and the server has sent"
                    + " nothing for --linger seconds; then AT+TCPCLOSE. Progress and failures go to stderr."
                    + " Exit status 1 if the module or the link fails (refused, timed out, unknown host, data"
                    + " link lost)."
        })
final class TcpCommand implements Callable<Integer> {

    @ParentCommand
    AtspecCommand root;

    @Mixin
    ModemOptions modem;

    @Parameters(
            index = "0",
            paramLabel = "<host>",
            description = "The server: an IPv4 address or a name the module resolves.")
    String host;

    @Parameters(index = "1", paramLabel = "<port>", description = "The server's TCP port, 1..65535.")
    int port;

    @Option(
            names = "--recv-mode",
            paramLabel = "0|1",
            defaultValue = "1",
            description = "AT+RECVMODE: 1 the module pushes data (+TCPRECV: <n>,<length>,<data>), 0 it keeps"
                    + " the data and the tool reads it with AT+TCPREAD (default: ${DEFAULT-VALUE}).")
    int recvMode;

    @Option(
            names = "--linger",
            paramLabel = "<seconds>",
            defaultValue = "2",
            description = "After stdin ends, how long the server may stay silent before the link is closed"
                    + " (default: ${DEFAULT-VALUE}).")
    double lingerSeconds;

    @Override
    public Integer call() {
        Io io = root.io;
        if (port < 1 || port > 65535) {
            throw new CliException("<port> must be 1..65535, was " + port, 2, null);
        }
        if (recvMode != 0 && recvMode != 1) {
            throw new CliException("--recv-mode must be 0 or 1, was " + recvMode, 2, null);
        }
        if (!(lingerSeconds >= 0)) {
            throw new CliException("--linger must be 0 or more seconds", 2, null);
        }
        Duration linger = Duration.ofMillis(Math.round(lingerSeconds * 1000));
        try (ModemSession session = ModemSession.open(modem)) {
            session.checkModule(io.err());
            NeowaySockets sockets = NeowaySockets.open(
                            session.channel, recvMode == 0 ? ReceiveMode.BUFFER : ReceiveMode.DIRECT)
                    .attachTimeout(modem.completionTimeout());
            try (NeowaySocket socket = sockets.connect(host, port, modem.completionTimeout())) {
                io.err()
                        .println("connected to " + host + ":" + port + " on link "
                                + socket.link().getAsInt() + " (receive mode " + recvMode + ")");
                io.out().flush();
                SocketPipe.Counts counts = new SocketPipe(socket, linger).run(io.in(), io.rawOut());
                io.err()
                        .println("sent " + counts.sent() + " bytes, received " + counts.received() + " bytes; "
                                + (counts.end() == SocketPipe.End.SERVER_CLOSED
                                        ? "the server closed the link"
                                        : "stdin ended"));
            }
        } catch (IOException e) {
            // The java.net exception's message names the link, the server and what the module said.
            throw new CliException(e.getMessage() == null ? Errors.oneLine(e) : Errors.firstLine(e.getMessage()), e);
        }
        return 0;
    }
}
