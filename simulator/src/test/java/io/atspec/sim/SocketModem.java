package io.atspec.sim;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.atspec.runtime.AtChannel;
import io.atspec.runtime.SerialSettings;
import io.atspec.runtime.SerialTransport;
import io.atspec.runtime.TcpTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A simulated module and a channel to it over one of three links: in memory, TCP, or a real
 * kernel pty that socat bridges to the simulator's TCP listener (as {@link PtySimulatorTest}).
 * {@link #module()} is the simulated module itself, to drop its data link.
 */
final class SocketModem implements AutoCloseable {

    enum Link {
        MEMORY,
        TCP,
        PTY
    }

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final NeowaySimulator inMemory;
    private final SimulatorServer server;
    private final Process socat;
    private final Path dir;
    private final AtChannel channel;

    private SocketModem(NeowaySimulator inMemory, SimulatorServer server, Process socat, Path dir, AtChannel channel) {
        this.inMemory = inMemory;
        this.server = server;
        this.socat = socat;
        this.dir = dir;
        this.channel = channel;
    }

    static SocketModem open(Link link, SimulatorConfig config) throws Exception {
        if (link == Link.MEMORY) {
            NeowaySimulator sim = NeowaySimulator.inMemory(config);
            return new SocketModem(sim, null, null, null, AtChannel.open(sim.host()));
        }
        SimulatorServer server = SimulatorServer.start(config);
        if (link == Link.TCP) {
            return new SocketModem(
                    null,
                    server,
                    null,
                    null,
                    AtChannel.open(TcpTransport.connect("127.0.0.1", server.port(), Duration.ofSeconds(5))));
        }
        if (!PtySimulatorTest.onPath("socat")) {
            server.close();
            assumeTrue(false, "socat is not on PATH: install it (apt-get install -y socat) to run the pty tests");
        }
        Path dir = Files.createTempDirectory("socket-pty");
        Path modem = dir.resolve("modem");
        Process socat = new ProcessBuilder(
                        "socat", "-d", "-d", "pty,raw,echo=0,link=" + modem, "tcp:127.0.0.1:" + server.port())
                .redirectErrorStream(true)
                .start();
        PtySimulatorTest.awaitReady(socat, modem);
        return new SocketModem(
                null,
                server,
                socat,
                dir,
                AtChannel.open(SerialTransport.open(SerialSettings.of(modem.toString(), 921600))));
    }

    AtChannel channel() {
        return channel;
    }

    /** The module behind the channel (for a server, once its session exists). */
    NeowaySimulator module() throws InterruptedException {
        if (inMemory != null) {
            return inMemory;
        }
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (server.modules().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the simulator has no module session after " + DEADLINE);
            }
            Thread.onSpinWait();
        }
        return server.modules().get(0);
    }

    @Override
    public void close() throws Exception {
        channel.close();
        if (inMemory != null) {
            inMemory.close();
        }
        if (socat != null) {
            socat.destroy();
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        }
        if (server != null) {
            server.close();
        }
        if (dir != null) {
            Files.deleteIfExists(dir.resolve("modem"));
            Files.deleteIfExists(dir);
        }
    }
}
