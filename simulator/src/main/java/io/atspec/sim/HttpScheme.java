package io.atspec.sim;

import java.util.Optional;

/**
 * What tells the module's two HTTP clients apart (manual chapter 9): AT+HTTP... runs over a
 * plain TCP socket, AT+HTTPS... over TLS as AT+HTTPSCFG says. Everything else about them is the
 * same, so everything that differs lives here: the report and close lines, the default port, and
 * the failure lines (the HTTPS commands have none of their own and answer plain ERROR).
 */
enum HttpScheme {
    HTTP(
            80,
            RecvReporter.HTTP,
            "+HTTPCLOSE: HTTP Link Closed",
            "+HTTPGETRPT: ",
            "+HTTPGETSTAT: ",
            Optional.of("+HTTPACTION: SOCKET ID OPEN FAILED"),
            Optional.of("+HTTPSEND: ERROR")),
    HTTPS(
            443,
            RecvReporter.HTTPS,
            "+HTTPSCLOSE: HTTPS Link Closed",
            "+HTTPSGETRPT: ",
            "+HTTPSGETSTAT: ",
            Optional.empty(),
            Optional.empty());

    /** The port when neither the url nor PARA's port names one. */
    final int defaultPort;
    /** The +HTTP(S)RECV / +HTTP(S)CLOSED reports of an ACTION's answer. */
    final RecvReporter.Names recvNames;
    /** The URC after OK when CLOSE closed an open link. */
    final String closedByHost;
    /** The URC that ends a GET download (9.7, 9.17). */
    final String getReport;
    /** The answer of GETSTAT? (9.8, 9.18). */
    final String getStat;

    private final Optional<String> socketOpenFailed;
    private final Optional<String> sendFailed;

    HttpScheme(
            int defaultPort,
            RecvReporter.Names recvNames,
            String closedByHost,
            String getReport,
            String getStat,
            Optional<String> socketOpenFailed,
            Optional<String> sendFailed) {
        this.defaultPort = defaultPort;
        this.recvNames = recvNames;
        this.closedByHost = closedByHost;
        this.getReport = getReport;
        this.getStat = getStat;
        this.socketOpenFailed = socketOpenFailed;
        this.sendFailed = sendFailed;
    }

    /** This scheme's PARA settings and SETUP link in {@code state}. */
    HttpConnection connection(ModuleState state) {
        return this == HTTPS ? state.https() : state.http();
    }

    /**
     * Where this scheme's PARA points, for SETUP and GET: empty without PPP, without a url, or
     * with a url that names no host (all plain ERROR in the manual).
     */
    Optional<HttpTarget> target(ModuleState state) {
        HttpSettings settings = connection(state).settings();
        if (!state.pppUp() || settings.url().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HttpTarget.of(settings.url().get(), settings.port(), defaultPort));
        } catch (IllegalArgumentException badUrl) {
            return Optional.empty();
        }
    }

    /**
     * What a connected socket to {@code target} becomes: itself, or TLS with the HTTPSCFG settings
     * of the moment this is called (the handshake fails for a server they do not trust).
     */
    HttpLink.Upgrade upgrade(HttpTarget target, ModuleState state) {
        if (this == HTTP) {
            return plain -> plain;
        }
        TlsSettings tls = state.tls();
        return plain -> TlsConnector.handshake(plain, target, tls, state.files());
    }

    /** ACTION without PPP or a set-up link (9.3: {@code +HTTPACTION: SOCKET ID OPEN FAILED}). */
    void answerNoLink(Replies reply) {
        socketOpenFailed.ifPresentOrElse(reply::finalLine, reply::error);
    }

    /** ACTION whose request could not be written to the link. */
    void answerSendFailed(Replies reply) {
        sendFailed.ifPresentOrElse(reply::finalLine, reply::error);
    }
}
