package io.atspec.sim;

import io.atspec.neoway.network.RegStatus;
import io.atspec.runtime.InMemoryTransport;
import io.atspec.runtime.Transport;
import io.atspec.runtime.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/**
 * A simulated Neoway module (N58 family) that speaks the AT wire protocol on a transport and
 * performs HTTP over real sockets. One instance is one module with its own state.
 *
 * <pre>{@code
 * try (NeowaySimulator modem = NeowaySimulator.inMemory(SimulatorConfig.defaults());
 *      AtChannel channel = AtChannel.open(modem.host())) {
 *     new NetworkCommands(channel).xiic(Xiic.activate());
 * }
 * }</pre>
 *
 * Over TCP, {@link SimulatorServer} starts one of these per accepted connection.
 */
public final class NeowaySimulator implements AutoCloseable {

    private final ModuleSession session;
    private final Transport host;

    private NeowaySimulator(ModuleSession session, Transport host) {
        this.session = session;
        this.host = host;
    }

    /** A module on an in-memory link; give {@link #host()} to an {@code AtChannel}. */
    public static NeowaySimulator inMemory(SimulatorConfig config) {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        return new NeowaySimulator(startOn(pair.device(), config), pair.host());
    }

    /** A module on the device end of any transport (a TCP socket, one side of a pty pair). */
    public static NeowaySimulator attach(Transport device, SimulatorConfig config) {
        return new NeowaySimulator(startOn(device, config), null);
    }

    private static ModuleSession startOn(Transport device, SimulatorConfig config) {
        try {
            ModuleSession session = new ModuleSession(device, config);
            session.start();
            return session;
        } catch (IOException e) {
            throw new TransportException("cannot start a simulated module on " + device.describe() + ": " + e, e);
        }
    }

    /** The host end of the in-memory link. */
    public Transport host() {
        if (host == null) {
            throw new IllegalStateException("this module was attached to a transport of its own; it has no host end");
        }
        return host;
    }

    /** The network changes registration; a +CREG URC follows if AT+CREG=1 or 2 asked for it. */
    public void setRegistration(RegStatus stat) {
        session.registration(stat);
    }

    /** The network drops the data link: {@code GPRS DISCONNECTION} if PPP was up, HTTP links close. */
    public void dropDataLink() {
        session.dropDataLink();
    }

    /** Whether the PPP link is up now (AT+XIIC? would show state 1). */
    public boolean pppUp() {
        return session.state().pppUp();
    }

    /** The file the last AT+HTTPGET downloaded, or null. */
    public byte[] downloadedFile() {
        byte[] file = session.downloads().file();
        return file == null ? null : file.clone();
    }

    /** Completes when the host side has gone or {@link #close()} was called. */
    public CompletableFuture<Void> finished() {
        return session.finished();
    }

    @Override
    public void close() {
        session.close();
        if (host != null) {
            try {
                host.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
