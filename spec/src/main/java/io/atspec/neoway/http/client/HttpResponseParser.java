package io.atspec.neoway.http.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the raw HTTP/1.x response bytes the module carried in {@code +HTTPRECV} /
 * {@code +HTTPSRECV}: status line, header fields, then a body delimited by Content-Length,
 * chunked transfer coding, or the end of the data (the server closed the link).
 */
final class HttpResponseParser {

    private HttpResponseParser() {}

    /**
     * @param raw      the bytes received, from the status line on
     * @param headOnly the request was HEAD: no body whatever the headers say
     */
    static HttpResult parse(byte[] raw, boolean headOnly) {
        int end = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'}, 0);
        int bodyStart;
        if (end < 0) {
            // A HEAD answer cut right after the last header line still counts.
            if (headOnly && raw.length > 0) {
                end = raw.length;
                bodyStart = raw.length;
            } else {
                throw new NeowayHttpException("no complete HTTP response header in " + raw.length + " bytes");
            }
        } else {
            bodyStart = end + 4;
        }
        String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new NeowayHttpException("not an HTTP status line: '" + lines[0] + "'");
        }
        int status;
        try {
            status = Integer.parseInt(statusLine[1].trim());
        } catch (NumberFormatException e) {
            throw new NeowayHttpException("bad status code in '" + lines[0] + "'", e);
        }
        String reason = statusLine.length > 2 ? statusLine[2].trim() : "";
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
                // Obsolete line folding: continues the previous value.
                Map.Entry<String, String> last = fields.remove(fields.size() - 1);
                fields.add(new AbstractMap.SimpleImmutableEntry<>(last.getKey(), last.getValue() + " " + line.trim()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            fields.add(new AbstractMap.SimpleImmutableEntry<>(
                    line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        HttpHeaders headers = new HttpHeaders(fields);
        byte[] rest = Arrays.copyOfRange(raw, Math.min(bodyStart, raw.length), raw.length);
        byte[] body;
        if (headOnly || status / 100 == 1 || status == 204 || status == 304) {
            body = new byte[0];
        } else if (headers.all("Transfer-Encoding").stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
            body = dechunk(rest);
        } else if (headers.first("Content-Length").isPresent()) {
            long length;
            try {
                length = Long.parseLong(headers.first("Content-Length").get().trim());
            } catch (NumberFormatException e) {
                throw new NeowayHttpException(
                        "bad Content-Length '" + headers.first("Content-Length").get() + "'", e);
            }
            if (length > rest.length) {
                throw new NeowayHttpException(
                        "response body cut short: Content-Length " + length + ", received " + rest.length + " bytes");
            }
            body = Arrays.copyOf(rest, (int) length);
        } else {
            body = rest;
        }
        return new HttpResult(status, reason, headers, body);
    }

    /** Removes chunked transfer coding (RFC 9112 7.1); trailer fields are dropped. */
    static byte[] dechunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (true) {
            int lineEnd = indexOf(data, new byte[] {'\r', '\n'}, pos);
            if (lineEnd < 0) {
                throw new NeowayHttpException("chunked body cut short at byte " + pos);
            }
            String sizeLine = new String(data, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new NeowayHttpException("bad chunk size '" + sizeLine + "'", e);
            }
            pos = lineEnd + 2;
            if (size == 0) {
                return out.toByteArray();
            }
            if (size < 0 || pos + size > data.length) {
                throw new NeowayHttpException("chunk of " + size + " bytes cut short at byte " + pos);
            }
            out.write(data, pos, size);
            pos += size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= data.length; i++) {
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
