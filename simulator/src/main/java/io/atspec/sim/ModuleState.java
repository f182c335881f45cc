package io.atspec.sim;

import io.atspec.neoway.network.CregMode;
import io.atspec.neoway.network.RegStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything one simulated module remembers between commands. The command loop changes it; HTTP
 * receivers and the test-facing controls read and change it from other threads, hence the locks.
 */
final class ModuleState {

    private static final long NEVER = Long.MAX_VALUE;

    private final SimulatorConfig config;
    private boolean echo;
    private int cmeeMode;
    private boolean simInserted;
    /** The SIM waits for its PIN (inserted but not ready): no registration, no attach. */
    private boolean pinRequired;

    private RegStatus registration;
    private CregMode cregMode = CregMode.DISABLED;
    private boolean attached;
    private final Map<Integer, PdpContext> contexts = new TreeMap<>();
    private final Map<Integer, PdpAuth> auths = new TreeMap<>();
    /** System.nanoTime() at which the PPP link counts as up; NEVER while it is down. */
    private long pppUpAt = NEVER;
    /** AT+HTTPPARA and AT+HTTPSETUP's socket. */
    private final HttpConnection http = new HttpConnection();
    /** AT+HTTPSPARA and AT+HTTPSSETUP's socket, separate from the HTTP one. */
    private final HttpConnection https = new HttpConnection();

    /** The TCP/UDP client links (AT+TCPSETUP, AT+UDPSETUP) and their settings. */
    private final SocketLinks sockets = new SocketLinks();

    private TlsSettings tls = TlsSettings.defaults();
    private final ModuleFiles files = new ModuleFiles();

    ModuleState(SimulatorConfig config) {
        this.config = config;
        this.echo = config.echo();
        this.cmeeMode = config.cmeeMode();
        this.simInserted = config.simInserted();
        this.pinRequired = config.simPinRequired();
        this.registration = config.registration();
        // Real modules attach on their own once registered.
        this.attached = simReady() && isRegistered(registration);
    }

    SimulatorConfig config() {
        return config;
    }

    static boolean isRegistered(RegStatus stat) {
        return stat == RegStatus.REGISTERED_HOME || stat == RegStatus.REGISTERED_ROAMING;
    }

    synchronized boolean echo() {
        return echo;
    }

    synchronized void echo(boolean on) {
        echo = on;
    }

    synchronized int cmeeMode() {
        return cmeeMode;
    }

    synchronized void cmeeMode(int mode) {
        cmeeMode = mode;
    }

    synchronized boolean simInserted() {
        return simInserted;
    }

    /** Inserted and not waiting for its PIN: what registering needs. */
    synchronized boolean simReady() {
        return simInserted && !pinRequired;
    }

    synchronized boolean pinRequired() {
        return simInserted && pinRequired;
    }

    /** The PIN was entered (true) or the SIM locks again, as at boot (false). */
    synchronized void pinRequired(boolean waiting) {
        pinRequired = waiting;
    }

    /** The network's stat; a SIM that is absent or waits for its PIN cannot register. */
    synchronized RegStatus registration() {
        return simReady() ? registration : RegStatus.NOT_REGISTERED;
    }

    /** The network's stat, whatever the SIM (what it becomes once the SIM is ready). */
    synchronized RegStatus networkRegistration() {
        return registration;
    }

    synchronized void registration(RegStatus stat) {
        registration = stat;
    }

    synchronized boolean registered() {
        return isRegistered(registration());
    }

    synchronized CregMode cregMode() {
        return cregMode;
    }

    synchronized void cregMode(CregMode mode) {
        cregMode = mode;
    }

    synchronized boolean attached() {
        return attached;
    }

    synchronized void attached(boolean on) {
        attached = on;
    }

    synchronized void context(PdpContext context) {
        contexts.put(context.cid(), context);
    }

    synchronized Optional<PdpContext> context(int cid) {
        return Optional.ofNullable(contexts.get(cid));
    }

    synchronized List<PdpContext> contexts() {
        return new ArrayList<>(contexts.values());
    }

    synchronized void auth(PdpAuth auth) {
        auths.put(auth.cid(), auth);
    }

    synchronized Optional<PdpAuth> auth(int cid) {
        return Optional.ofNullable(auths.get(cid));
    }

    /** AT+XIIC=1: the link comes up {@code delay} later (what AT+XIIC? polling waits for). */
    synchronized void startPpp(Duration delay) {
        if (pppUpAt == NEVER) {
            pppUpAt = System.nanoTime() + delay.toNanos();
        }
    }

    synchronized boolean pppUp() {
        return pppUpAt != NEVER && System.nanoTime() - pppUpAt >= 0;
    }

    /** Whether AT+XIIC=1 was given and the link is up or on its way. */
    synchronized boolean pppRequested() {
        return pppUpAt != NEVER;
    }

    synchronized void stopPpp() {
        pppUpAt = NEVER;
    }

    /** What AT+HTTPPARA has set and the socket of AT+HTTPSETUP. */
    HttpConnection http() {
        return http;
    }

    /** The module's file system (CA certificates, downloads, files to post). */
    ModuleFiles files() {
        return files;
    }

    /** What AT+HTTPSPARA has set and the socket of AT+HTTPSSETUP. */
    HttpConnection https() {
        return https;
    }

    /** What AT+HTTPSCFG has set. */
    synchronized TlsSettings tls() {
        return tls;
    }

    synchronized void tls(TlsSettings settings) {
        tls = settings;
    }

    /** The TCP/UDP link table. */
    SocketLinks sockets() {
        return sockets;
    }

    /** PPP loss, session end: every socket goes (HTTP, HTTPS, every TCP/UDP link). */
    void closeLinks() {
        http.closeLink();
        https.closeLink();
        sockets.closeAll();
    }
}
