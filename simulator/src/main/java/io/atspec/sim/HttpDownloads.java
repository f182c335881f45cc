package io.atspec.sim;

import io.atspec.neoway.http.DownloadState;
import io.atspec.neoway.http.HttpGet;
import io.atspec.neoway.http.HttpsGet;
import io.atspec.neoway.http.KeepAlive;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * AT+HTTPGET (9.6) in the background and its outcome: {@code +HTTPGETRPT: <state>[,<err>]}
 * (9.7) and AT+HTTPGETSTAT? (9.8). The file is fetched from HTTPPARA's url on its own
 * connection (the manual's examples use no HTTPSETUP) and kept in memory; with an MD5 check
 * value, the verdict is 30 (match) or 31 (mismatch). The HTTPS twin (AT+HTTPSGET, 9.16-9.18) is
 * the same over TLS with HTTPSPARA's url and HTTPSCFG's settings. A downloaded file is also stored
 * in the module's file system under the last segment of the url's path.
 */
final class HttpDownloads {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ModuleState state;
    private final Replies replies;
    private final boolean https;
    private final String reportPrefix;
    private final String statPrefix;
    private volatile String stat;
    private volatile byte[] file;

    HttpDownloads(ModuleState state, Replies replies) {
        this(state, replies, false);
    }

    private HttpDownloads(ModuleState state, Replies replies, boolean https) {
        this.state = state;
        this.replies = replies;
        this.https = https;
        this.reportPrefix = https ? "+HTTPSGETRPT: " : "+HTTPGETRPT: ";
        this.statPrefix = https ? "+HTTPSGETSTAT: " : "+HTTPGETSTAT: ";
        this.stat = statPrefix + DownloadState.UNKNOWN.code();
    }

    /** AT+HTTPSGET: over TLS, from HTTPSPARA's url. */
    static HttpDownloads https(ModuleState state, Replies replies) {
        return new HttpDownloads(state, replies, true);
    }

    /** The answer line of AT+HTTPGETSTAT?. */
    String statLine() {
        return stat;
    }

    /** The last downloaded file, for tests and tools. */
    byte[] file() {
        return file;
    }

    void start(HttpGet.Set get, CommandContext c) {
        start(get.checkValue(), c);
    }

    void start(HttpsGet.Set get, CommandContext c) {
        start(get.checkValue(), c);
    }

    private void start(Optional<String> checkValue, CommandContext c) {
        HttpSettings settings = https ? state.https() : state.http();
        if (!state.pppUp() || settings.url().isEmpty()) {
            c.reply().error();
            return;
        }
        HttpTarget target;
        try {
            target = HttpTarget.of(settings.url().get(), settings.port(), https ? 443 : 80);
        } catch (IllegalArgumentException badUrl) {
            c.reply().error();
            return;
        }
        c.reply().ok();
        Thread t = new Thread(() -> report(download(target, checkValue)), "sim-httpget-" + target.hostHeader());
        t.setDaemon(true);
        t.start();
    }

    private String download(HttpTarget target, Optional<String> checkValue) {
        HttpResponse response;
        HttpLink.Upgrade upgrade = https
                ? plain -> TlsConnector.handshake(plain, target, state.tls(), state.files())
                : plain -> plain;
        try (Socket socket = HttpLink.open(target, TIMEOUT, upgrade)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(HttpRequestWriter.request(
                    io.atspec.neoway.http.HttpAction.get(), target, KeepAlive.DEFAULT));
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(raw);
            }
            response = HttpResponse.parse(raw.toByteArray());
        } catch (IOException | IllegalArgumentException failed) {
            return DownloadState.DOWNLOAD_FAILED.code();
        }
        if (response.status() / 100 != 2) {
            return DownloadState.DOWNLOAD_FAILED.code() + "," + response.status();
        }
        file = response.body();
        state.files().put(ModuleFiles.downloadName(target), response.body());
        if (checkValue.isEmpty()) {
            return DownloadState.DOWNLOAD_SUCCESSFUL.code();
        }
        boolean matches = md5(response.body()).equals(checkValue.get().toLowerCase(Locale.ROOT));
        return matches ? DownloadState.VERIFICATION_SUCCESSFUL.code() : DownloadState.VERIFICATION_FAILED.code();
    }

    private void report(String outcome) {
        stat = statPrefix + outcome;
        try {
            replies.urc(reportPrefix + outcome);
        } catch (UncheckedIOException hostGone) {
            // Nobody left to tell.
        }
    }

    static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
