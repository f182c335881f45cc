package io.atspec.cli;

import io.atspec.neoway.http.HttpCommands;
import io.atspec.neoway.network.CpinResponse;
import io.atspec.neoway.network.CregQueryResponse;
import io.atspec.neoway.network.NetworkCommands;
import io.atspec.neoway.network.RegStatus;
import io.atspec.runtime.AtChannel;
import io.atspec.sim.NeowaySimulator;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * A channel to the module with both chapters' facades, and the SIM and registration check. The
 * data link (AT+XIIC) is the HTTP client's business ({@code NeowayHttpClient}).
 */
final class ModemSession implements AutoCloseable {

    final AtChannel channel;
    final NetworkCommands net;
    final HttpCommands http;
    private final ModemOptions.Opened opened;

    private ModemSession(ModemOptions.Opened opened) {
        this.opened = opened;
        this.channel = AtChannel.open(opened.transport());
        try (Chapters chapters = Chapters.found()) {
            // Every chapter's URC framing and reboot indications (+PBREADY): a module that restarts
            // under a pending command fails it at once instead of letting it time out.
            chapters.attach(channel);
        }
        this.net = new NetworkCommands(channel);
        this.http = new HttpCommands(channel);
    }

    static ModemSession open(ModemOptions options) {
        ModemOptions.Opened opened = options.open();
        try {
            return new ModemSession(opened);
        } catch (RuntimeException e) {
            closeQuietly(opened.simulator());
            throw e;
        }
    }

    String description() {
        return opened.description();
    }

    /** The simulated module, with --sim. */
    Optional<NeowaySimulator> simulator() {
        return Optional.ofNullable(opened.simulator());
    }

    /**
     * AT+CPIN? (READY) and AT+CREG? (registered, home or roaming): a module without either cannot
     * bring the data link up, and says so only as an error code. The outcome goes to {@code log}.
     */
    void checkModule(PrintWriter log) {
        CpinResponse pin = net.cpinQuery();
        if (!pin.code().equalsIgnoreCase("READY")) {
            throw new CliException("the SIM is not ready: +CPIN: " + pin.code());
        }
        CregQueryResponse reg = net.cregQuery();
        if (!(reg.stat().is(RegStatus.REGISTERED_HOME) || reg.stat().is(RegStatus.REGISTERED_ROAMING))) {
            throw new CliException("the module is not registered: +CREG stat " + reg.stat());
        }
        log.println("module ready: SIM ready, " + reg.stat());
    }

    @Override
    public void close() {
        try {
            channel.close();
        } finally {
            closeQuietly(opened.simulator());
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
    }
}
