package io.atspec.sim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** A complete HTTP/1.x response read until the server closed: status and body (AT+HTTPGET needs both). */
record HttpResponse(int status, byte[] body) {

    /** Splits raw bytes at the blank line; honours Content-Length when the server sent more. */
    static HttpResponse parse(byte[] raw) {
        int end = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'});
        if (end < 0) {
            throw new IllegalArgumentException("no end of headers in " + raw.length + " bytes of HTTP response");
        }
        String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new IllegalArgumentException("not an HTTP status line: '" + lines[0] + "'");
        }
        int status = Integer.parseInt(statusLine[1]);
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        for (String header : lines) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                int length = Integer.parseInt(
                        header.substring("content-length:".length()).trim());
                if (length < body.length) {
                    body = Arrays.copyOf(body, length);
                }
            }
        }
        return new HttpResponse(status, body);
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
