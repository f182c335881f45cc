package io.atspec.cli;

import io.atspec.neoway.tcp.socket.NeowayDatagramSocket;
import io.atspec.neoway.tcp.socket.NeowaySocket;
import io.atspec.neoway.tcp.socket.NeowaySockets;
import io.atspec.runtime.AtChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * The demo's socket steps: 64 KiB through a {@link NeowaySocket} to the loopback echo and back,
 * and a datagram through a {@link NeowayDatagramSocket}, each compared by SHA-256. The data
 * holds what would end a line-based reader early: {@code CR LF OK CR LF}, a {@code +TCPRECV: }
 * header and a {@code >} prompt.
 */
final class SocketSteps {

    private static final byte[] TRICKY = "\r\nOK\r\n+TCPRECV: 0,4,>\r\n>".getBytes(StandardCharsets.US_ASCII);
    private static final int TCP_BYTES = 64 * 1024;
    private static final int READ_TIMEOUT_MILLIS = 30_000;

    private final DemoCommand demo;
    private final LoopbackEcho echo;

    SocketSteps(DemoCommand demo, LoopbackEcho echo) {
        this.demo = demo;
        this.echo = echo;
    }

    void run(AtChannel channel) {
        NeowaySockets[] sockets = {null};
        NeowaySocket[] socket = {null};
        String tcp = echo.host() + ":" + echo.tcpPort();
        demo.section("TCP echo through NeowaySocket (" + tcp + ")");
        demo.step("Echo off, receive mode 1 (data pushed)", "ATE0, AT+RECVMODE=1,0", () -> {
            sockets[0] = io(() -> NeowaySockets.open(channel));
            return "= receive mode " + sockets[0].receiveMode();
        });
        if (sockets[0] == null) {
            return;
        }
        demo.step("Connect", "AT+TCPSETUP=<link>," + echo.host() + "," + echo.tcpPort(), () -> {
            socket[0] = io(() -> sockets[0].connect(echo.host(), echo.tcpPort(), Duration.ofSeconds(30)));
            socket[0].setSoTimeout(READ_TIMEOUT_MILLIS);
            return "= connected on link " + socket[0].link().getAsInt() + " (+TCPSETUP: "
                    + socket[0].link().getAsInt() + ",OK)";
        });
        if (socket[0] != null) {
            byte[] data = data(TCP_BYTES, 64);
            demo.step(
                    "Send " + data.length + " bytes and read the echo",
                    "AT+TCPSEND=" + socket[0].link().getAsInt() + ",4096 x " + (data.length / 4096)
                            + ", each after its '>' and waited for by +TCPSEND",
                    () -> {
                        byte[] back = io(() -> echoed(socket[0], data));
                        String sent = HttpCommand.sha256(data);
                        String got = HttpCommand.sha256(back);
                        DemoCommand.check(got.equals(sent), "sha-256 of the echo " + got + " differs from " + sent);
                        return "= " + back.length + " bytes back through +TCPRECV, sha-256 " + got.substring(0, 16)
                                + "... matches what was sent";
                    });
            demo.step("Close", "AT+TCPCLOSE=" + socket[0].link().getAsInt(), () -> {
                socket[0].close();
                return "= " + socket[0];
            });
        }

        String udp = echo.host() + ":" + echo.udpPort();
        demo.section("UDP datagram through NeowayDatagramSocket (" + udp + ")");
        demo.step("Set up, send a datagram, receive its echo", "AT+UDPSETUP, AT+UDPSEND, +UDPRECV", () -> {
            byte[] datagram = data(1200, 12);
            byte[] back = io(() -> {
                try (NeowayDatagramSocket d = sockets[0].datagram(echo.host(), echo.udpPort())) {
                    d.setSoTimeout(READ_TIMEOUT_MILLIS);
                    d.send(datagram);
                    return d.receive();
                }
            });
            String sent = HttpCommand.sha256(datagram);
            String got = HttpCommand.sha256(back);
            DemoCommand.check(got.equals(sent), "sha-256 of the echoed datagram " + got + " differs from " + sent);
            return "= a datagram of " + back.length + " bytes back, sha-256 " + got.substring(0, 16)
                    + "... matches what was sent";
        });
    }

    /** Writes on a thread of its own while this one reads, as a socket's user would. */
    private static byte[] echoed(NeowaySocket socket, byte[] data) throws IOException {
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try {
                socket.getOutputStream().write(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        InputStream in = socket.getInputStream();
        byte[] back = in.readNBytes(data.length);
        writing.join();
        return back;
    }

    /** Random bytes with {@link #TRICKY} every 4000 bytes. */
    private static byte[] data(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        for (int at = 0; at + TRICKY.length <= size; at += 4000) {
            System.arraycopy(TRICKY, 0, data, at, TRICKY.length);
        }
        return data;
    }

    private interface IoStep<T> {
        T run() throws IOException;
    }

    private static <T> T io(IoStep<T> step) {
        try {
            return step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
