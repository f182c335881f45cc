package io.atspec.sim;

import io.atspec.runtime.AtChannel;
import io.atspec.runtime.TcpTransport;
import java.time.Duration;

/** A simulated module and a channel to it, over one of the two transports the tests cover. */
final class Modem implements AutoCloseable {

    enum Link {
        MEMORY,
        TCP
    }

    private final AutoCloseable module;
    private final AtChannel channel;

    private Modem(AutoCloseable module, AtChannel channel) {
        this.module = module;
        this.channel = channel;
    }

    static Modem open(Link link, SimulatorConfig config) {
        if (link == Link.MEMORY) {
            NeowaySimulator sim = NeowaySimulator.inMemory(config);
            return new Modem(sim, AtChannel.open(sim.host()));
        }
        SimulatorServer server = SimulatorServer.start(config);
        return new Modem(
                server, AtChannel.open(TcpTransport.connect("127.0.0.1", server.port(), Duration.ofSeconds(5))));
    }

    AtChannel channel() {
        return channel;
    }

    @Override
    public void close() throws Exception {
        channel.close();
        module.close();
    }
}
