package io.atspec.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What {@code atspec demo} shows of the raw response bytes a typed HTTP(S)ACTION step returned:
 * status line, header lines, body. Only for the demo's own loopback server (which always sends
 * Content-Length); {@code atspec http} reads responses with the spec module's
 * {@code NeowayHttpClient} / {@code HttpResult}.
 */
record HttpMessage(String statusLine, int status, List<String> headers, byte[] body) {

    static HttpMessage parse(byte[] raw, boolean head) {
        int end = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'});
        int bodyStart = end < 0 ? raw.length : end + 4;
        String[] lines = new String(raw, 0, end < 0 ? raw.length : end, StandardCharsets.ISO_8859_1).split("\r\n");
        String statusLine = lines[0];
        String[] parts = statusLine.split(" ", 3);
        if (!statusLine.startsWith("HTTP/") || parts.length < 2) {
            throw new CliException("the module's data is not an HTTP response: '" + Errors.firstLine(statusLine) + "'");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new CliException("cannot read the HTTP status line '" + statusLine + "'");
        }
        List<String> headers = List.of(Arrays.copyOfRange(lines, 1, lines.length));
        byte[] body = head ? new byte[0] : Arrays.copyOfRange(raw, bodyStart, raw.length);
        HttpMessage m = new HttpMessage(statusLine, status, headers, body);
        Optional<Integer> length = m.header("Content-Length").map(Integer::valueOf);
        if (length.isPresent() && length.get() < body.length) {
            m = new HttpMessage(statusLine, status, headers, Arrays.copyOf(body, length.get()));
        }
        return m;
    }

    Optional<String> header(String name) {
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return Optional.of(h.substring(colon + 1).trim());
            }
        }
        return Optional.empty();
    }

    private static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i <= data.length - needle.length; i++) {
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
