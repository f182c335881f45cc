package io.atspec.sim;

import io.atspec.neoway.network.AttachState;
import io.atspec.neoway.network.Cgatt;
import io.atspec.neoway.network.Cgdcont;
import io.atspec.neoway.network.CmeError;
import io.atspec.neoway.network.Cpin;
import io.atspec.neoway.network.Creg;
import io.atspec.neoway.network.CregMode;
import io.atspec.neoway.network.Csq;
import io.atspec.neoway.network.NetworkRequests;
import io.atspec.neoway.network.PdpType;
import io.atspec.neoway.network.Xgauth;
import io.atspec.neoway.network.Xiic;
import io.atspec.runtime.bind.AtRequest;
import java.util.Optional;

/**
 * SIM, registration, attach, PDP context, authentication and the PPP link (facts/network-attach.md),
 * decoded with the generated {@link NetworkRequests}.
 */
final class NetworkCommandHandler implements CommandHandler {

    private static final CommandNames NAMES = CommandNames.of(
            Cpin.NAME,
            Cpin.ALIASES,
            Csq.NAME,
            Csq.ALIASES,
            Creg.NAME,
            Creg.ALIASES,
            Cgatt.NAME,
            Cgatt.ALIASES,
            Cgdcont.NAME,
            Cgdcont.ALIASES,
            Xgauth.NAME,
            Xgauth.ALIASES,
            Xiic.NAME,
            Xiic.ALIASES);

    /**
     * Location the simulated cell reports with AT+CREG=2 (query answer and URC):
     * {@code ,<lac>,<ci>,<act>}, act 7 (E-UTRAN) as in the manual's examples.
     */
    static final String LOCATION = ",\"1A2B\",\"00C3D4E5\",7";

    private final NetworkEvents events;

    NetworkCommandHandler(NetworkEvents events) {
        this.events = events;
    }

    @Override
    public boolean handle(String line, CommandContext c) {
        Optional<AtRequest> parsed = NetworkRequests.parse(line, null);
        if (parsed.isEmpty()) {
            if (!NAMES.names(line)) {
                return false;
            }
            c.reply().cme(CmeError.INCORRECT_PARAMETERS);
            return true;
        }
        AtRequest request = parsed.get();
        ModuleState s = c.state();
        Replies r = c.reply();
        if (request instanceof Cpin.Query) {
            if (!s.simInserted()) {
                r.cme(CmeError.SIM_NOT_INSERTED);
                return true;
            }
            r.info(s.pinRequired() ? "+CPIN: SIM PIN" : "+CPIN: READY");
            r.ok();
        } else if (request instanceof Csq.Exec) {
            boolean signal = s.simInserted();
            r.info("+CSQ: " + (signal ? s.config().rssi() : 99) + ","
                    + (signal ? s.config().ber() : 99));
            r.ok();
        } else if (request instanceof Creg.SetForm set) {
            s.cregMode(set.n());
            r.ok();
        } else if (request instanceof Creg.Query) {
            String location = s.cregMode() == CregMode.STAT_LOCATION && s.registered() ? LOCATION : "";
            r.info("+CREG: " + s.cregMode().code() + "," + s.registration().code() + location);
            r.ok();
        } else if (request instanceof Creg.Test) {
            r.info("+CREG: (0-2)");
            r.ok();
        } else if (request instanceof Cgatt.SetForm set) {
            attach(set.state(), c);
        } else if (request instanceof Cgatt.Query) {
            r.info("+CGATT: " + (s.attached() ? 1 : 0));
            r.ok();
        } else if (request instanceof Cgatt.Test) {
            r.info("+CGATT: (0-1)");
            r.ok();
        } else if (request instanceof Cgdcont.SetForm set) {
            s.context(new PdpContext(
                    set.cid(),
                    set.pdpType().orElse(PdpType.IP),
                    set.apn().orElse(""),
                    set.pdpAddr().orElse("0.0.0.0"),
                    set.dComp().orElse(0),
                    set.hComp().orElse(0)));
            r.ok();
        } else if (request instanceof Cgdcont.Query) {
            s.contexts().forEach(ctx -> r.info(ctx.queryLine()));
            r.ok();
        } else if (request instanceof Cgdcont.Test) {
            r.info("+CGDCONT: (1-7),(IP,IPV6,IPV4V6,PPP,Non-IP),(0-3),(0-4)");
            r.ok();
        } else if (request instanceof Xgauth.SetForm set) {
            // "Must follow AT+CGDCONT": authentication belongs to a defined context.
            if (s.context(set.cid()).isEmpty()) {
                r.cme(CmeError.OPERATION_NOT_ALLOWED);
                return true;
            }
            s.auth(new PdpAuth(
                    set.cid(), set.auth(), set.user().orElse(""), set.pwd().orElse("")));
            r.ok();
        } else if (request instanceof Xiic.Activate) {
            // A real module without SIM or registration answers +CME ERROR: 50 here (a SIM waiting
            // for its PIN leaves the module unregistered: the same answer).
            if (!s.simInserted() || !s.registered() || !s.attached()) {
                r.cme(CmeError.INCORRECT_PARAMETERS);
                return true;
            }
            s.startPpp(s.config().pppDelay());
            r.ok();
        } else if (request instanceof Xiic.Deactivate) {
            r.ok();
            events.pppLost(false);
        } else if (request instanceof Xiic.Query) {
            r.info(s.config().firmware().xiicLine(s.pppUp(), s.config().ipAddress()));
            r.ok();
        } else {
            // Parsed by the bindings but not simulated yet.
            r.cme(CmeError.OPERATION_NOT_SUPPORTED);
        }
        return true;
    }

    private void attach(AttachState state, CommandContext c) {
        ModuleState s = c.state();
        if (state == AttachState.ATTACHED) {
            if (!s.simInserted()) {
                c.reply().cme(CmeError.SIM_NOT_INSERTED);
            } else if (!s.registered()) {
                // Also a SIM waiting for its PIN: not registered. (27.007's 11 "SIM PIN required" is
                // not among the codes the facts and the spec's CmeError list.)
                c.reply().cme(CmeError.NO_NETWORK_SERVICE);
            } else {
                s.attached(true);
                c.reply().ok();
            }
            return;
        }
        boolean pppWasUp = s.pppRequested();
        s.attached(false);
        c.reply().ok();
        // Detaching under a live PPP link: OK, then the prefix-less URC.
        events.pppLost(pppWasUp);
    }
}
