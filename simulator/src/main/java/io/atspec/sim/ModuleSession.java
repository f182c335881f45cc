package io.atspec.sim;

import io.atspec.neoway.network.CregMode;
import io.atspec.neoway.network.RegStatus;
import io.atspec.runtime.Transport;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * One simulated module on one transport: the command loop (a thread that frames lines, echoes,
 * and hands each line to the first handler that knows it) plus the network events tests trigger.
 */
final class ModuleSession implements NetworkEvents {

    private static final System.Logger LOG = System.getLogger(ModuleSession.class.getName());
    /** The longest command line a module accepts; HTTPPARA's url alone may be 2048 bytes. */
    private static final int MAX_LINE = 4096;

    private final Transport device;
    private final ModuleState state;
    private final ModuleOutput out;
    private final Replies replies;
    private final HttpDownloads downloads;
    private final HttpDownloads httpsDownloads;
    private final List<CommandHandler> handlers;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    ModuleSession(Transport device, SimulatorConfig config) throws IOException {
        this.device = device;
        this.state = new ModuleState(config);
        this.out = new ModuleOutput(device.output(), config.faults());
        out.onReboot(this::rebooted);
        this.replies = new Replies(out, state);
        this.downloads = new HttpDownloads(HttpScheme.HTTP, state, replies);
        this.httpsDownloads = new HttpDownloads(HttpScheme.HTTPS, state, replies);
        this.handlers = List.of(
                new BasicCommandHandler(),
                new NetworkCommandHandler(this),
                new TcpCommandHandler(new SocketReports(out)),
                new HttpsCommandHandler(httpsDownloads),
                new HttpCommandHandler(downloads));
    }

    void start() throws IOException {
        LineFramer framer = new LineFramer(new BufferedInputStream(device.input()), MAX_LINE);
        Thread t = new Thread(() -> run(framer), "sim-module-" + device.describe());
        t.setDaemon(true);
        t.start();
    }

    CompletableFuture<Void> finished() {
        return finished;
    }

    ModuleState state() {
        return state;
    }

    HttpDownloads downloads() {
        return downloads;
    }

    private void run(LineFramer framer) {
        CommandContext context = new CommandContext(state, replies, n -> {
            out.checkNotRebooted(); // a reboot cut the command off: nobody will send its payload
            return framer.readExactly(n);
        });
        try {
            LineFramer.Line line;
            while ((line = framer.readLine()) != null) {
                out.join(); // this command belongs to the module's current boot
                if (state.echo()) {
                    // A module echoes what it received, line end included.
                    byte[] echo = Arrays.copyOf(line.raw(), line.raw().length + 1);
                    echo[echo.length - 1] = '\r';
                    out.raw(echo);
                }
                answer(line, context);
            }
        } catch (IOException | UncheckedIOException hostGone) {
            LOG.log(System.Logger.Level.DEBUG, "host side of " + device.describe() + " ended: " + hostGone);
        } finally {
            shutDown();
        }
    }

    private void answer(LineFramer.Line line, CommandContext context) throws IOException {
        String text = normalize(line.text());
        if (text.isEmpty()) {
            return;
        }
        if (!text.startsWith("AT")) {
            // Modules ignore what does not start with AT (noise, a stray payload).
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "RX " + masked(text));
        if (line.overlong()) {
            replies.error();
            return;
        }
        try {
            for (CommandHandler handler : handlers) {
                if (handler.handle(text, context)) {
                    return;
                }
            }
            replies.error();
        } catch (ModuleOutput.Rebooted cutOff) {
            // The module rebooted during this command: the rest of it is ignored.
        } catch (RuntimeException bug) {
            if (bug instanceof UncheckedIOException) {
                throw bug;
            }
            LOG.log(System.Logger.Level.WARNING, "simulator failed on " + masked(text), bug);
            replies.error();
        }
    }

    /** Upper-cases the command name (modules accept {@code at+csq}), leaves the arguments alone. */
    static String normalize(String line) {
        String s = line.strip();
        int end = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '=' || s.charAt(i) == '?') {
                end = i;
                break;
            }
        }
        return s.substring(0, end).toUpperCase(Locale.ROOT) + s.substring(end);
    }

    /** XGAUTH carries a password: logs show the command name only. */
    static String masked(String line) {
        return line.replace(" ", "").startsWith("AT+XGAUTH=") ? "AT+XGAUTH=***" : line;
    }

    @Override
    public void pppLost(boolean announce) {
        state.stopPpp();
        // The data link is gone: so is every HTTP(S) socket and every TCP/UDP link (GPRS
        // DISCONNECTION says it for all; no +TCPCLOSE follows).
        state.closeLinks();
        if (announce) {
            replies.urc("GPRS DISCONNECTION");
        }
    }

    /** The network changes the registration; reported as +CREG URC when AT+CREG=1/2 asked for it. */
    void registration(RegStatus stat) {
        state.registration(stat);
        if (!ModuleState.isRegistered(stat)) {
            boolean wasUp = state.pppRequested();
            state.attached(false);
            if (wasUp) {
                pppLost(true);
            }
        } else {
            state.attached(state.simReady());
        }
        if (!state.simReady()) {
            return; // nothing to report: without a ready SIM the module stays unregistered
        }
        CregMode mode = state.cregMode();
        if (mode != CregMode.DISABLED) {
            String location = mode == CregMode.STAT_LOCATION && ModuleState.isRegistered(stat)
                    ? NetworkCommandHandler.LOCATION
                    : "";
            replies.urc("+CREG: " + stat.code() + location);
        }
    }

    /**
     * The PIN is entered (the spec has no AT+CPIN=<pin>): the SIM is ready, the module registers
     * with the network's stat (a +CREG URC if asked for) and attaches.
     */
    void enterPin() {
        if (!state.pinRequired()) {
            return;
        }
        state.pinRequired(false);
        registration(state.networkRegistration());
    }

    /** The network drops the data link: {@code GPRS DISCONNECTION}. */
    void dropDataLink() {
        pppLost(state.pppRequested());
    }

    ModuleOutput output() {
        return out;
    }

    /** An unexpected reboot ({@link ModuleOutput#reboot()}): PPP down, links closed, HTTP(S) settings as at boot. */
    private void rebooted() {
        state.stopPpp();
        state.closeLinks();
        // Like a real reboot, both clients lose their settings: HTTPPARA, HTTPSPARA and HTTPSCFG.
        state.http().settings(HttpSettings.cleared());
        state.https().settings(HttpSettings.cleared());
        state.tls(TlsSettings.defaults());
        // AT+RECVMODE and AT+TCPKEEPALIVE are not remembered across restarts.
        state.sockets().reboot();
        SimulatorConfig boot = state.config();
        state.echo(boot.echo());
        state.cmeeMode(boot.cmeeMode());
        state.cregMode(CregMode.DISABLED);
        // A SIM with a PIN locks again at power-up.
        state.pinRequired(boot.simPinRequired());
        state.attached(state.simReady() && state.registered());
    }

    /** Ends the session: the transport closes, HTTP sockets close. */
    void close() {
        try {
            device.close();
        } catch (IOException ignored) {
            // Closing the link is all that is left to do.
        }
        shutDown();
    }

    private void shutDown() {
        state.closeLinks();
        finished.complete(null);
    }
}
