package io.atspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code atspec tcp} through the simulated module to a real loopback server. */
class TcpCommandTest {

    private static final byte[] TRICKY = "\r\nOK\r\n+TCPRECV: 0,3,>\r\n>".getBytes(StandardCharsets.US_ASCII);

    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** A server that echoes what it gets and closes the link after {@code total} bytes. */
    private int echoThenClose(int total) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept();
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream()) {
                byte[] buf = new byte[8192];
                int seen = 0;
                while (seen < total) {
                    int n = in.read(buf, 0, Math.min(buf.length, total - seen));
                    if (n < 0) {
                        return;
                    }
                    out.write(buf, 0, n);
                    seen += n;
                }
            } catch (IOException ignored) {
                // the test fails on what it got
            }
        });
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    private static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new ByteArrayInputStream(stdin), out, err, false);
        return new Run(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "--recv-mode {0}")
    @ValueSource(strings = {"0", "1"})
    void stdinGoesToTheServerAndItsBytesToStdoutByteForByte(String mode) throws IOException {
        byte[] data = new byte[100_000];
        new Random(9).nextBytes(data);
        for (int at = 0; at + TRICKY.length <= data.length; at += 3000) {
            System.arraycopy(TRICKY, 0, data, at, TRICKY.length);
        }
        int port = echoThenClose(data.length);
        Run run = run(data, "tcp", "--sim", "--recv-mode", mode, "127.0.0.1", Integer.toString(port));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(HttpCommand.sha256(run.stdout())).isEqualTo(HttpCommand.sha256(data));
        assertThat(run.err())
                .contains("connected to 127.0.0.1:" + port + " on link 0 (receive mode " + mode + ")")
                .contains("sent 100000 bytes, received 100000 bytes; the server closed the link");
    }

    @Test
    void aSilentServerAfterStdinEndsClosesTheLink() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Run run = run(
                "hello".getBytes(StandardCharsets.US_ASCII),
                "tcp",
                "--sim",
                "--linger",
                "0",
                "127.0.0.1",
                Integer.toString(server.getLocalPort()));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.stdout()).isEmpty();
        assertThat(run.err()).contains("sent 5 bytes, received 0 bytes; stdin ended");
    }

    @Test
    void aRefusedPortFailsInOneLineNamingTheLinkAndTheReport() throws IOException {
        int refused;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refused = gone.getLocalPort();
        }
        Run run = run(new byte[0], "tcp", "--sim", "127.0.0.1", Integer.toString(refused));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines().filter(l -> l.startsWith("atspec: error:")))
                .containsExactly("atspec: error: connect TCP link 0 to 127.0.0.1:" + refused
                        + ": connection failed (+TCPSETUP: 0,FAIL)");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void usageErrorsAreExitTwo() {
        assertThat(run(new byte[0], "tcp", "--sim", "127.0.0.1", "0").exit()).isEqualTo(2);
        assertThat(run(new byte[0], "tcp", "--sim", "127.0.0.1", "x").exit()).isEqualTo(2);
        assertThat(run(new byte[0], "tcp", "--sim", "--recv-mode", "2", "127.0.0.1", "7")
                        .exit())
                .isEqualTo(2);
        assertThat(run(new byte[0], "tcp", "127.0.0.1", "7").exit()).isEqualTo(2);
        assertThat(run(new byte[0], "tcp", "--sim", "--port", "/dev/x", "127.0.0.1", "7")
                        .exit())
                .isEqualTo(2);
        assertThat(run(new byte[0], "tcp", "--sim", "127.0.0.1").exit()).isEqualTo(2);
    }
}
