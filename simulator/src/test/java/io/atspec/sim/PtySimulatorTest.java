package io.atspec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.atspec.neoway.http.RecvMode;
import io.atspec.runtime.AtChannel;
import io.atspec.runtime.SerialSettings;
import io.atspec.runtime.SerialTransport;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The serial path end to end on a real kernel tty: socat bridges a pseudo-terminal to the
 * simulator's TCP listener ({@code socat pty,raw,echo=0,link=<tmp>/modem tcp:127.0.0.1:<port>}),
 * and the channel opens the pty as a serial port through jSerialComm ({@link SerialTransport}).
 */
class PtySimulatorTest {

    private static final Duration SOCAT_DEADLINE = Duration.ofSeconds(10);

    @RegisterExtension
    static final TestHttpServer http = TestHttpServer.perClass();

    @TempDir
    Path dir;

    private SimulatorServer simulator;
    private Process socat;
    private AtChannel channel;

    @BeforeEach
    void bridge() throws Exception {
        assumeTrue(onPath("socat"), "socat is not on PATH: install it (apt-get install -y socat) to run the pty tests");
        simulator = SimulatorServer.start(SimulatorConfig.defaults().withPppDelay(Duration.ZERO));
        Path modem = dir.resolve("modem");
        socat = new ProcessBuilder(
                        "socat", "-d", "-d", "pty,raw,echo=0,link=" + modem, "tcp:127.0.0.1:" + simulator.port())
                .redirectErrorStream(true)
                .start();
        awaitReady(socat, modem);
        channel = AtChannel.open(SerialTransport.open(SerialSettings.of(modem.toString(), 921600)));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (channel != null) {
            channel.close();
        }
        if (socat != null) {
            socat.destroy();
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @ParameterizedTest(name = "recvmode {0}")
    @EnumSource(RecvMode.class)
    void attachAndGetOverAPseudoTerminal(RecvMode mode) {
        byte[] body = EndToEndTest.random(100_000, 71 + mode.ordinal());
        String path = http.file("pty-" + mode, body);
        LinkDriver.attach(channel);
        HttpMessage response = LinkDriver.get(channel, http.port(), path, mode);
        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(response.bodySha256()).isEqualTo(HttpMessage.sha256(body));
        assertThat(channel.name()).isEqualTo("serial:" + dir.resolve("modem"));
        assertThat(simulator.modules()).hasSize(1);
    }

    /**
     * socat -d -d logs "starting data transfer loop" once the pty exists and the TCP connection
     * is up; the link must exist too. Both within a deadline, or the test fails with socat's log.
     */
    static void awaitReady(Process p, Path link) throws Exception {
        BufferedReader log = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        CompletableFuture<Boolean> looping = CompletableFuture.supplyAsync(() -> {
            try {
                String l;
                while ((l = log.readLine()) != null) {
                    synchronized (seen) {
                        seen.append(l).append('\n');
                    }
                    if (l.contains("starting data transfer loop")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        boolean started;
        try {
            started = looping.get(SOCAT_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            started = false;
        }
        String output;
        synchronized (seen) {
            output = seen.toString();
        }
        assertThat(started)
                .as("socat started within %s; its log:%n%s", SOCAT_DEADLINE, output)
                .isTrue();
        assertThat(Files.exists(link)).as("socat created the link %s", link).isTrue();
        // Keep draining socat's log so it can never block on a full pipe.
        Thread drain = new Thread(
                () -> {
                    try {
                        while (log.readLine() != null) {
                            // discard
                        }
                    } catch (IOException ignored) {
                        // socat ended
                    }
                },
                "socat-log");
        drain.setDaemon(true);
        drain.start();
    }

    static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }
}
