package io.atspec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.neoway.tcp.ReceiveMode;
import io.atspec.neoway.tcp.socket.NeowayDatagramSocket;
import io.atspec.neoway.tcp.socket.NeowaySocket;
import io.atspec.neoway.tcp.socket.NeowaySockets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NeowaySocket} and {@link NeowayDatagramSocket} end to end: generated TCP bindings ->
 * AtChannel -> in-memory, TCP or pty link -> simulator -> real loopback servers
 * ({@link TcpPeer}, {@link UdpEcho}); every stream compared by SHA-256.
 */
class NeowaySocketTest {

    /** What ends a line-based reader early: a final result, a report header, a prompt. */
    private static final byte[] TRICKY = "\r\nOK\r\n+TCPRECV: 0,5,>\r\n>".getBytes(StandardCharsets.US_ASCII);

    private static final SimulatorConfig CONFIG = SimulatorConfig.defaults().withPppDelay(Duration.ZERO);
    /** The longest any single step may take before the test counts it as hung. */
    private static final long DEADLINE_SECONDS = 60;

    private SocketModem modem;
    private TcpPeer peer;
    private UdpEcho udp;

    static Stream<Arguments> linksAndModes() {
        List<Arguments> all = new ArrayList<>();
        for (SocketModem.Link link : SocketModem.Link.values()) {
            for (ReceiveMode mode : ReceiveMode.values()) {
                all.add(Arguments.of(link, mode));
            }
        }
        return all.stream();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (modem != null) {
            modem.close();
        }
        if (peer != null) {
            peer.close();
        }
        if (udp != null) {
            udp.close();
        }
    }

    private NeowaySockets sockets(SocketModem.Link link, ReceiveMode mode) throws Exception {
        modem = SocketModem.open(link, CONFIG);
        return NeowaySockets.open(modem.channel(), mode);
    }

    /** {@code size} random bytes with {@link #TRICKY} every 10 000 bytes. */
    static byte[] trickyData(int size, long seed) {
        byte[] data = EndToEndTest.random(size, seed);
        for (int at = 0; at + TRICKY.length <= size; at += 10_000) {
            System.arraycopy(TRICKY, 0, data, at, TRICKY.length);
        }
        return data;
    }

    /** Writes {@code data} on a thread of its own while this one reads the echo back. */
    private static byte[] echo(NeowaySocket socket, byte[] data) throws Exception {
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try {
                socket.getOutputStream().write(data);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] back = readExactly(socket.getInputStream(), data.length);
        writing.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
        return back;
    }

