package io.atspec.neoway.tcp.socket;

import io.atspec.neoway.network.GprsDisconnection;
import io.atspec.neoway.network.LinkState;
import io.atspec.neoway.network.NetworkCommands;
import io.atspec.neoway.network.PbReady;
import io.atspec.neoway.network.Xiic;
import io.atspec.neoway.tcp.DataMode;
import io.atspec.neoway.tcp.LinkType;
import io.atspec.neoway.tcp.ReceiveMode;
import io.atspec.neoway.tcp.RecvMode;
import io.atspec.neoway.tcp.SetupResult;
import io.atspec.neoway.tcp.TcpClose;
import io.atspec.neoway.tcp.TcpClosed;
import io.atspec.neoway.tcp.TcpCommands;
import io.atspec.neoway.tcp.TcpRead;
import io.atspec.neoway.tcp.TcpReadResponse;
import io.atspec.neoway.tcp.TcpRecv;
import io.atspec.neoway.tcp.TcpSend;
import io.atspec.neoway.tcp.TcpSendReport;
import io.atspec.neoway.tcp.TcpSetup;
import io.atspec.neoway.tcp.TcpSetupReport;
import io.atspec.neoway.tcp.TcpUrc;
import io.atspec.neoway.tcp.UdpClose;
import io.atspec.neoway.tcp.UdpRead;
import io.atspec.neoway.tcp.UdpReadResponse;
import io.atspec.neoway.tcp.UdpRecv;
import io.atspec.neoway.tcp.UdpSend;
import io.atspec.neoway.tcp.UdpSendReport;
import io.atspec.neoway.tcp.UdpSetup;
import io.atspec.neoway.tcp.UdpSetupReport;
import io.atspec.neoway.tcp.socket.LinkFailures.Operation;
import io.atspec.runtime.AtChannel;
import io.atspec.runtime.AtCommand;
import io.atspec.runtime.AtException;
import io.atspec.runtime.Urc;
import io.atspec.runtime.UrcDecoder;
import io.atspec.runtime.UrcListener;
import io.atspec.runtime.bind.WireParseException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one place that talks to the generated TCP and network facades: each socket operation as
 * the module's commands, the outcome checked, failures as {@code java.net} exceptions
 * ({@link LinkFailures}), and the module's reports as {@link LinkEvent}s.
 */
final class LinkCommands {

    /** AT+TCPSEND / AT+UDPSEND in buffer mode, ASCII: 1..4096 bytes per command. */
    static final int MAX_SEND = 4096;
    /** AT+TCPREAD: at most 2048 bytes per read. */
    static final int MAX_TCP_READ = 2048;
    /** AT+UDPREAD: at most 1024 bytes (one datagram, cut) per read. */
    static final int MAX_UDP_READ = 1024;

    /**
     * AT+TCPREAD's 300 ms is the module's; on a busy channel a read also waits behind sends
     * (each up to 4096 bytes on the wire), so a read gets longer.
     */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final AtChannel channel;
    private final TcpCommands tcp;
    private final NetworkCommands net;

    LinkCommands(AtChannel channel) {
        this.channel = channel;
        this.tcp = new TcpCommands(channel);
        this.net = new NetworkCommands(channel);
    }

    /**
     * ATE0, as drivers send first: with echo on, the module echoes every payload after the
     * {@code >} prompt, and a report that comes between the prompt and that echo leaves the echo
     * to be read as the module's own lines (a payload holding {@code CR LF OK CR LF} would end
     * the command).
     */
    void echoOff() throws IOException {
        run(Operation.SETTINGS, "turn echo off", () -> channel.execute(AtCommand.of("ATE0")));
    }

    /** AT+RECVMODE=<mode>,0 (ASCII): 1 pushes received data, 0 keeps it for reads. */
    void receiveMode(ReceiveMode mode) throws IOException {
        run(Operation.SETTINGS, "set receive mode " + mode, () -> tcp.recvMode(RecvMode.set(mode, DataMode.ASCII)));
    }

