package io.atspec.sim;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts the host's byte stream into command lines the way a module does: a line ends at CR; LF
 * (the second half of a host's CR LF, or noise) and NUL are dropped. After a {@code >} prompt the same stream is read as exactly N payload bytes.
 */
final class LineFramer {

    /** One command line as received. {@code raw} is what is echoed; {@code overlong} lines are cut. */
    record Line(String text, byte[] raw, boolean overlong) {}

    private final InputStream in;
    private final int maxLineLength;

    LineFramer(InputStream in, int maxLineLength) {
        this.in = in;
        this.maxLineLength = maxLineLength;
    }

    /** The next line without its line end, or null once the host has gone. */
    Line readLine() throws IOException {
        byte[] buf = new byte[128];
        int len = 0;
        boolean overlong = false;
        for (; ; ) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                // The LF of a CR LF line end, or noise: modules end lines at CR only.
                continue;
            }
            if (b == '\r') {
                byte[] raw = Arrays.copyOf(buf, len);
                return new Line(new String(raw, StandardCharsets.UTF_8), raw, overlong);
            }
            if (b == 0) {
                // Line noise on a UART; a module ignores NUL.
                continue;
            }
            if (len == maxLineLength) {
                overlong = true;
                continue;
            }
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            buf[len++] = (byte) b;
        }
    }

    /** Exactly {@code n} payload bytes: CR, LF and "OK" are data here. */
    byte[] readExactly(int n) throws IOException {
        byte[] data = in.readNBytes(n);
        if (data.length < n) {
            throw new EOFException("host went away after " + data.length + " of " + n + " payload bytes");
        }
        return data;
    }
}
