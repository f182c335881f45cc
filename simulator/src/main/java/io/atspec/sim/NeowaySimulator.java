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
 * performs HTTP and TCP/UDP client links over real sockets. One instance is one module with its own state.
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

    /**
     * The network changes registration; a +CREG URC follows if AT+CREG=1 or 2 asked for it. Without a
     * ready SIM (none, or waiting for its PIN) the module stays unregistered and reports nothing; the
     * stat applies once the PIN is entered.
     */
    public void setRegistration(RegStatus stat) {
        session.registration(stat);
    }

    /**
     * The SIM's PIN is entered ({@link SimulatorConfig#simPinRequired()}): {@code AT+CPIN?} answers
     * {@code +CPIN: READY}, the module registers (a {@code +CREG} URC if AT+CREG=1/2 asked for one)
     * and attaches. Nothing happens if the SIM was not waiting for its PIN.
     */
    public void enterPin() {
        session.enterPin();
    }

    /** The network drops the data link: {@code GPRS DISCONNECTION} if PPP was up, HTTP and TCP/UDP links close. */
    public void dropDataLink() {
        session.dropDataLink();
    }

    /** Changes how the serial link misbehaves from now on (rate, chunks, latency, lost or changed bytes). */
    public void faults(FaultProfile faults) {
        session.output().faults(faults);
    }

    /** Writes the unsolicited line {@code CR LF urc CR LF} now, between two messages (e.g. {@code +CREG: 5}). */
    public void injectUrc(String urc) {
        session.output().inject(urc);
    }

    /**
     * Writes {@code urc} just before the message {@code when} names, e.g.
     * {@code injectUrc("+CREG: 5", OutputTrigger.before("OK"))} lands inside the next response.
     * One shot; never damaged by the fault profile.
     */
    public void injectUrc(String urc, OutputTrigger when) {
        session.output().injectBefore(when, urc);
    }

    /**
     * An unexpected reboot now: PPP goes down, HTTP links close without {@code +HTTPCLOSED},
     * settings return to their boot values, the rest of a pending command is ignored, and the module
     * writes {@code CR LF +PBREADY CR LF}.
     */
    public void reboot() {
        session.output().reboot();
    }

    /** {@link #reboot()} just before the message {@code when} names (which is never sent), e.g. mid-transfer. */
    public void reboot(OutputTrigger when) {
        session.output().rebootBefore(when);
    }

    /** How many times this module rebooted. */
    public long reboots() {
        return session.output().reboots();
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

    /**
     * The module's file system: put a CA certificate (PEM) or a file to post before the commands
     * that use it; read what AT+HTTPGET, AT+HTTPSGET and AT+FILEHTTP(S)ACTION=0 downloaded.
     */
    public ModuleFiles files() {
        return session.state().files();
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