    private static byte[] readExactly(InputStream in, int n) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream(n);
        byte[] buf = new byte[8192];
        while (got.size() < n) {
            int r = in.read(buf, 0, Math.min(buf.length, n - got.size()));
            if (r < 0) {
                throw new AssertionError("the stream ended after " + got.size() + " of " + n + " bytes");
            }
            got.write(buf, 0, r);
        }
        return got.toByteArray();
    }

    @ParameterizedTest(name = "{0}, receive mode {1}")
    @MethodSource("linksAndModes")
    void oneMebibyteEchoesByteExact(SocketModem.Link link, ReceiveMode mode) throws Exception {
        peer = TcpPeer.echo();
        NeowaySockets sockets = sockets(link, mode);
        byte[] data = trickyData(1 << 20, 1 + mode.ordinal());
        try (NeowaySocket socket = sockets.connect("127.0.0.1", peer.port(), Duration.ofSeconds(10))) {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
            assertThat(HttpMessage.sha256(echo(socket, data))).isEqualTo(HttpMessage.sha256(data));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SocketModem.Link.class)
    void sixLinksAtOnceEachGetsItsOwnStream(SocketModem.Link link) throws Exception {
        peer = TcpPeer.echo();
        NeowaySockets sockets = sockets(link, ReceiveMode.DIRECT);
        List<CompletableFuture<String>> echoes = new ArrayList<>();
        // Six callers connect at the same time.
        List<CompletableFuture<NeowaySocket>> connecting = new ArrayList<>();
        for (int i = 0; i < NeowaySockets.LINKS; i++) {
            connecting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return sockets.connect("127.0.0.1", peer.port(), Duration.ofSeconds(10));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        List<NeowaySocket> open = new ArrayList<>();
        for (CompletableFuture<NeowaySocket> c : connecting) {
            NeowaySocket socket = c.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
            open.add(socket);
        }
        assertThat(open).extracting(s -> s.link().getAsInt()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThatThrownBy(() -> sockets.connect("127.0.0.1", peer.port()))
                .isInstanceOf(SocketException.class)
                .hasMessageContaining("all 6 links");
        List<byte[]> sent = new ArrayList<>();
        for (NeowaySocket socket : open) {
            byte[] data = trickyData(64 * 1024, 10 + socket.link().getAsInt());
            sent.add(data);
            echoes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return HttpMessage.sha256(echo(socket, data));
                } catch (Exception e) {
                    throw new IllegalStateException(socket + ": " + e, e);
                }
            }));
        }
        for (int i = 0; i < open.size(); i++) {
            assertThat(echoes.get(i).get(DEADLINE_SECONDS, TimeUnit.SECONDS))
                    .as("link %d", i)
                    .isEqualTo(HttpMessage.sha256(sent.get(i)));
        }
        for (NeowaySocket socket : open) {
            socket.close();
        }
        // Every number is free again.
        sockets.connect("127.0.0.1", peer.port()).close();
    }

    @ParameterizedTest(name = "{0}, receive mode {1}")
    @MethodSource("linksAndModes")
    void theServerClosingMidStreamEndsTheStreamAfterItsData(SocketModem.Link link, ReceiveMode mode) throws Exception {
        peer = TcpPeer.driven();
        NeowaySockets sockets = sockets(link, mode);
        try (NeowaySocket socket = sockets.connect("127.0.0.1", peer.port(), Duration.ofSeconds(10))) {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
            Socket server = peer.accept();
            byte[] partial = trickyData(10_000, 3);
            server.getOutputStream().write(partial);
            server.getOutputStream().flush();
            server.close();
            InputStream in = socket.getInputStream();
            assertThat(readExactly(in, partial.length)).isEqualTo(partial);
            assertThat(in.read()).isEqualTo(-1);
            assertThatThrownBy(() -> socket.getOutputStream().write(1))
                    .isInstanceOf(SocketException.class)
                    .hasMessageContaining("closed by the server");
        }
    }

    @ParameterizedTest(name = "{0}, receive mode {1}")
    @MethodSource("linksAndModes")
    void gprsDisconnectionMidTransferFailsReadsAndWritesAtOnce(SocketModem.Link link, ReceiveMode mode)
            throws Exception {
        peer = TcpPeer.echo();
        NeowaySockets sockets = sockets(link, mode);
        NeowaySocket socket = sockets.connect("127.0.0.1", peer.port(), Duration.ofSeconds(10));
        // No read timeout: only the disconnection can end the reads below.
        socket.setSoTimeout(0);
        byte[] data = trickyData(1 << 20, 4);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try {
                socket.getOutputStream().write(data);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        InputStream in = socket.getInputStream();
        readExactly(in, 64 * 1024);
        modem.module().dropDataLink();
        CompletableFuture<IOException> reading = CompletableFuture.supplyAsync(() -> {
            byte[] buf = new byte[4096];
            try {
                while (in.read(buf) >= 0) {
                    // data that came before the report
                }
                return null;
            } catch (IOException e) {
                return e;
            }
        });
        assertThat(reading.get(DEADLINE_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(SocketException.class)
                .hasMessageContaining("GPRS DISCONNECTION");
        // The writer fails too: the disconnection's report, or the module refusing the next send
        // when it answers it before the report comes.
        assertThatThrownBy(() -> writing.get(DEADLINE_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(java.io.UncheckedIOException.class)
                .cause()
                .isInstanceOf(SocketException.class);
        assertThatThrownBy(() -> socket.getOutputStream().write(1)).isInstanceOf(SocketException.class);
        socket.close();
        // The next connect brings the data link up again.
        try (NeowaySocket again = sockets.connect("127.0.0.1", peer.port(), Duration.ofSeconds(10))) {
            again.setSoTimeout((int) TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
            assertThat(echo(again, TRICKY)).isEqualTo(TRICKY);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(SocketModem.Link.class)
    void aRefusedPortIsAConnectExceptionAndFreesTheLink(SocketModem.Link link) throws Exception {
        NeowaySockets sockets = sockets(link, ReceiveMode.DIRECT);
        int refused = TcpPeer.refusedPort();
        assertThatThrownBy(() -> sockets.connect("127.0.0.1", refused, Duration.ofSeconds(10)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("127.0.0.1:" + refused)
                .hasMessageContaining("+TCPSETUP: 0,FAIL");
        peer = TcpPeer.echo();
        try (NeowaySocket socket = sockets.connect("127.0.0.1", peer.port())) {
            assertThat(socket.link()).hasValue(0);
        }
    }

    @ParameterizedTest(name = "{0}, receive mode {1}")
    @MethodSource("linksAndModes")
    void aReadTimesOutAndTheSocketStaysUsable(SocketModem.Link link, ReceiveMode mode) throws Exception {
        peer = TcpPeer.driven();
        NeowaySockets sockets = sockets(link, mode);
        try (NeowaySocket socket = sockets.connect("127.0.0.1", peer.port())) {
            Socket server = peer.accept();
            socket.setSoTimeout(50);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            server.getOutputStream().write(TRICKY);
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
            assertThat(readExactly(socket.getInputStream(), TRICKY.length)).isEqualTo(TRICKY);
        }
    }

    @ParameterizedTest(name = "{0}, receive mode {1}")
    @MethodSource("linksAndModes")
    void aDatagramGoesThereAndBack(SocketModem.Link link, ReceiveMode mode) throws Exception {
        udp = new UdpEcho();
        NeowaySockets sockets = sockets(link, mode);
        try (NeowayDatagramSocket socket = sockets.datagram("127.0.0.1", udp.port())) {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
            byte[] datagram = trickyData(1000, 5);
            socket.send(datagram);
            assertThat(udp.next()).isEqualTo(datagram);
            assertThat(socket.receive()).isEqualTo(datagram);
            socket.send(TRICKY);
            assertThat(socket.receive()).isEqualTo(TRICKY);
        }
    }
}
