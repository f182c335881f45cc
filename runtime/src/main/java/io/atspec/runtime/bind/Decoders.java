package io.atspec.runtime.bind;

import io.atspec.runtime.UrcDecoder;

/** URC decoders for the payload kinds a spec declares, built on the runtime's own. */
public final class Decoders {

    private Decoders() {}

    /**
     * A URC that comes in two shapes: a bare header followed by raw text up to a terminating
     * line ({@code +HTTPRECV:} in receive mode 0), or {@code <length>,<data>} (mode 1).
     */
    public static UrcDecoder rawOrLengthFramed(String terminatorPrefix) {
        return rawOrCounted(terminatorPrefix, UrcDecoder.lengthFramed());
    }

    /**
     * As {@link #rawOrLengthFramed(String)}, with the header's payload counted by {@code counted}
     * ({@link UrcDecoder#counted(int, int, int)}, bounded by the length field's maximum).
     */
    public static UrcDecoder rawOrCounted(String terminatorPrefix, UrcDecoder counted) {
        UrcDecoder raw = UrcDecoder.rawUntil(terminatorPrefix);
        return (prefix, in) -> headerIsEmpty(in) ? raw.decode(prefix, in) : counted.decode(prefix, in);
    }

    /**
     * As {@link #rawOrLengthFramed(String)}, the raw shape being one HTTP/1.x response delimited by
     * its own framing ({@link UrcDecoder#httpMessage(String)}).
     */
    public static UrcDecoder httpMessageOrLengthFramed(String terminatorPrefix) {
        return httpMessageOrCounted(terminatorPrefix, UrcDecoder.lengthFramed());
    }

    /**
     * As {@link #httpMessageOrLengthFramed(String)}, with the header's payload counted by
     * {@code counted} ({@link UrcDecoder#counted(int, int, int)}, bounded by the length field's
     * maximum).
     */
    public static UrcDecoder httpMessageOrCounted(String terminatorPrefix, UrcDecoder counted) {
        UrcDecoder raw = UrcDecoder.httpMessage(terminatorPrefix);
        return (prefix, in) -> headerIsEmpty(in) ? raw.decode(prefix, in) : counted.decode(prefix, in);
    }

    private static boolean headerIsEmpty(io.atspec.runtime.UrcReader in) throws java.io.IOException {
        return in.atLineEnd();
    }
}
