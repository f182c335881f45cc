package io.atspec.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.runtime.testing.ScriptedModem;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TransportTest {

    @Test
    void tcpTransportCarriesCommandsAndUrcs() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            TcpTransport client = TcpTransport.connect("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5));
            ScriptedModem modem = ScriptedModem.start(TcpTransport.of(accepted.get(10, TimeUnit.SECONDS)), 7)
                    .chunks(1, 4);
            modem.when("AT+CPIN?", r -> r.line("+CPIN: READY").urc("+PBREADY").ok());
            try (AtChannel ch = AtChannel.open(client)) {
                UrcRecorder urcs = new UrcRecorder();
                ch.addListener(urcs);
                assertThat(ch.name()).isEqualTo("tcp:127.0.0.1:" + server.getLocalPort());
                assertThat(ch.execute(AtCommand.builder("AT+CPIN?")
                                        .expect("+CPIN:")
                                        .build())
                                .lines())
                        .containsExactly("+CPIN: READY");
                assertThat(urcs.next().line()).isEqualTo("+PBREADY");
            } finally {
                modem.close();
            }
        }
    }

    @Test
    void tcpConnectFailureNamesTheAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        int closedPort = port;
        assertThatThrownBy(() -> TcpTransport.connect("127.0.0.1", closedPort, Duration.ofSeconds(2)))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("tcp:127.0.0.1:" + closedPort);
    }

    @Test
    void serialOpenFailureNamesThePort() {
        assertThatThrownBy(() -> SerialTransport.of("/dev/atspec-no-such-port", 115200))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("/dev/atspec-no-such-port");
    }

    @Test
    void inMemoryPairIsConnectedBothWays() throws Exception {
        InMemoryTransport.Pair p = InMemoryTransport.pair();
        p.host().output().write("AT\r".getBytes());
        assertThat(p.device().input().readNBytes(3)).isEqualTo("AT\r".getBytes());
        p.device().output().write("OK".getBytes());
        assertThat(p.host().input().readNBytes(2)).isEqualTo("OK".getBytes());
        p.device().close();
        assertThat(p.host().input().read()).isEqualTo(-1);
    }
}
