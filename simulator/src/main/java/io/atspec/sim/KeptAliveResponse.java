package io.atspec.sim;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.x response off a link the server keeps open (keepalive 1), as the module must
 * to know that the answer is complete when no close follows: RFC 9112 section 6.3 (no body for
 * 1xx, 204, 304 and a HEAD request's answer; chunks; Content-Length). A response that has neither
 * is delimited by the close of the connection, so it is read to the end of the stream.
 */
final class KeptAliveResponse {

    private final InputStream in;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private KeptAliveResponse(InputStream in) {
        this.in = in;
    }

    /**
     * The bytes of the response, interim responses included.
     *
     * @param head whether it answers a HEAD request
     * @throws EOFException if the server closes the link before the response ends
     */
    static byte[] read(InputStream in, boolean head) throws IOException {
        return new KeptAliveResponse(in).response(head);
    }

    private byte[] response(boolean head) throws IOException {
        for (; ; ) {
            String status = line();
            if (!status.startsWith("HTTP/") || status.length() < 12) {
                throw new IOException("not an HTTP status line: '" + status + "'");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            for (String field = line(); !field.isEmpty(); field = line()) {
                String lower = field.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(
                            field.substring("content-length:".length()).trim());
                } else if (lower.startsWith("transfer-encoding:")) {
                    chunked = lower.trim().endsWith("chunked");
                }
            }
            if (code >= 100 && code < 200 && code != 101) {
                continue;
            }
            if (head || code < 200 || code == 204 || code == 304) {
                return out.toByteArray();
            }
            if (chunked) {
                chunks();
            } else if (length >= 0) {
                copy(length);
            } else {
                out.write(in.readAllBytes());
            }
            return out.toByteArray();
        }
    }

    private void chunks() throws IOException {
        for (; ; ) {
            String size = line();
            int semicolon = size.indexOf(';');
            long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailer fields: kept in the response, nothing to act on
                }
                return;
            }
            copy(n);
            line();
        }
    }

    private void copy(long n) throws IOException {
        byte[] body = in.readNBytes((int) n);
        out.write(body);
        if (body.length < n) {
            throw new EOFException("the server closed after " + body.length + " of " + n + " body bytes");
        }
    }

    /** One line, kept in the response with its CR LF; returned without it. */
    private String line() throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the server closed inside a header line");
            }
            text.write(b);
        }
        byte[] raw = text.toByteArray();
        out.write(raw);
        out.write('\n');
        int len = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        return new String(raw, 0, len, StandardCharsets.ISO_8859_1);
    }
}
