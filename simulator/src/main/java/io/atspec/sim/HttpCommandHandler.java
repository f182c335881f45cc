package io.atspec.sim;

import io.atspec.neoway.http.HttpAction;
import io.atspec.neoway.http.HttpClose;
import io.atspec.neoway.http.HttpGet;
import io.atspec.neoway.http.HttpGetStat;
import io.atspec.neoway.http.HttpPara;
import io.atspec.neoway.http.HttpRequests;
import io.atspec.neoway.http.HttpSetup;
import io.atspec.neoway.http.HttpsAction;
import io.atspec.neoway.http.HttpsCfg;
import io.atspec.neoway.http.HttpsClose;
import io.atspec.neoway.http.HttpsGet;
import io.atspec.neoway.http.HttpsGetStat;
import io.atspec.neoway.http.HttpsPara;
import io.atspec.neoway.http.HttpsSetup;
import io.atspec.neoway.http.FileHttpAction;
import io.atspec.neoway.http.FileHttpsAction;
import io.atspec.neoway.http.RecvMode;
import io.atspec.neoway.network.CmeError;
import io.atspec.runtime.bind.AtRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The HTTP commands of manual chapter 9 (9.1-9.4, 9.6-9.8), decoded with the generated
 * {@link HttpRequests}, performed over real TCP connections.
 */
final class HttpCommandHandler implements CommandHandler {

    static final String SOCKET_OPEN_FAILED = "+HTTPACTION: SOCKET ID OPEN FAILED";
    static final String SEND_FAILED = "+HTTPSEND: ERROR";
    static final String LINK_CLOSED_BY_HOST = "+HTTPCLOSE: HTTP Link Closed";

    private static final CommandNames NAMES = CommandNames.of(HttpPara.NAME, HttpPara.ALIASES, HttpSetup.NAME,
            HttpSetup.ALIASES, HttpAction.NAME, HttpAction.ALIASES, HttpClose.NAME, HttpClose.ALIASES,
            HttpGet.NAME, HttpGet.ALIASES, HttpGetStat.NAME, HttpGetStat.ALIASES, HttpsCfg.NAME, HttpsCfg.ALIASES,
            HttpsPara.NAME, HttpsPara.ALIASES, HttpsSetup.NAME, HttpsSetup.ALIASES, HttpsAction.NAME,
            HttpsAction.ALIASES, HttpsClose.NAME, HttpsClose.ALIASES, HttpsGet.NAME, HttpsGet.ALIASES,
            HttpsGetStat.NAME, HttpsGetStat.ALIASES, FileHttpAction.NAME, FileHttpAction.ALIASES,
            FileHttpsAction.NAME, FileHttpsAction.ALIASES);

    /** POST content or custom packet, manual 9.3: "2048 at most". */
    private static final int MAX_PAYLOAD = 2048;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpDownloads downloads;

    HttpCommandHandler(HttpDownloads downloads) {
        this.downloads = downloads;
    }

