package io.atspec.sim;

import io.atspec.neoway.http.Decompression;
import io.atspec.neoway.http.DownloadState;
import io.atspec.neoway.http.KeepAlive;
import java.io.ByteArrayInputStream;
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
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;

/**
 * AT+HTTPGET (9.6) in the background and its outcome: {@code +HTTPGETRPT: <state>[,<err>]}
 * (9.7) and AT+HTTPGETSTAT? (9.8). The file is fetched from HTTPPARA's url on its own
 * connection (the manual's examples use no HTTPSETUP) and kept in memory. The one report names
 * the last stage done, as the manual's example sequence does: 10 downloaded (type 0), 20
 * decompressed (type 1), 30 verified (an MD5 check value); 11, 21, 31 the stage that failed.
 * The MD5 is of the downloaded ("compressed") file, checked before decompression. A 3xx answer
 * is not followed: its body is the file and its status the {@code <err_code>}, e.g. 9.8's
 * {@code 10,303}; a 4xx/5xx answer is a failed download, {@code 11,<status>}. The HTTPS twin
 * (AT+HTTPSGET, 9.16-9.18) is the same over TLS with HTTPSPARA's url and HTTPSCFG's settings. A
 * downloaded (and decompressed) file is also stored in the module's file system under the last
 * segment of the url's path.
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

    /** AT+HTTPGET / AT+HTTPSGET of decompression {@code type} with the MD5 {@code checkValue}, if any. */
    void start(Decompression type, Optional<String> checkValue, CommandContext c) {
        Optional<HttpTarget> where = scheme.target(state);
        if (where.isEmpty()) {
            c.reply().error();
            return;
        }
        HttpTarget target = where.get();
        c.reply().ok();
        Thread t = new Thread(
                () -> report(download(target, type == Decompression.ZIP, checkValue)),
                "sim-httpget-" + target.hostHeader());
        t.setDaemon(true);
        t.start();
    }

    private String download(HttpTarget target, boolean decompress, Optional<String> checkValue) {
        HttpResponse response;
        try (Socket socket = HttpLink.open(target, state.config().hosts(), TIMEOUT, scheme.upgrade(target, state))) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream()
                    .write(HttpRequestWriter.request(
                            io.atspec.neoway.http.HttpAction.get(), target, KeepAlive.DEFAULT));
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(raw);
            }
            response = HttpResponse.parse(raw.toByteArray());
        } catch (IOException | IllegalArgumentException failed) {
            return DownloadState.DOWNLOAD_FAILED.code();
        }
        int status = response.status();
        boolean redirect = status / 100 == 3;
        if (status / 100 != 2 && !redirect) {
            return DownloadState.DOWNLOAD_FAILED.code() + "," + status;
        }
        String errCode = redirect ? "," + status : "";
        String name = ModuleFiles.downloadName(target);
        keep(name, response.body());
        if (checkValue.isPresent()
                && !md5(response.body()).equals(checkValue.get().toLowerCase(Locale.ROOT))) {
            return DownloadState.VERIFICATION_FAILED.code() + errCode;
        }
        if (decompress) {
            Optional<byte[]> unpacked = decompress(response.body());
            if (unpacked.isEmpty()) {
                return DownloadState.DECOMPRESSION_FAILED.code() + errCode;
            }
            keep(name, unpacked.get());
        }
        DownloadState done = checkValue.isPresent()
                ? DownloadState.VERIFICATION_SUCCESSFUL
                : decompress ? DownloadState.DECOMPRESSION_SUCCESSFUL : DownloadState.DOWNLOAD_SUCCESSFUL;
        return done.code() + errCode;
    }

    private void keep(String name, byte[] content) {
        file = content;
        state.files().put(name, content);
    }

    /**
     * Type 1: a gzip file, or the first entry of a zip archive; anything else (or damaged data)
     * does not decompress.
     */
    static Optional<byte[]> decompress(byte[] data) {
        try {
            if (data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
                    return Optional.of(in.readAllBytes());
                }
            }
            if (data.length >= 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4) {
                try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(data))) {
                    return in.getNextEntry() == null ? Optional.empty() : Optional.of(in.readAllBytes());
                }
            }
        } catch (IOException damaged) {
            return Optional.empty();
        }
        return Optional.empty();
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
