package io.atspec.neoway.http.client;

import io.atspec.neoway.http.ContentType;
import io.atspec.neoway.http.HttpAction;
import io.atspec.neoway.http.HttpCommands;
import io.atspec.neoway.http.HttpPara;
import io.atspec.neoway.http.HttpSetup;
import io.atspec.neoway.http.HttpsAction;
import io.atspec.neoway.http.HttpsCfg;
import io.atspec.neoway.http.HttpsPara;
import io.atspec.neoway.http.HttpsSetup;
import io.atspec.neoway.http.RecvMode;
import io.atspec.neoway.network.LinkState;
import io.atspec.neoway.network.NetworkCommands;
import io.atspec.neoway.network.Xiic;
import io.atspec.neoway.network.XiicResponse;
import io.atspec.runtime.AtChannel;
import io.atspec.runtime.AtException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP(S) client over a Neoway module, on the generated bindings: does the manual's sequencing
 * for the caller. For each request: the data link is checked ({@code AT+XIIC?} state 1, else
 * {@code AT+XIIC=1} and polling), then HTTP(S)PARA url and port, recvmode 1 (length-framed data,
 * safe for any bytes), HTTP(S)SETUP, HTTP(S)ACTION, and the data until the link closes, parsed
 * as an HTTP response.
 *
 * <pre>{@code
 * NeowayHttpClient client = new NeowayHttpClient(channel);
 * HttpResult page = client.get("http://example.com/index.html");
 * client.https(HttpsOptions.serverCheckedBy("ca.pem"));
 * HttpResult api = client.post("https://example.com/api", json, ContentType.JSON);
 * }</pre>
 *
 * URLs are {@code http://host[:port]/path} or {@code https://...}; without a scheme, http.
 * One module has one HTTP and one HTTPS link: calls are not meant to overlap.
 */
public final class NeowayHttpClient {

    private static final Pattern URL =
            Pattern.compile("(?i)(?:(https?)://)?([^/:?#]+)(?::(\\d+))?([/?][^#]*)?(?:#.*)?");
    /** Content-Range of a 206 (bytes a-b/N) or a 416 (bytes *&#47;N). */
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");

    private final HttpCommands http;
    private final NetworkCommands net;
    private volatile Duration attachTimeout = Duration.ofSeconds(60);
    private volatile Duration completionTimeout = Duration.ofSeconds(60);

    /**
     * A client over the module on {@code channel}.
     *
     * @param channel the channel to the module
     */
    public NeowayHttpClient(AtChannel channel) {
        this(new HttpCommands(channel), new NetworkCommands(channel));
    }

    /**
     * A client over facades made by the caller, for instance for another manual edition.
     *
     * @param http the HTTP chapter's commands
     * @param net the network chapter's commands, on the same channel
     */
    public NeowayHttpClient(HttpCommands http, NetworkCommands net) {
        this.http = Objects.requireNonNull(http, "http");
        this.net = Objects.requireNonNull(net, "net");
    }

    /**
     * How long {@code AT+XIIC=1} may take to bring the data link up (default 60 s).
     *
     * @param timeout the longest wait
     * @return this client
     */
    public NeowayHttpClient attachTimeout(Duration timeout) {
        this.attachTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * How long a response may take after the request's OK (default 60 s).
     *
     * @param timeout the longest wait
     * @return this client
     */
    public NeowayHttpClient completionTimeout(Duration timeout) {
        this.completionTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /**
     * Configures the module's TLS for https:// URLs now (AT+HTTPSCFG sslversion, authmode, cacert).
     *
     * @param options the TLS settings
     * @return this client
     */
    public NeowayHttpClient https(HttpsOptions options) {
        call("AT+HTTPSCFG", () -> {
            options.sslVersion().ifPresent(v -> http.httpsCfg(HttpsCfg.sslversion(v)));
            http.httpsCfg(HttpsCfg.authmode(options.authMode()));
            options.caFile().ifPresent(ca -> http.httpsCfg(HttpsCfg.cacert(ca)));
        });
        return this;
    }

    /**
     * GET of {@code url}.
     *
     * @param url {@code http://host[:port]/path} or {@code https://...}
     * @return the response
     */
    public HttpResult get(String url) {
        Target t = Target.of(url);
        prepare(t);
        return exchange(t, Request.GET, null, null, 0, 0);
    }

    /**
     * HEAD of {@code url}: the status and header fields, no body.
     *
     * @param url {@code http://host[:port]/path} or {@code https://...}
     * @return the response, its body empty
     */
    public HttpResult head(String url) {
        Target t = Target.of(url);
        prepare(t);
        return exchange(t, Request.HEAD, null, null, 0, 0);
    }

    /**
     * POST of 1 to 2048 bytes (the module's limit), with the Content-Type of {@code type}.
     *
     * @param url {@code http://host[:port]/path} or {@code https://...}
     * @param body the bytes to send
     * @param type the Content-Type the module announces
     * @return the response
     */
    public HttpResult post(String url, byte[] body, ContentType type) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(type, "type");
        Target t = Target.of(url);
        prepare(t);
        return exchange(t, Request.POST, body, type, 0, 0);
    }

    /**
     * Downloads {@code url} into {@code out} in ranged GETs of {@code pieceSize} bytes, each after
     * its own HTTP(S)SETUP (the server closes the link after every response), the total size
     * taken from {@code Content-Range: bytes a-b/N}. A server that ignores the range (200) gives
     * the whole file at once.
     *
     * @param url {@code http://host[:port]/path} or {@code https://...}
     * @param out where the bytes go, in order
     * @param pieceSize the most bytes one GET asks for
     * @return the number of bytes written
     */
    public long download(String url, OutputStream out, int pieceSize) {
        if (pieceSize < 1) {
            throw new IllegalArgumentException("pieceSize must be >= 1, was " + pieceSize);
        }
        Target t = Target.of(url);
        prepare(t);
        long offset = 0;
        long total = -1;
        while (total < 0 || offset < total) {
            int size = total < 0 ? pieceSize : (int) Math.min(pieceSize, total - offset);
            HttpResult piece = offset == 0 && total < 0
                    ? exchange(t, Request.RANGE, null, null, 0, size)
                    : exchangeAgain(t, offset, size);
            if (piece.status() == 200) {
                write(out, piece.body());
                return piece.body().length;
            }
            Matcher range = piece.headers()
                    .first("Content-Range")
                    .map(CONTENT_RANGE::matcher)
                    .filter(Matcher::matches)
                    .orElseThrow(() -> new NeowayHttpException("GET " + url + " bytes " + "from " + piece.status() + " "
                            + piece.reason() + " without a usable Content-Range"));
            if (range.group(3).equals("*")) {
                throw new NeowayHttpException("GET " + url + ": the server does not tell the total size");
            }
            total = Long.parseLong(range.group(3));
            if (piece.status() == 416) {
                if (offset >= total) {
                    break;
                }
                throw new NeowayHttpException(
                        "GET " + url + ": range at " + offset + " not satisfiable, size " + total);
            }
            if (piece.status() != 206) {
                throw new NeowayHttpException(
                        "GET " + url + " at " + offset + ": " + piece.status() + " " + piece.reason());
            }
            long first = Long.parseLong(range.group(1));
            if (first != offset || piece.body().length == 0) {
                throw new NeowayHttpException(
                        "GET " + url + ": asked for bytes from " + offset + ", got " + range.group());
            }
            write(out, piece.body());
            offset += piece.body().length;
        }
        return offset;
    }

    private HttpResult exchangeAgain(Target t, long offset, int size) {
        if (offset > Integer.MAX_VALUE) {
            throw new NeowayHttpException("offset " + offset + " is beyond what AT+HTTPACTION can ask for");
        }
        return exchange(t, Request.RANGE, null, null, (int) offset, size);
    }

    private static void write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private enum Request {
        GET,
        HEAD,
        POST,
        RANGE
    }

    /** The data link, then url, port and recvmode 1. */
    private void prepare(Target t) {
        ensureAttached();
        call(t.https ? "AT+HTTPSPARA" : "AT+HTTPPARA", () -> {
            if (t.https) {
                http.httpsPara(HttpsPara.url(t.moduleUrl));
                http.httpsPara(HttpsPara.port(t.port));
                http.httpsPara(HttpsPara.recvmode(RecvMode.LENGTH));
            } else {
                http.httpPara(HttpPara.url(t.moduleUrl));
                http.httpPara(HttpPara.port(t.port));
                http.httpPara(HttpPara.recvmode(RecvMode.LENGTH));
            }
        });
    }

    /** {@code AT+XIIC?} state 1, else {@code AT+XIIC=1} and poll until it is. */
    private void ensureAttached() {
        XiicResponse state = call("AT+XIIC?", () -> net.xiicQuery());
        if (!state.stateIs(LinkState.UP)) {
            call("AT+XIIC=1", () -> net.xiic(Xiic.activate(), attachTimeout));
        }
    }

    private HttpResult exchange(Target t, Request kind, byte[] body, ContentType type, int offset, int size) {
        String what = kind + " " + t;
        byte[] raw = call(what, () -> {
            if (t.https) {
                http.httpsSetup(HttpsSetup.exec());
                HttpsAction action = switch (kind) {
                    case GET -> HttpsAction.get();
                    case HEAD -> HttpsAction.head();
                    case POST -> HttpsAction.post(body, type);
                    case RANGE -> HttpsAction.get(offset, size);
                };
                return http.httpsAction(action, completionTimeout).data();
            }
            http.httpSetup(HttpSetup.exec());
            HttpAction action = switch (kind) {
                case GET -> HttpAction.get();
                case HEAD -> HttpAction.head();
                case POST -> HttpAction.post(body, type);
                case RANGE -> HttpAction.get(offset, size);
            };
            return http.httpAction(action, completionTimeout).data();
        });
        if (raw.length == 0) {
            throw new NeowayHttpException(what + ": the link closed without a response");
        }
        return HttpResponseParser.parse(raw, kind == Request.HEAD);
    }

    private interface Step<T> {
        T run();
    }

    private static <T> T call(String what, Step<T> step) {
        try {
            return step.run();
        } catch (AtException e) {
            throw new NeowayHttpException(what + " failed: " + e.getMessage(), e);
        }
    }

    private static void call(String what, Runnable step) {
        call(what, () -> {
            step.run();
            return null;
        });
    }

    /** Where a URL goes: the module's url form (host/path), the port, HTTP or HTTPS. */
    record Target(boolean https, String host, int port, String moduleUrl) {

        static Target of(String url) {
            Objects.requireNonNull(url, "url");
            Matcher m = URL.matcher(url.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("not an http(s) URL: '" + url + "'");
            }
            boolean https =
                    m.group(1) != null && m.group(1).toLowerCase(Locale.ROOT).equals("https");
            String host = m.group(2);
            int port = m.group(3) != null ? Integer.parseInt(m.group(3)) : https ? 443 : 80;
            String path = m.group(4) == null ? "/" : m.group(4).startsWith("?") ? "/" + m.group(4) : m.group(4);
            return new Target(https, host, port, host + path);
        }

        @Override
        public String toString() {
            return (https ? "https://" : "http://") + host + ":" + port + moduleUrl.substring(host.length());
        }
    }
}
