package io.atspec.sim;

import io.atspec.neoway.http.AuthMode;
import io.atspec.neoway.http.FileHttpAction;
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
import io.atspec.neoway.network.CmeError;
import io.atspec.runtime.bind.AtRequest;
import java.io.IOException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The HTTPS twins of manual chapter 9 (9.10-9.18, 9.22) over real TLS (javax.net.ssl), and the
 * file-system requests AT+FILEHTTPACTION / AT+FILEHTTPSACTION with +FILEHTTPSTAT (9.19-9.21),
 * decoded with the generated {@link HttpRequests}. Only AT+HTTPSCFG is HTTPS's own; the rest is
 * {@link HttpLinkCommands}, {@link HttpDownloads} and {@link FileHttpRequests}. Comes before
 * {@link HttpCommandHandler} in the session's handler list.
 */
final class HttpsCommandHandler implements CommandHandler {

    private static final CommandNames NAMES = CommandNames.of(
            HttpsCfg.NAME,
            HttpsCfg.ALIASES,
            HttpsPara.NAME,
            HttpsPara.ALIASES,
            HttpsSetup.NAME,
            HttpsSetup.ALIASES,
            HttpsAction.NAME,
            HttpsAction.ALIASES,
            HttpsClose.NAME,
            HttpsClose.ALIASES,
            HttpsGet.NAME,
            HttpsGet.ALIASES,
            HttpsGetStat.NAME,
            HttpsGetStat.ALIASES,
            FileHttpAction.NAME,
            FileHttpAction.ALIASES,
            FileHttpsAction.NAME,
            FileHttpsAction.ALIASES);

    private static final String RANGES = "+HTTPSCFG: (0-3),(0-2),,,";

    private final HttpLinkCommands link = new HttpLinkCommands(HttpScheme.HTTPS);
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
        Optional<AtRequest> parsed = link.parse(line, c, HttpsAction.class, CmeError.INCORRECT_PARAMETERS);
        if (parsed.isEmpty()) {
            return true;
        }
        AtRequest request = parsed.get();
        if (request instanceof HttpsCfg cfg) {
            cfg(cfg, c);
        } else if (request instanceof HttpsPara para) {
            link.para(change(para), c);
        } else if (request instanceof HttpsSetup) {
            link.setup(c);
        } else if (request instanceof HttpsAction action) {
            link.action(asHttp(action), c);
        } else if (request instanceof HttpsClose) {
            link.close(c);
        } else if (request instanceof HttpsGet.SetForm get) {
            downloads.start(get.type(), get.checkValue(), c);
        } else if (request instanceof HttpsGetStat.Query) {
            c.reply().info(downloads.statLine());
            c.reply().ok();
        } else if (request instanceof FileHttpAction file) {
            if (file instanceof FileHttpAction.Get get) {
                FileHttpRequests.get(HttpScheme.HTTP, get.offset(), get.size(), c);
            } else if (file instanceof FileHttpAction.Post post) {
                FileHttpRequests.post(HttpScheme.HTTP, post.length(), post.type(), post.dirFilename(), c);
            }
        } else if (request instanceof FileHttpsAction file) {
            if (file instanceof FileHttpsAction.Get get) {
                FileHttpRequests.get(HttpScheme.HTTPS, get.offset(), get.size(), c);
            } else if (file instanceof FileHttpsAction.Post post) {
                FileHttpRequests.post(HttpScheme.HTTPS, post.length(), post.type(), post.dirFilename(), c);
            }
        } else {
            c.reply().cme(CmeError.OPERATION_NOT_SUPPORTED);
        }
        return true;
    }

    /** 9.10: settings are stored (authmode 2 is refused); the CA file and the SSL version are tried at set-up. */
    private static void cfg(HttpsCfg cfg, CommandContext c) {
        ModuleState s = c.state();
        TlsSettings t = s.tls();
        if (cfg instanceof HttpsCfg.SslversionForm v) {
            // Stored as the manual's example shows (OK for SSL 3.0 too); a version this JDK
            // cannot speak (SSL 3.0, TLS 1.0/1.1 where disabled) fails at AT+HTTPSSETUP.
            s.tls(t.withSslversion(v.sslversion()));
        } else if (cfg instanceof HttpsCfg.AuthmodeForm m) {
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

    /** The setting an AT+HTTPSPARA line changes. */
    private static UnaryOperator<HttpSettings> change(HttpsPara para) {
        if (para instanceof HttpsPara.Url url) {
            return s -> s.withUrl(url.url());
        } else if (para instanceof HttpsPara.Port port) {
            return s -> s.withPort(port.port());
        } else if (para instanceof HttpsPara.KeepaliveForm keepalive) {
            return s -> s.withKeepalive(keepalive.keepalive());
        } else if (para instanceof HttpsPara.RecvmodeForm recvmode) {
            return s -> s.withRecvmode(recvmode.recvmode());
        }
        return UnaryOperator.identity();
    }

    /** 9.13 is HTTPACTION over TLS: the same request, so the same writer. */
    private static HttpAction asHttp(HttpsAction action) {
        if (action instanceof HttpsAction.Get get) {
            return get.offset().isPresent()
                    ? HttpAction.get(get.offset().getAsInt(), get.size().getAsInt())
                    : HttpAction.get();
        } else if (action instanceof HttpsAction.Head) {
            return HttpAction.head();
        } else if (action instanceof HttpsAction.Post post) {
            return post.type()
                    .map(t -> HttpAction.post(post.postContent(), t))
                    .orElseGet(() -> HttpAction.post(post.postContent()));
        } else if (action instanceof HttpsAction.Custom custom) {
            return HttpAction.custom(custom.postContent());
        }
        throw new IllegalArgumentException("no HTTP request for " + action);
    }
}