    @Override
    public boolean handle(String line, CommandContext c) throws IOException {
        if (!NAMES.names(line)) {
            return false;
        }
        OptionalInt promptLength = HttpRequests.promptLength(line);
        byte[] payload = null;
        if (promptLength.isPresent()) {
            // Check everything the line says before prompting: a bad type or length never
            // gets a '>', and neither does a request that cannot go anywhere.
            int length = promptLength.getAsInt();
            Optional<AtRequest> probe = length < 1 || length > MAX_PAYLOAD
                    ? Optional.empty()
                    : HttpRequests.parse(line, new byte[length]);
            if (probe.isEmpty()) {
                c.reply().cme(CmeError.INCORRECT_PARAMETERS);
                return true;
            }
            if (!(probe.get() instanceof HttpAction)) {
                c.reply().cme(CmeError.OPERATION_NOT_SUPPORTED);
                return true;
            }
            if (openLink(c).isEmpty()) {
                c.reply().finalLine(SOCKET_OPEN_FAILED);
                return true;
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
            return true;
        }
        AtRequest request = parsed.get();
        if (request instanceof HttpPara para) {
            para(para, c);
        } else if (request instanceof HttpSetup) {
            setup(c);
        } else if (request instanceof HttpAction action) {
            action(action, c);
        } else if (request instanceof HttpClose) {
            close(c);
        } else if (request instanceof HttpGet.Set get) {
            downloads.start(get, c);
        } else if (request instanceof HttpGetStat.Query) {
            c.reply().info(downloads.statLine());
            c.reply().ok();
        } else {
            // HTTPS and file-system lines never get here: HttpsCommandHandler comes first.
            c.reply().cme(CmeError.OPERATION_NOT_SUPPORTED);
        }
        return true;
    }

    private static void para(HttpPara para, CommandContext c) {
        ModuleState s = c.state();
        if (para instanceof HttpPara.Url url) {
            s.http(s.http().withUrl(url.url()));
        } else if (para instanceof HttpPara.Port port) {
            s.http(s.http().withPort(port.port()));
        } else if (para instanceof HttpPara.Keepalive keepalive) {
            s.http(s.http().withKeepalive(keepalive.keepalive()));
        } else if (para instanceof HttpPara.Recvmode recvmode) {
            s.http(s.http().withRecvmode(recvmode.recvmode()));
        }
        c.reply().ok();
    }

    /** 9.2: needs the PPP link and a url; connects at once. The manual's failure is plain ERROR. */
    private static void setup(CommandContext c) {
        ModuleState s = c.state();
        HttpSettings settings = s.http();
        if (!s.pppUp() || settings.url().isEmpty()) {
            c.reply().error();
            return;
        }
        HttpTarget target;
        try {
            target = HttpTarget.of(settings.url().get(), settings.port());
        } catch (IllegalArgumentException badUrl) {
            c.reply().error();
            return;
        }
        s.link().ifPresent(HttpLink::close);
        s.link(null);
        try {
            s.link(HttpLink.connect(target, CONNECT_TIMEOUT));
            c.reply().ok();
        } catch (IOException unreachable) {
            c.reply().error();
        }
    }

    /**
     * 9.3: the OK acknowledges; the response follows as +HTTPRECV URCs, then +HTTPCLOSED.
     * Without PPP or a set-up link: {@code +HTTPACTION: SOCKET ID OPEN FAILED}.
     */
    private static void action(HttpAction action, CommandContext c) {
        ModuleState s = c.state();
        Optional<HttpLink> open = openLink(c);
        if (open.isEmpty()) {
            c.reply().finalLine(SOCKET_OPEN_FAILED);
            return;
        }
        HttpLink link = open.get();
        HttpSettings settings = s.http();
        try {
            link.send(HttpRequestWriter.request(action, link.target(), settings.keepalive()));
        } catch (IOException sendFailed) {
            link.close();
            s.forgetLink(link);
            c.reply().finalLine(SEND_FAILED);
            return;
        }
        c.reply().ok();
        ModuleOutput out = c.reply().output();
        RecvReporter reporter = settings.recvmode() == RecvMode.LENGTH
                ? RecvReporter.lengthFramed(out)
                : RecvReporter.raw(out);
        link.receive(s.config().recvChunkSize(), reporter, () -> s.forgetLink(link));
    }

    /** An open link that no earlier request is still reading from, if PPP is up. */
    private static Optional<HttpLink> openLink(CommandContext c) {
        ModuleState s = c.state();
        if (!s.pppUp()) {
            return Optional.empty();
        }
        return s.link().filter(l -> l.isOpen() && !l.receiving());
    }

    /** 9.4: closes the socket, clears HTTPPARA; only OK when no link was open. */
    private static void close(CommandContext c) {
        ModuleState s = c.state();
        Optional<HttpLink> link = s.link();
        link.ifPresent(HttpLink::close);
        s.link(null);
        s.http(HttpSettings.cleared());
        c.reply().ok();
        if (link.isPresent()) {
            c.reply().urc(LINK_CLOSED_BY_HOST);
        }
    }
}