    /** {@code AT+XIIC?} state 1, else {@code AT+XIIC=1} and wait until it is. */
    void ensureDataLink(Duration timeout) throws IOException {
        run(Operation.CONNECT, "bring the data link up", () -> {
            if (!net.xiicQuery().stateIs(LinkState.UP)) {
                net.xiic(Xiic.activate(), timeout);
            }
            return null;
        });
    }

    /** AT+TCPSETUP / AT+UDPSETUP, then its outcome report: returns once the link is up. */
    void connect(LinkType type, int link, String host, int port, Duration timeout) throws IOException {
        String what = "connect " + type.code() + " link " + link + " to " + host + ":" + port;
        String report = run(
                Operation.CONNECT,
                what,
                () -> type == LinkType.TCP ? tcpSetUp(link, host, port, timeout) : udpSetUp(link, host, port, timeout));
        if (report != null) {
            throw LinkFailures.connectFailed(what, report);
        }
    }

    /**
     * Null when connected, else the report that says it failed. The wait matches the link
     * number, and FAIL fails it (TcpSetupFailedException, mapped by LinkFailures); the report is
     * checked once more so that no other outcome passes for a connection.
     */
    private String tcpSetUp(int link, String host, int port, Duration timeout) {
        TcpSetupReport r =
                tcp.tcpSetup(TcpSetup.set(link, host, port), timeout).terminal().orElseThrow();
        return r.n() == link && r.result().is(SetupResult.OK)
                ? null
                : "+TCPSETUP: " + r.n() + "," + r.result().code();
    }

    private String udpSetUp(int link, String host, int port, Duration timeout) {
        UdpSetupReport r =
                tcp.udpSetup(UdpSetup.set(link, host, port), timeout).terminal().orElseThrow();
        return r.n() == link && r.result().is(SetupResult.OK)
                ? null
                : "+UDPSETUP: " + r.n() + "," + r.result().code();
    }

    /** One AT+TCPSEND / AT+UDPSEND of 1..{@value #MAX_SEND} bytes, waited for until its sent report. */
    void send(LinkType type, int link, byte[] data) throws IOException {
        String what = "send " + data.length + " bytes on " + type.code() + " link " + link;
        // The wait for the sent report matches the link: sends on other links go on meanwhile.
        int sent = run(
                Operation.SEND,
                what,
                () -> type == LinkType.TCP
                        ? tcp.tcpSend(TcpSend.buffer(data, link))
                                .terminal()
                                .map(TcpSendReport::length)
                                .orElse(-1)
                        : tcp.udpSend(UdpSend.buffer(data, link))
                                .terminal()
                                .map(UdpSendReport::length)
                                .orElse(-1));
        if (sent != data.length) {
            throw new IOException(what + ": the module reported " + sent + " bytes sent");
        }
    }

    /**
     * AT+TCPREAD (at most {@value #MAX_TCP_READ}) or AT+UDPREAD (one datagram, at most
     * {@value #MAX_UDP_READ}): what waits in the module, empty when nothing does.
     */
    byte[] read(LinkType type, int link, int max) throws IOException {
        String what = "read " + type.code() + " link " + link;
        // The answer counts its data (+TCPREAD: <n>,<len>,<data>, or +TCPREAD: <n>,0 when empty).
        return run(
                Operation.READ,
                what,
                () -> type == LinkType.TCP
                        ? tcp.tcpRead(TcpRead.set(link, max), READ_TIMEOUT) instanceof TcpReadResponse.Data d
                                ? d.data()
                                : new byte[0]
                        : tcp.udpRead(UdpRead.set(link, max), READ_TIMEOUT) instanceof UdpReadResponse.Data d
                                ? d.data()
                                : new byte[0]);
    }

