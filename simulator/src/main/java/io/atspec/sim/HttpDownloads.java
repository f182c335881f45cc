package io.atspec.sim;

import io.atspec.neoway.http.DownloadState;
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

    private final HttpScheme scheme;
    private final ModuleState state;
    private final Replies replies;
    private volatile String stat;
    private volatile byte[] file;

    HttpDownloads(HttpScheme scheme, ModuleState state, Replies replies) {
        this.scheme = scheme;
        this.state = state;
        this.replies = replies;
        this.stat = scheme.getStat + DownloadState.UNKNOWN.code();
    }

    /** The answer line of AT+HTTPGETSTAT?. */
    String statLine() {
        return stat;
    }

    /** The last downloaded file, for tests and tools. */
    byte[] file() {
        return file;
    }

    /** AT+HTTPGET / AT+HTTPSGET with the MD5 {@code checkValue}, if any. */
    void start(Optional<String> checkValue, CommandContext c) {
        Optional<HttpTarget> where = scheme.target(state);
        if (where.isEmpty()) {
            c.reply().error();
            return;
        }
        HttpTarget target = where.get();
        c.reply().ok();
        Thread t = new Thread(() -> report(download(target, checkValue)), "sim-httpget-" + target.hostHeader());
        t.setDaemon(true);
        t.start();
    }

    private String download(HttpTarget target, Optional<String> checkValue) {
        HttpResponse response;
        try (Socket socket = HttpLink.open(target, state.config().hosts(), TIMEOUT, scheme.upgrade(target, state))) {
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
        stat = scheme.getStat + outcome;
        try {
            replies.urc(scheme.getReport + outcome);
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
