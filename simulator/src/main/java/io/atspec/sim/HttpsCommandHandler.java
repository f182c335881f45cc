package io.atspec.sim;

import io.atspec.neoway.http.AuthMode;
import io.atspec.neoway.http.FileHttpAction;
import io.atspec.neoway.http.FileHttpError;
import io.atspec.neoway.http.FileHttpsAction;
import io.atspec.neoway.http.HttpAction;
import io.atspec.neoway.http.HttpRequests;
import io.atspec.neoway.http.HttpsAction;
import io.atspec.neoway.http.HttpsCfg;
import io.atspec.neoway.http.HttpsClose;
import io.atspec.neoway.http.HttpsGet;
import io.atspec.neoway.http.HttpsGetStat;
import io.atspec.neoway.http.HttpsPara;
import io.atspec.neoway.http.HttpsSetup;
import io.atspec.neoway.http.RecvMode;
import io.atspec.neoway.http.ContentType;
import io.atspec.neoway.network.CmeError;
import io.atspec.runtime.bind.AtRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The HTTPS twins of manual chapter 9 (9.10-9.18, 9.22) over real TLS (javax.net.ssl), and the
 * file-system requests AT+FILEHTTPACTION / AT+FILEHTTPSACTION with +FILEHTTPSTAT (9.19-9.21),
 * decoded with the generated {@link HttpRequests}. Comes before {@link HttpCommandHandler} in the
 * session's handler list.
 */
final class HttpsCommandHandler implements CommandHandler {

    private static final System.Logger LOG = System.getLogger(HttpsCommandHandler.class.getName());

    static final String LINK_CLOSED_BY_HOST = "+HTTPSCLOSE: HTTPS Link Closed";
    static final String FILE_STAT = "+FILEHTTPSTAT: ";

    private static final CommandNames NAMES = CommandNames.of(HttpsCfg.NAME, HttpsCfg.ALIASES, HttpsPara.NAME,
            HttpsPara.ALIASES, HttpsSetup.NAME, HttpsSetup.ALIASES, HttpsAction.NAME, HttpsAction.ALIASES,
            HttpsClose.NAME, HttpsClose.ALIASES, HttpsGet.NAME, HttpsGet.ALIASES, HttpsGetStat.NAME,
            HttpsGetStat.ALIASES, FileHttpAction.NAME, FileHttpAction.ALIASES, FileHttpsAction.NAME,
            FileHttpsAction.ALIASES);

    /** POST content or custom packet, manual 9.13: "ranging from 1 to 2048". */
    private static final int MAX_PAYLOAD = 2048;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final String RANGES = "+HTTPSCFG: (0-3),(0-2),,,";

    /** AT+HTTPSGET and its outcome. */
    private final HttpDownloads downloads;

    HttpsCommandHandler(HttpDownloads httpsDownloads) {
        this.downloads = httpsDownloads;
    }

