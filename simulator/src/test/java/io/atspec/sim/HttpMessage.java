package io.atspec.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/** The HTTP response bytes a host received through +HTTPRECV, split for assertions. */
record HttpMessage(String head, byte[] body) {

    static HttpMessage of(byte[] raw) {
        for (int i = 0; i + 4 <= raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
                return new HttpMessage(
                        new String(raw, 0, i, StandardCharsets.ISO_8859_1), Arrays.copyOfRange(raw, i + 4, raw.length));
            }
        }
        throw new AssertionError(
                "no end of HTTP headers in " + raw.length + " bytes: " + new String(raw, StandardCharsets.ISO_8859_1));
    }

    String statusLine() {
        return head.split("\r\n", 2)[0];
    }

    String bodySha256() {
        return sha256(body);
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
