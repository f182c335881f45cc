package io.atspec.runtime;

import java.io.IOException;

/**
 * Reads one URC whose line starts with a registered prefix. Runs on the reader thread as soon as
 * the prefix has arrived (before the line end, so a header like {@code +HTTPRECV: 803,<data>}
 * can switch to counting bytes). Must read only what belongs to its URC, and return quickly;
 * listeners do the slow work.
 */
@FunctionalInterface
public interface UrcDecoder {

    /**
     * @param prefix the registered prefix that matched (already consumed)
     * @param in     the stream right after the prefix
     * @return the URC to deliver, or null to deliver nothing
     */
    Urc decode(String prefix, UrcReader in) throws IOException;

    /** The plain line decoder: the rest of the line, no payload. */
    static UrcDecoder line() {
        return (prefix, in) -> Urc.of(prefix, prefix + in.readLine());
    }

    /**
     * {@code <prefix> <length>,<data>}: a decimal length, a comma, then exactly that many raw bytes
     * (the form of {@code +HTTPRECV: <length>,<data>}). A header without a comma is a plain line.
     * Bounded only by the channel's {@link AtChannelConfig#maxPayloadLength()}: prefer
     * {@link #lengthFramed(int)} with the URC's declared maximum.
     */
    static UrcDecoder lengthFramed() {
        return lengthFramed(Integer.MAX_VALUE);
    }

    /**
     * As {@link #lengthFramed()}, for a URC whose length is at most {@code max}: a larger length is
     * a framing error, not a read, so a wrong header cannot swallow the answers behind it.
     */
    static UrcDecoder lengthFramed(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        return (prefix, in) -> {
            String head = in.readUntil(',');
            if (!in.foundDelimiter()) {
                return Urc.of(prefix, prefix + head + in.readLine());
            }
            String digits = head.trim();
            int n;
            try {
                n = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw new AtFramingException(prefix + " length is not a number: '" + WireTrace.excerpt(digits) + "'");
            }
            if (n > max) {
                throw new AtFramingException(prefix + " length " + n + " is above its maximum " + max);
            }
            return Urc.withPayload(prefix, prefix + head + ",", in.readExactly(n));
        };
    }

    /**
     * A header line, then raw bytes up to a line starting with {@code terminatorPrefix} (the form
     * of {@code +HTTPRECV:} in raw mode, ended by {@code +HTTPCLOSED: HTTP Link Closed}).
     */
    static UrcDecoder rawUntil(String terminatorPrefix) {
        return (prefix, in) -> {
            String rest = in.readLine();
            return Urc.withPayload(prefix, prefix + rest, in.readUntilLine(terminatorPrefix));
        };
    }

    /**
     * A header line, then one HTTP/1.x response delimited by its own framing (Content-Length,
     * chunked, no body for 1xx, 204, 304 and a HEAD request's answer), or, for a response without
     * either, raw bytes up to a line starting with {@code terminatorPrefix} as in
     * {@link #rawUntil(String)}. A response that its framing delimited is a URC that
     * {@linkplain Urc#endsMessage() ends its message}: on a kept-alive link no terminator follows,
     * and the bytes after it (the next command's answer) are framed as lines.
     */
    static UrcDecoder httpMessage(String terminatorPrefix) {
        return (prefix, in) -> HttpMessageFraming.read(prefix, terminatorPrefix, in);
    }
}
