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
     * a framing error, not a read, so a wrong header cannot swallow the answers behind it. The
     * special case of {@link #counted(int, int, int)} with the length as the only field.
     */
    static UrcDecoder lengthFramed(int max) {
        return counted(1, 0, max);
    }

    /**
     * {@code <prefix> <f0>,...,<f(k-1)>,<data>}: {@code fields} comma-separated fields, of which
     * the one at {@code lengthField} (0-based) is the decimal length of {@code data}, then exactly
     * that many raw bytes ({@code +SOCKRECV: <link>,<length>,<data>} is {@code counted(2, 1, max)}).
     * A line that ends before the last of those commas is a plain line: the URC's other, payload-less
     * shape ({@code +SOCKRECV: <link>}). A length above {@code max} is a framing error, never a read.
     * The header line of the result keeps the fields and their commas ({@code +SOCKRECV: 0,12,}).
     */
    static UrcDecoder counted(int fields, int lengthField, int max) {
        if (fields < 1 || lengthField < 0 || lengthField >= fields) {
            throw new IllegalArgumentException(
                    "length field " + lengthField + " must be one of the " + fields + " fields before the data");
        }
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        return (prefix, in) -> {
            StringBuilder header = new StringBuilder(prefix);
            String length = "";
            for (int i = 0; i < fields; i++) {
                String field = in.readUntil(',');
                header.append(field);
                if (!in.foundDelimiter()) {
                    return Urc.of(prefix, header + in.readLine());
                }
                header.append(',');
                if (i == lengthField) {
                    length = field.trim();
                }
            }
            int n;
            try {
                n = Integer.parseInt(length);
            } catch (NumberFormatException e) {
                throw new AtFramingException(prefix + " length is not a number: '" + WireTrace.excerpt(length) + "'");
            }
            if (n < 0 || n > max) {
                throw new AtFramingException(prefix + " length " + n + " is outside its range 0.." + max);
            }
            return Urc.withPayload(prefix, header.toString(), in.readExactly(n));
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
