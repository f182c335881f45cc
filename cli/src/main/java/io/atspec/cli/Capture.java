package io.atspec.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A captured serial log, read as a list of sent lines and received byte blocks.
 *
 * <p>Two formats:
 *
 * <ul>
 *   <li><b>trace</b>: text lines with a {@code TX} or {@code RX} marker, followed by a colon or a
 *       space, then the wire text with the runtime's escapes ({@code \r}, {@code \n}, {@code \t},
 *       {@code \\}, {@code \xNN}): {@code TX: AT+CSQ\r}, {@code RX: +CSQ: 20,0}. Text before the
 *       marker (a time stamp, a logger name) is ignored, so the runtime's own wire trace
 *       ({@code --trace}) decodes as it is. An RX record without CR or LF is one line.
 *       Lines without a marker are skipped.
 *   <li><b>raw</b>: the bytes of the serial line as a tap records them; every line starting
 *       with {@code AT} is taken as sent, everything else as received.
 * </ul>
 */
final class Capture {

    enum Format {
        AUTO,
        TRACE,
        RAW
    }

    sealed interface Event {}

    /** Sent by the host: a command line or a prompt payload (line ends removed). */
    record Tx(byte[] bytes) implements Event {}

    /** Received from the module (or, raw, the whole stream). */
    record Rx(byte[] bytes) implements Event {}

    /**
     * A URC whose payload the trace left out: the runtime's wire trace logs a payload URC as its
     * header line and {@code (+N bytes)}.
     */
    record RxPayloadOmitted(String line, int length) implements Event {}

    static final Pattern OMITTED = Pattern.compile("^(.*) \\(\\+(\\d+) bytes\\)$");

    static final Pattern MARKER = Pattern.compile("^(?:\\S+\\s+){0,8}?(TX|RX)(?::\\s?|\\s)(.*)$");

    private Capture() {}

    static boolean isTrace(byte[] data) {
        for (String line : new String(data, StandardCharsets.ISO_8859_1).split("\n", -1)) {
            if (MARKER.matcher(stripCr(line)).matches()) {
                return true;
            }
        }
        return false;
    }

    static List<Event> read(byte[] data, Format format) {
        boolean trace = format == Format.TRACE || (format == Format.AUTO && isTrace(data));
        if (!trace) {
            return List.of(new Rx(data));
        }
        List<Event> events = new ArrayList<>();
        ByteArrayOutputStream rx = new ByteArrayOutputStream();
        for (String line : new String(data, StandardCharsets.UTF_8).split("\n", -1)) {
            Matcher m = MARKER.matcher(stripCr(line));
            if (!m.matches()) {
                continue;
            }
            Matcher omitted = OMITTED.matcher(m.group(2));
            if (m.group(1).equals("RX") && omitted.matches()) {
                if (rx.size() > 0) {
                    events.add(new Rx(rx.toByteArray()));
                    rx.reset();
                }
                events.add(new RxPayloadOmitted(
                        new String(unescape(omitted.group(1)), StandardCharsets.UTF_8),
                        Integer.parseInt(omitted.group(2))));
                continue;
            }
            byte[] bytes = unescape(m.group(2));
            if (m.group(1).equals("RX")) {
                rx.writeBytes(bytes);
                if (!containsLineEnd(bytes)) {
                    rx.writeBytes(new byte[] {'\r', '\n'});
                }
            } else {
                if (rx.size() > 0) {
                    events.add(new Rx(rx.toByteArray()));
                    rx.reset();
                }
                events.add(new Tx(trimLineEnd(bytes)));
            }
        }
        if (rx.size() > 0) {
            events.add(new Rx(rx.toByteArray()));
        }
        return events;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static boolean containsLineEnd(byte[] b) {
        for (byte x : b) {
            if (x == '\r' || x == '\n') {
                return true;
            }
        }
        return false;
    }

    private static byte[] trimLineEnd(byte[] b) {
        int n = b.length;
        while (n > 0 && (b[n - 1] == '\r' || b[n - 1] == '\n')) {
            n--;
        }
        return java.util.Arrays.copyOf(b, n);
    }

    /** Undoes the runtime's {@code WireTrace.escape}. */
    static byte[] unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            byte c = utf8[i];
            if (c == '\\' && i + 1 < utf8.length) {
                byte n = utf8[i + 1];
                switch (n) {
                    case 'r' -> {
                        out.write('\r');
                        i++;
                        continue;
                    }
                    case 'n' -> {
                        out.write('\n');
                        i++;
                        continue;
                    }
                    case 't' -> {
                        out.write('\t');
                        i++;
                        continue;
                    }
                    case '\\' -> {
                        out.write('\\');
                        i++;
                        continue;
                    }
                    case 'x' -> {
                        if (i + 3 < utf8.length) {
                            int hi = Character.digit(utf8[i + 2], 16);
                            int lo = Character.digit(utf8[i + 3], 16);
                            if (hi >= 0 && lo >= 0) {
                                out.write(hi * 16 + lo);
                                i += 3;
                                continue;
                            }
                        }
                    }
                    default -> {}
                }
            }
            out.write(c);
        }
        return out.toByteArray();
    }
}
