package io.atspec.runtime;

import java.util.Arrays;

/**
 * An unsolicited result: the prefix it was recognised by (the registered decoder prefix, or for a
 * generic line the text up to and including the first ':' or the whole line), the header line
 * text, and the raw payload bytes when a decoder read some (null otherwise). {@code endsMessage}
 * is true when the payload is a whole message that its own framing delimited (an HTTP message with
 * a Content-Length, chunks or no body), so nothing else of it follows: a wait for the end of the
 * message may end here even though no terminating line comes (a kept-alive link).
 */
public record Urc(String prefix, String line, byte[] payload, boolean endsMessage) {

    public Urc(String prefix, String line, byte[] payload) {
        this(prefix, line, payload, false);
    }

    public static Urc of(String line) {
        int colon = line.indexOf(':');
        return new Urc(colon < 0 ? line : line.substring(0, colon + 1), line, null);
    }

    public static Urc of(String prefix, String line) {
        return new Urc(prefix, line, null);
    }

    public static Urc withPayload(String prefix, String line, byte[] payload) {
        return new Urc(prefix, line, payload);
    }

    /** The text after the prefix, leading spaces removed (modems put any run of spaces there). */
    public String value() {
        int i = line.startsWith(prefix) ? prefix.length() : 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return line.substring(i);
    }

    /** A payload that is a whole message, delimited by its own framing (see {@link #endsMessage()}). */
    public static Urc withMessage(String prefix, String line, byte[] payload) {
        return new Urc(prefix, line, payload, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Urc u
                && endsMessage == u.endsMessage
                && prefix.equals(u.prefix)
                && line.equals(u.line)
                && Arrays.equals(payload, u.payload);
    }

    @Override
    public int hashCode() {
        return ((prefix.hashCode() * 31 + line.hashCode()) * 31 + Arrays.hashCode(payload)) * 2 + (endsMessage ? 1 : 0);
    }

    @Override
    public String toString() {
        return payload == null ? line : line + " (+" + payload.length + " bytes)";
    }
}
