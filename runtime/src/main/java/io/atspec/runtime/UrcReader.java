package io.atspec.runtime;

import java.io.IOException;

/**
 * The reader's byte stream as seen by a {@link UrcDecoder}, positioned right after the matched
 * prefix. Everything it returns is consumed; the reader continues framing lines afterwards.
 * Blocks until the bytes it needs have arrived; throws {@link java.io.EOFException} if the
 * transport ends first and {@link AtFramingException} when a configured bound is exceeded.
 */
public interface UrcReader {

    /** The rest of the current line, without its line end (CR LF, CR or LF), which is consumed. */
    String readLine() throws IOException;

    /**
     * Text up to {@code delimiter} (consumed, not returned), or up to the line end (not consumed)
     * if that comes first: e.g. {@code readUntil(',')} on {@code " 803,<data>"} gives {@code " 803"}.
     */
    String readUntil(char delimiter) throws IOException;

    /** Whether the last {@link #readUntil} stopped at its delimiter (true) or at a line end (false). */
    boolean foundDelimiter();

    /** True if the next byte is CR or LF (blocks until there is a next byte). */
    boolean atLineEnd() throws IOException;

    /** Exactly {@code n} raw bytes: CR, LF, NUL and "OK" are data here. */
    byte[] readExactly(int n) throws IOException;

    /**
     * Raw mode: all bytes up to a line starting with {@code terminatorPrefix}, i.e. up to
     * CR LF + terminatorPrefix (the CR LF is framing, not data), or nothing if the terminator comes
     * first. The terminator line itself is left in the stream and is framed as a line (and so
     * becomes its own URC).
     */
    byte[] readUntilLine(String terminatorPrefix) throws IOException;

    /**
     * The rest of the current line as raw bytes, its line end (CR LF, CR or LF) included and
     * consumed: for payloads whose lines are data, such as the header section of an HTTP message.
     */
    byte[] readLineBytes() throws IOException;

    /**
     * Whether the bytes at the current position start with {@code text} (nothing is consumed;
     * blocks until enough bytes have arrived to tell).
     */
    boolean startsWith(String text) throws IOException;

    /**
     * Whether the request whose completion collects this URC is answered by HTTP messages
     * without a body (a response to HEAD, RFC 9112 section 6.3): see
     * {@link Completion#withBodilessMessages()}. False when no such completion waits.
     */
    boolean bodilessMessagesExpected();
}
