package io.atspec.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.x response as raw payload, ending where the message's own framing says
 * (RFC 9112 section 6.3), so that on a link the server keeps open the bytes after it (the next
 * command's answer) are not taken for the body:
 *
 * <ul>
 *   <li>interim responses (1xx other than 101) have no body and are followed by the final one,
 *       which is read too: the payload holds the whole answer;
 *   <li>no body for 101, 204, 304 and for a response to HEAD (the request tells,
 *       {@link UrcReader#bodilessMessagesExpected()});
 *   <li>{@code Transfer-Encoding} ending in {@code chunked}: chunks (extensions ignored) up to the
 *       last chunk and its trailer section;
 *   <li>{@code Content-Length}: exactly that many bytes ({@code \r\nOK\r\n} and a terminator line
 *       inside are data);
 *   <li>otherwise (no length, or another transfer coding) the body runs to the terminator's line,
 *       as a message delimited by the closing of the connection does.
 * </ul>
 *
 * A terminator line where a header line was due ends the payload (the link closed early), and so
 * does one where a counted body would begin (a HEAD answer the channel was not told of, on a link
 * that closes): a body that starts with the terminator's line is the one thing taken for absent.
 * Header lines without a field name and folded ones are kept as they came and ignored. A malformed
 * status line, length or chunk is an {@link AtFramingException}: the reader then undoes the unit
 * and frames its lines again, so a wrong message cannot swallow the answers behind it.
 */
final class HttpMessageFraming {

    private final String prefix;
    private final String terminator;
    private final UrcReader in;
    private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

    private HttpMessageFraming(String prefix, String terminator, UrcReader in) {
        this.prefix = prefix;
        this.terminator = terminator;
        this.in = in;
    }

    /** Reads the message right after {@code prefix}'s (empty) header line. */
    static Urc read(String prefix, String terminator, UrcReader in) throws IOException {
        String header = in.readLine();
        return new HttpMessageFraming(prefix, terminator, in).message(prefix + header);
    }

    private Urc message(String line) throws IOException {
        boolean bodiless = in.bodilessMessagesExpected();
        for (; ; ) {
            if (in.startsWith(terminator)) {
                return Urc.withPayload(prefix, line, withoutLastLineEnd());
            }
            String first = line();
            if (first.isEmpty()) {
                // Empty lines before the status line are ignored (RFC 9112 2.2); the manual's
                // HTTPS example shows one.
                continue;
            }
            int status = statusLine(first);
            Head head = headerSection();
            if (head == null) {
                return Urc.withPayload(prefix, line, withoutLastLineEnd());
            }
            if (status >= 100 && status < 200 && status != 101) {
                continue; // an interim response: the final one follows in the same answer
            }
            if (bodiless || status < 200 || status == 204 || status == 304) {
                return Urc.withMessage(prefix, line, payload.toByteArray());
            }
            if (head.transferEncoding != null) {
                if (head.transferEncoding.endsWith("chunked")) {
                    chunks();
                    return Urc.withMessage(prefix, line, payload.toByteArray());
                }
                // Another final coding: delimited by the close of the connection (RFC 9112 6.3 item 4).
                return Urc.withPayload(prefix, line, restUntilTerminator());
            }
            if (head.contentLength > 0 && (in.startsWith(terminator) || in.startsWith("\r\n" + terminator))) {
                // The link closed right where the body would begin: the answer to a HEAD request
                // the channel was not told of (a custom packet, a captured trace).
                return Urc.withPayload(prefix, line, payload.toByteArray());
            }
            if (head.contentLength >= 0) {
                payload.write(in.readExactly(head.contentLength));
                return Urc.withMessage(prefix, line, payload.toByteArray());
            }
            return Urc.withPayload(prefix, line, restUntilTerminator());
        }
    }

    private int statusLine(String text) {
        // HTTP-version SP 3DIGIT SP [reason-phrase]
        if (!text.startsWith("HTTP/")
                || text.length() < 12
                || text.charAt(8) != ' '
                || !Character.isDigit(text.charAt(9))
                || !Character.isDigit(text.charAt(10))
                || !Character.isDigit(text.charAt(11))
                || (text.length() > 12 && text.charAt(12) != ' ')) {
            throw malformed("status line", text);
        }
        return Integer.parseInt(text.substring(9, 12));
    }

    /** The header fields up to the empty line, or null if the terminator's line comes first. */
    private Head headerSection() throws IOException {
        Head head = new Head();
        for (; ; ) {
            if (in.startsWith(terminator)) {
                return null;
            }
            String text = line();
            if (text.isEmpty()) {
                return head;
            }
            int colon = text.indexOf(':');
            if (colon <= 0 || text.charAt(0) == ' ' || text.charAt(0) == '\t') {
                // A folded continuation (RFC 9112 5.2) or a line without a field name (a header
                // wrapped by a tool, as in the manual's examples): kept in the payload, and
                // not a field that could say where the body ends.
                continue;
            }
            String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = text.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                head.contentLength(value, this);
            } else if (name.equals("transfer-encoding")) {
                String coding = value.toLowerCase(Locale.ROOT);
                head.transferEncoding = head.transferEncoding == null ? coding : head.transferEncoding + "," + coding;
            }
        }
    }

    private void chunks() throws IOException {
        for (; ; ) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            String digits = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            int size;
            try {
                size = digits.isEmpty() || digits.length() > 8 ? -1 : Integer.parseUnsignedInt(digits, 16);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 0) {
                throw malformed("chunk size", sizeLine);
            }
            if (size == 0) {
                trailerSection();
                return;
            }
            payload.write(in.readExactly(size));
            String end = line();
            if (!end.isEmpty()) {
                throw malformed("chunk end (CR LF after " + size + " bytes)", end);
            }
        }
    }

    private void trailerSection() throws IOException {
        for (; ; ) {
            String text = line();
            if (text.isEmpty()) {
                return;
            }
            if (text.indexOf(':') <= 0) {
                throw malformed("trailer field", text);
            }
        }
    }

    /** One line of the message, kept in the payload as it came; returned without its line end. */
    private String line() throws IOException {
        byte[] raw = in.readLineBytes();
        payload.write(raw);
        int len = raw.length;
        while (len > 0 && (raw[len - 1] == '\n' || raw[len - 1] == '\r')) {
            len--;
        }
        // Header sections are ASCII (RFC 9110 5.5): other bytes are kept in the payload as they are.
        return new String(raw, 0, len, StandardCharsets.ISO_8859_1);
    }

    private byte[] restUntilTerminator() throws IOException {
        payload.write(in.readUntilLine(terminator));
        return payload.toByteArray();
    }

    /** The payload as read up to a terminator line: its CR LF is framing, as for a raw payload. */
    private byte[] withoutLastLineEnd() {
        byte[] all = payload.toByteArray();
        int len = all.length;
        if (len > 0 && all[len - 1] == '\n') {
            len--;
        }
        if (len > 0 && all[len - 1] == '\r') {
            len--;
        }
        return java.util.Arrays.copyOf(all, len);
    }

    AtFramingException malformed(String what, String text) {
        return new AtFramingException(
                prefix + " HTTP message has a malformed " + what + ": '" + WireTrace.excerpt(text) + "'");
    }

    /** What the header section says about the body. */
    private static final class Head {
        int contentLength = -1;
        String transferEncoding;

        void contentLength(String value, HttpMessageFraming framing) {
            // A list of identical values is one length (RFC 9112 6.3 item 5); anything else is
            // an unrecoverable framing error.
            int length = -1;
            for (String part : value.split(",", -1)) {
                String digits = part.trim();
                if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(Character::isDigit)) {
                    throw framing.malformed("Content-Length", value);
                }
                long n = Long.parseLong(digits);
                if (n > Integer.MAX_VALUE || (length >= 0 && n != length)) {
                    throw framing.malformed("Content-Length", value);
                }
                length = (int) n;
            }
            if (contentLength >= 0 && contentLength != length) {
                throw framing.malformed("Content-Length (two different values)", value);
            }
            contentLength = length;
        }
    }
}