    @Override
    public boolean handle(String line, CommandContext c) throws IOException {
        if (!NAMES.names(line)) {
            return false;
        }
        OptionalInt promptLength = HttpRequests.promptLength(line);
        byte[] payload = null;
        if (promptLength.isPresent()) {
            int length = promptLength.getAsInt();
            Optional<AtRequest> probe = length < 1 || length > MAX_PAYLOAD
                    ? Optional.empty()
                    : HttpRequests.parse(line, new byte[length]);
            if (probe.isEmpty() || !(probe.get() instanceof HttpsAction)) {
                c.reply().cme(CmeError.INCORRECT_PARAMETERS);
                return true;
            }
            if (openLink(c).isEmpty()) {
                // No link: no prompt. HTTPSACTION has no failure line of its own.
                c.reply().error();
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
        if (request instanceof HttpsCfg cfg) {
            cfg(cfg, c);
        } else if (request instanceof HttpsPara para) {
            para(para, c);
        } else if (request instanceof HttpsSetup) {
            setup(c);
        } else if (request instanceof HttpsAction action) {
            action(action, c);
        } else if (request instanceof HttpsClose) {
            close(c);
        } else if (request instanceof HttpsGet.Set get) {
            downloads.start(get, c);
        } else if (request instanceof HttpsGetStat.Query) {
            c.reply().info(downloads.statLine());
            c.reply().ok();
        } else if (request instanceof FileHttpAction file) {
            if (file instanceof FileHttpAction.Get get) {
                fileGet(false, get.offset(), get.size(), c);
            } else if (file instanceof FileHttpAction.Post post) {
                filePost(false, post.length(), post.type(), post.dirFilename(), c);
            }
        } else if (request instanceof FileHttpsAction file) {
            if (file instanceof FileHttpsAction.Get get) {
                fileGet(true, get.offset(), get.size(), c);
            } else if (file instanceof FileHttpsAction.Post post) {
                filePost(true, post.length(), post.type(), post.dirFilename(), c);
            }
        } else {
            c.reply().cme(CmeError.OPERATION_NOT_SUPPORTED);
        }
        return true;
    }

    /** 9.10: settings are checked as far as they can be when set; the CA file is read at set-up. */
    private static void cfg(HttpsCfg cfg, CommandContext c) {
        ModuleState s = c.state();
        TlsSettings t = s.tls();
        if (cfg instanceof HttpsCfg.Sslversion v) {
            if (TlsConnector.protocol(v.sslversion()).isEmpty()) {
                // SSL 3.0 (and TLS 1.0/1.1 where the JDK disables them): not supported.
                c.reply().cme(CmeError.OPERATION_NOT_SUPPORTED);
                return;
            }
            s.tls(t.withSslversion(v.sslversion()));
        } else if (cfg instanceof HttpsCfg.Authmode m) {
            if (m.authmode() == AuthMode.SERVER_AND_CLIENT) {
                // Client certificates are not simulated.
                c.reply().cme(CmeError.OPERATION_NOT_SUPPORTED);
                return;
            }
            s.tls(t.withAuthmode(m.authmode()));
        } else if (cfg instanceof HttpsCfg.Ciphersuite v) {
            s.tls(t.withCiphersuite(v.ciphersuite()));
        } else if (cfg instanceof HttpsCfg.Cacert v) {
            s.tls(t.withCacert(v.cacert()));
        } else if (cfg instanceof HttpsCfg.Clientcert v) {
            s.tls(t.withClientcert(v.clientcert()));
        } else if (cfg instanceof HttpsCfg.Clientkey v) {
            s.tls(t.withClientkey(v.clientkey()));
        } else if (cfg instanceof HttpsCfg.Sni v) {
            s.tls(t.withSni(v.sni()));
        } else if (cfg instanceof HttpsCfg.Query) {
            c.reply().info(t.queryLine());
        } else if (cfg instanceof HttpsCfg.Test) {
            c.reply().info(RANGES);
        }
        c.reply().ok();
    }

    private static void para(HttpsPara para, CommandContext c) {
        ModuleState s = c.state();
        if (para instanceof HttpsPara.Url url) {
            s.https(s.https().withUrl(url.url()));
        } else if (para instanceof HttpsPara.Port port) {
            s.https(s.https().withPort(port.port()));
        } else if (para instanceof HttpsPara.Keepalive keepalive) {
            s.https(s.https().withKeepalive(keepalive.keepalive()));
        } else if (para instanceof HttpsPara.Recvmode recvmode) {
            s.https(s.https().withRecvmode(recvmode.recvmode()));
        }
        c.reply().ok();
    }

    /**
     * 9.12: needs PPP and a url; connects and completes the TLS handshake at once, so a server
     * the HTTPSCFG settings do not trust (wrong CA, missing CA file) fails here with ERROR.
     */
    private static void setup(CommandContext c) {
        ModuleState s = c.state();
        HttpSettings settings = s.https();
        if (!s.pppUp() || settings.url().isEmpty()) {
            c.reply().error();
            return;
        }
        HttpTarget target;
        try {
            target = HttpTarget.of(settings.url().get(), settings.port(), 443);
        } catch (IllegalArgumentException badUrl) {
            c.reply().error();
            return;
        }
        s.httpsLink().ifPresent(HttpLink::close);
        s.httpsLink(null);
        try {
            s.httpsLink(HttpLink.connect(target, CONNECT_TIMEOUT, tls(target, s)));
            c.reply().ok();
        } catch (IOException failed) {
            LOG.log(System.Logger.Level.DEBUG, () -> "HTTPS set-up to " + target + " failed: " + failed);
            c.reply().error();
        }
    }

    private static HttpLink.Upgrade tls(HttpTarget target, ModuleState s) {
        TlsSettings settings = s.tls();
        return plain -> TlsConnector.handshake(plain, target, settings, s.files());
    }

    /** 9.13: as HTTPACTION, with +HTTPSRECV reports ending in +HTTPSCLOSED. */
    private static void action(HttpsAction action, CommandContext c) {
        ModuleState s = c.state();
        Optional<HttpLink> open = openLink(c);
        if (open.isEmpty()) {
            c.reply().error();
            return;
        }
        HttpLink link = open.get();
        HttpSettings settings = s.https();
        try {
            link.send(HttpRequestWriter.request(asHttp(action), link.target(), settings.keepalive()));
        } catch (IOException sendFailed) {
            link.close();
            s.forgetHttpsLink(link);
            c.reply().error();
            return;
        }
        c.reply().ok();
        ModuleOutput out = c.reply().output();
        RecvReporter reporter = settings.recvmode() == RecvMode.LENGTH
                ? RecvReporter.lengthFramed(out, RecvReporter.HTTPS)
                : RecvReporter.raw(out, RecvReporter.HTTPS);
        link.receive(s.config().recvChunkSize(), reporter, () -> s.forgetHttpsLink(link));
    }

    private static HttpAction asHttp(HttpsAction action) {
        if (action instanceof HttpsAction.Get get) {
            return get.offset().isPresent()
                    ? HttpAction.get(get.offset().getAsInt(), get.size().getAsInt())
                    : HttpAction.get();
        } else if (action instanceof HttpsAction.Head) {
            return HttpAction.head();
        } else if (action instanceof HttpsAction.Post post) {
            return post.type().map(t -> HttpAction.post(post.postContent(), t))
                    .orElseGet(() -> HttpAction.post(post.postContent()));
        } else if (action instanceof HttpsAction.Custom custom) {
            return HttpAction.custom(custom.postContent());
        }
        throw new IllegalArgumentException("no HTTP request for " + action);
    }

    private static Optional<HttpLink> openLink(CommandContext c) {
        return openLink(c, true);
    }

    /** An open link of that kind no earlier request is still reading from, if PPP is up. */
    private static Optional<HttpLink> openLink(CommandContext c, boolean https) {
        ModuleState s = c.state();
        if (!s.pppUp()) {
            return Optional.empty();
        }
        return (https ? s.httpsLink() : s.link()).filter(l -> l.isOpen() && !l.receiving());
    }

    /** 9.14: closes the socket, clears HTTPSPARA (edition v1); HTTPSCFG stays. */
    private static void close(CommandContext c) {
        ModuleState s = c.state();
        Optional<HttpLink> link = s.httpsLink();
        link.ifPresent(HttpLink::close);
        s.httpsLink(null);
        s.https(HttpSettings.cleared());
        c.reply().ok();
        if (link.isPresent()) {
            c.reply().urc(LINK_CLOSED_BY_HOST);
        }
    }

    /**
     * 9.19/9.20 GET: a ranged GET on the set-up link; the body is written at {@code offset} of
     * the file named after the url (a 200 answer, which ignored the range, is written at 0).
     * OK, then {@code +FILEHTTPSTAT: 0,1,<length>}, or {@code +FILEHTTPSTAT: 0,0} on failure.
     */
    private static void fileGet(boolean https, int offset, int size, CommandContext c) {
        Optional<HttpLink> open = fileLink(https, c);
        if (open.isEmpty()) {
            return;
        }
        HttpLink link = open.get();
        ModuleState s = c.state();
        HttpSettings settings = https ? s.https() : s.http();
        byte[] request = HttpRequestWriter.request(HttpAction.get(offset, size), link.target(), settings.keepalive());
        String name = ModuleFiles.downloadName(link.target());
        inBackground(https, link, request, c, "0", response -> {
            if (response.status() / 100 != 2) {
                return null;
            }
            s.files().write(name, response.status() == 206 ? offset : 0, response.body());
            return response.body().length;
        });
    }

    /**
     * 9.19/9.20 POST: the first {@code length} bytes of {@code file} from the module's file system.
     * OK, then {@code +FILEHTTPSTAT: 1,1,<length>} on a 2xx answer, else {@code +FILEHTTPSTAT: 1,0}.
     */
    private static void filePost(boolean https, int length, ContentType type, String file, CommandContext c) {
        ModuleState s = c.state();
        if (!s.pppUp()) {
            pdpNotActive(c);
            return;
        }
        Optional<byte[]> content = s.files().get(file);
        if (content.isEmpty() || content.get().length < length) {
            c.reply().cme(CmeError.INCORRECT_PARAMETERS);
            return;
        }
        Optional<HttpLink> open = fileLink(https, c);
        if (open.isEmpty()) {
            return;
        }
        HttpLink link = open.get();
        HttpSettings settings = https ? s.https() : s.http();
        byte[] body = Arrays.copyOf(content.get(), length);
        byte[] request = HttpRequestWriter.post(link.target(), settings.keepalive(), type, body);
        inBackground(https, link, request, c, "1", response -> response.status() / 100 == 2 ? length : null);
    }

    /** The set-up link for a file request; answers the error itself when there is none. */
    private static Optional<HttpLink> fileLink(boolean https, CommandContext c) {
        if (!c.state().pppUp()) {
            pdpNotActive(c);
            return Optional.empty();
        }
        Optional<HttpLink> link = openLink(c, https);
        if (link.isEmpty()) {
            // "Establish a HTTP connection before executing this command."
            c.reply().cme(CmeError.OPERATION_NOT_ALLOWED);
        }
        return link;
    }

    private static void pdpNotActive(CommandContext c) {
        FileHttpError e = FileHttpError.PDP_NOT_ACTIVE;
        c.reply().cme(Integer.parseInt(e.code()), e.description());
    }

    /** What a file request makes of the server's answer: the length to report, or null for failure. */
    @FunctionalInterface
    private interface Outcome {
        Integer of(HttpResponse response);
    }

    private static void inBackground(boolean https, HttpLink link, byte[] request, CommandContext c, String mode,
            Outcome outcome) {
        ModuleState s = c.state();
        try {
            link.send(request);
        } catch (IOException sendFailed) {
            link.close();
            forget(https, s, link);
            c.reply().error();
            return;
        }
        c.reply().ok();
        Thread t = new Thread(() -> {
            String report;
            try {
                Integer length = outcome.of(HttpResponse.parse(link.readAll()));
                report = length == null ? mode + ",0" : mode + ",1," + length;
            } catch (IOException | IllegalArgumentException failed) {
                report = mode + ",0";
            } finally {
                forget(https, s, link);
            }
            try {
                c.reply().urc(FILE_STAT + report);
            } catch (UncheckedIOException hostGone) {
                // Nobody left to tell.
            }
        }, "sim-file-http-" + link.target().hostHeader());
        t.setDaemon(true);
        t.start();
    }

    private static void forget(boolean https, ModuleState s, HttpLink link) {
        if (https) {
            s.forgetHttpsLink(link);
        } else {
            s.forgetLink(link);
        }
    }
}
