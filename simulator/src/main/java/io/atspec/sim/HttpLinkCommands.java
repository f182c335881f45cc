package io.atspec.sim;

import io.atspec.neoway.http.HttpAction;
import io.atspec.neoway.http.HttpRequests;
import io.atspec.neoway.http.KeepAlive;
import io.atspec.neoway.http.RecvMode;
import io.atspec.neoway.network.CmeError;
import io.atspec.runtime.bind.AtRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * What PARA, SETUP, ACTION and CLOSE do, the same for AT+HTTP... (9.1-9.4) and AT+HTTPS...
 * (9.11-9.14) but for the {@link HttpScheme}. The handlers map their generated request records
 * onto these.
 */
final class HttpLinkCommands {

    private static final System.Logger LOG = System.getLogger(HttpLinkCommands.class.getName());

    /** POST content or custom packet, manual 9.3 and 9.13: "ranging from 1 to 2048". */
    private static final int MAX_PAYLOAD = 2048;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpScheme scheme;

    HttpLinkCommands(HttpScheme scheme) {
        this.scheme = scheme;
    }

    /**
     * Parses {@code line}, first prompting for and reading its payload if it announces one;
     * empty when the line has been answered already (bad arguments, nowhere to send to).
     *
     * @param action the one request type that may prompt
     * @param notAction the answer for a prompting line of another type
     */
    Optional<AtRequest> parse(String line, CommandContext c, Class<? extends AtRequest> action, CmeError notAction)
            throws IOException {
        OptionalInt promptLength = HttpRequests.promptLength(line);
        byte[] payload = null;
        if (promptLength.isPresent()) {
            // Check everything the line says before prompting: a bad type or length never
            // gets a '>', and neither does a request that cannot go anywhere.
            int length = promptLength.getAsInt();
            Optional<AtRequest> probe =
                    length < 1 || length > MAX_PAYLOAD ? Optional.empty() : HttpRequests.parse(line, new byte[length]);
            if (probe.isEmpty()) {
                c.reply().cme(CmeError.INCORRECT_PARAMETERS);
                return Optional.empty();
            }
            if (!action.isInstance(probe.get())) {
                c.reply().cme(notAction);
                return Optional.empty();
            }
            if (openLink(c).isEmpty()) {
                scheme.answerNoLink(c.reply());
                return Optional.empty();
            }
            c.reply().prompt();
            payload = c.payload().read(length);
            if (c.state().echo()) {
                c.reply().output().raw(payload);
            }
        }
        Optional<AtRequest> parsed = HttpRequests.parse(line, payload);
        if (parsed.isEmpty()) {
            c.reply().cme(CmeError.INCORRECT_PARAMETERS);
        }
        return parsed;
    }

    /** PARA: one setting changes; always OK. */
    void para(UnaryOperator<HttpSettings> change, CommandContext c) {
        HttpConnection connection = scheme.connection(c.state());
        connection.settings(change.apply(connection.settings()));
        c.reply().ok();
    }

    /**
     * SETUP: needs the PPP link and a url; connects at once (for HTTPS the TLS handshake too, so
     * a server the HTTPSCFG settings do not trust fails here). The manual's failure is plain ERROR.
     */
    void setup(CommandContext c) {
        ModuleState s = c.state();
        HttpConnection connection = scheme.connection(s);
        Optional<HttpTarget> where = scheme.target(s);
        if (where.isEmpty()) {
            c.reply().error();
            return;
        }
        HttpTarget target = where.get();
        connection.closeLink();
        try {
            connection.link(HttpLink.connect(target, s.config().hosts(), CONNECT_TIMEOUT, scheme.upgrade(target, s)));
            c.reply().ok();
        } catch (IOException failed) {
            LOG.log(System.Logger.Level.DEBUG, () -> scheme + " set-up to " + target + " failed: " + failed);
            c.reply().error();
        }
    }

    /**
     * ACTION: the OK acknowledges; the response follows as RECV URCs, then CLOSED. Without PPP or a
     * set-up link, the scheme's no-link answer.
     */
    void action(HttpAction action, CommandContext c) {
        ModuleState s = c.state();
        Optional<HttpLink> open = openLink(c);
        if (open.isEmpty()) {
            scheme.answerNoLink(c.reply());
            return;
        }
        HttpLink link = open.get();
        HttpConnection connection = scheme.connection(s);
        HttpSettings settings = connection.settings();
        try {
            link.send(HttpRequestWriter.request(action, link.target(), settings.keepalive()));
        } catch (IOException sendFailed) {
            link.close();
            connection.forgetLink(link);
            scheme.answerSendFailed(c.reply());
            return;
        }
        c.reply().ok();
        ModuleOutput out = c.reply().output();
        RecvReporter reporter = settings.recvmode() == RecvMode.LENGTH
                ? RecvReporter.lengthFramed(out, scheme.recvNames)
                : RecvReporter.raw(out, scheme.recvNames);
        if (settings.keepalive() == KeepAlive.LONG_TIME) {
            link.receiveOne(asksHead(action), reporter, () -> connection.forgetLink(link));
        } else {
            link.receive(s.config().recvChunkSize(), reporter, () -> connection.forgetLink(link));
        }
    }

    /** A HEAD request, from the form or, in a custom packet, from its request line. */
    private static boolean asksHead(HttpAction action) {
        if (action instanceof HttpAction.Custom custom) {
            byte[] packet = custom.postContent();
            return new String(packet, 0, Math.min(5, packet.length), java.nio.charset.StandardCharsets.US_ASCII)
                    .equals("HEAD ");
        }
        return action instanceof HttpAction.Head;
    }

    /** An open link that no earlier request is still reading from, if PPP is up. */
    Optional<HttpLink> openLink(CommandContext c) {
        ModuleState s = c.state();
        if (!s.pppUp()) {
            return Optional.empty();
        }
        return scheme.connection(s).idleLink();
    }

    /** CLOSE: closes the socket and clears PARA (HTTPSCFG stays); the URC only when a link was open. */
    void close(CommandContext c) {
        HttpConnection connection = scheme.connection(c.state());
        Optional<HttpLink> link = connection.link();
        connection.closeLink();
        connection.settings(HttpSettings.cleared());
        c.reply().ok();
        if (link.isPresent()) {
            c.reply().urc(scheme.closedByHost);
        }
    }
}