    /** AT+TCPCLOSE / AT+UDPCLOSE. */
    void close(LinkType type, int link) throws IOException {
        run(
                Operation.CLOSE,
                "close " + type.code() + " link " + link,
                () -> type == LinkType.TCP ? tcp.tcpClose(TcpClose.set(link)) : tcp.udpClose(UdpClose.set(link)));
    }

    /**
     * Delivers the module's link reports to {@code sink} until closed: data and close reports on
     * the channel's dispatcher thread, in order; the reports that end every link ({@code GPRS
     * DISCONNECTION}, {@code +PBREADY}) on its reader thread, as they are read, so that a command
     * failing after one of them (ERROR from AT+TCPREAD) finds its link already broken. One
     * listener per channel: these decoders replace earlier ones for the same lines.
     */
    AutoCloseable listen(Consumer<LinkEvent> sink) {
        for (String prefix : GprsDisconnection.SPELLINGS) {
            channel.registerDecoder(prefix, allGone(sink, "GPRS DISCONNECTION: the data link dropped"));
        }
        for (String prefix : PbReady.SPELLINGS) {
            channel.registerDecoder(prefix, allGone(sink, "+PBREADY: the module restarted"));
        }
        for (String prefix : TcpClosed.SPELLINGS) {
            channel.registerDecoder(prefix + ":", closeReported(sink));
        }
        UrcListener listener = new UrcListener() {
            @Override
            public void onUrc(Urc urc) {
                event(urc).ifPresent(sink);
            }

            @Override
            public void onUrcsDropped(long count) {
                sink.accept(new LinkEvent.ReportsLost(count));
            }
        };
        channel.addListener(listener);
        return () -> channel.removeListener(listener);
    }

    /**
     * A plain line decoder that tells {@code sink} at once of a server's close; the report also
     * goes on to the listeners, which end the link in order after its data.
     */
    private static UrcDecoder closeReported(Consumer<LinkEvent> sink) {
        return (prefix, in) -> {
            Urc urc = Urc.of(prefix, prefix + in.readLine());
            if (TcpClosed.matches(urc.line())) {
                try {
                    sink.accept(new LinkEvent.CloseReported(TcpClosed.parse(urc).n()));
                } catch (WireParseException otherShape) {
                    // +TCPCLOSE: 0,OK answers AT+TCPCLOSE: no close of the server's
                }
            }
            return urc;
        };
    }

    /** A plain line decoder that also tells {@code sink} at once (it must not block). */
    private static UrcDecoder allGone(Consumer<LinkEvent> sink, String why) {
        return (prefix, in) -> {
            Urc urc = Urc.of(prefix, prefix + in.readLine());
            sink.accept(new LinkEvent.AllGone(why));
            return urc;
        };
    }

    /** The data and close reports (the all-gone ones are decoded on the reader thread). */
    static Optional<LinkEvent> event(Urc urc) {
        Optional<TcpUrc> typed;
        try {
            typed = TcpUrc.parse(urc);
        } catch (WireParseException notOurs) {
            return Optional.empty();
        }
        return typed.flatMap(LinkCommands::event);
    }

    private static Optional<LinkEvent> event(TcpUrc urc) {
        if (urc instanceof TcpRecv.Pushed r) {
            return Optional.of(new LinkEvent.Received(r.n(), r.data()));
        }
        if (urc instanceof TcpRecv.Notice r) {
            return Optional.of(new LinkEvent.Waiting(r.n()));
        }
        if (urc instanceof UdpRecv.Pushed r) {
            return Optional.of(new LinkEvent.Received(r.n(), r.data()));
        }
        if (urc instanceof UdpRecv.Notice r) {
            return Optional.of(new LinkEvent.Waiting(r.n()));
        }
        if (urc instanceof TcpClosed c) {
            return Optional.of(new LinkEvent.ClosedByServer(c.n()));
        }
        return Optional.empty();
    }

    private static <T> T run(Operation op, String what, Supplier<T> call) throws IOException {
        try {
            return call.get();
        } catch (AtException e) {
            throw LinkFailures.of(op, what, e);
        }
    }
}
