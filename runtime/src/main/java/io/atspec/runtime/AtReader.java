package io.atspec.runtime;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames the byte stream from the modem: lines, the {@code >} prompt, and URCs whose registered
 * decoder reads raw bytes. Works on a growable byte buffer; Strings are only made for lines.
 * Single-threaded: one instance is driven by one reader thread. Never throws on bad input; only
 * {@link IOException}s of the stream itself (including EOF inside a payload) end {@link #run()}.
 *
 * <p>Framing is a function of the bytes alone, never of where a read ended: whenever a decision
 * needs bytes that have not arrived (a prefix, a line end, the byte after a prompt) the reader
 * waits for them. A decoder's unit stays in the buffer until it is decoded, so that a failed
 * decode is undone and its bytes are framed again as lines from the header's line end on.
 */
final class AtReader {

    /** The reader's view of its owner (the channel, or an offline decoder). */
    interface Owner {
        /** The command in flight, or null. */
        Exchange current();

        DecoderTable decoders();

        /** A complete, clean line (no line end, no control characters). */
        void onLine(Exchange ex, String line);

        /** The prompt arrived for {@code ex}; returns the bytes to strip as their echo, or null. */
        byte[] onPrompt(Exchange ex);

        void onUrc(Urc urc);

        /** A response line of {@code ex} with the payload its response decoder counted. */
        void onResponsePayload(Exchange ex, Urc unit);

        /** {@code text} with every secret the owner knows masked (for logs). */
        String mask(String text);

        /** The length of the longest secret the owner knows. */
        int longestSecret();

        /**
         * System.nanoTime() by which a decoder reading a unit of {@code prefix} must be done (the
         * deadline of the completion collecting it, or of the pending command), or
         * {@link Long#MAX_VALUE} while there is none.
         */
        long payloadDeadline(String prefix);

        /**
         * Whether the completion collecting units of {@code prefix} expects HTTP messages without
         * a body (it waits for the answer to a HEAD request).
         */
        default boolean bodilessMessagesExpected(String prefix) {
            return false;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AtReader.class);
    static final Logger WIRE = LoggerFactory.getLogger("io.atspec.runtime.wire");
    private static final int NONE = -1;
    private static final int NEED_MORE = -2;
    private static final byte[] CRLF = {'\r', '\n'};

    private final InputStream in;
    private final Owner owner;
    private final int maxLine;
    private final int maxPayload;
    private final Charset charset;
    private final boolean asciiCompatible;
    private final Counters counters;
    private final String name;
    private final Payloads payloads = new Payloads();

    private byte[] buf = new byte[32 * 1024];
    private int pos;
    private int lim;
    /** A decoder consumed a CR whose LF had not arrived yet; that LF is framing, not data. */
    private boolean pendingLf;

    private String matchedPrefix;
    private int matchedLength;
    private UrcDecoder matchedDecoder;
    /** The matched decoder is the pending command's, for its response: not a URC decoder. */
    private boolean matchedResponse;
    /** Set by matchDecoder: the pending command takes every line, except decoded payloads. */
    private boolean claimAllPending;

    /** Start of the unit a decoder is reading (right after its prefix), or -1: kept in the buffer. */
    private int mark = -1;

    private String decodingPrefix;
    private long decodeDeadline;

    AtReader(InputStream in, Owner owner, AtChannelConfig config, Counters counters, String name) {
        this.in = in;
        this.owner = owner;
        this.maxLine = config.maxLineLength();
        this.maxPayload = config.maxPayloadLength();
        this.charset = config.charset();
        this.asciiCompatible = charset.equals(StandardCharsets.UTF_8)
                || charset.equals(StandardCharsets.ISO_8859_1)
                || charset.equals(StandardCharsets.US_ASCII);
        this.counters = counters;
        this.name = name;
    }

    /** Reads and frames until the stream ends (returns) or fails (throws). */
    void run() throws IOException {
        while (skipLineEnds()) {
            Exchange ex = owner.current();
            if (ex != null && buf[pos] == '>' && ex.awaitingPrompt()) {
                prompt(ex);
                continue;
            }
            int d = matchDecoder(ex);
            if (d == NEED_MORE) {
                if (!fill()) {
                    return;
                }
                continue;
            }
            if (d >= 0) {
                decode(ex);
                continue;
            }
            if (!line(ex)) {
                return;
            }
        }
    }

    /** Skips CR, LF and NUL between lines; false at end of stream. */
    private boolean skipLineEnds() throws IOException {
        boolean prevCr = false;
        for (; ; ) {
            while (pos < lim) {
                byte b = buf[pos];
                if (b == '\n') {
                    if (pendingLf) {
                        pendingLf = false;
                    } else if (!prevCr) {
                        // LF without CR: tolerated as a line end, but counted. (A lone CR is normal:
                        // it ends an echoed command line.)
                        Counters.inc(counters.bareLineEnds);
                    }
                    prevCr = false;
                } else if (b == '\r') {
                    prevCr = true;
                } else if (b == 0) {
                    Counters.inc(counters.nulBytes);
                } else {
                    pendingLf = false;
                    return true;
                }
                pos++;
            }
            if (!fill()) {
                return false;
            }
        }
    }

    private void prompt(Exchange ex) throws IOException {
        pos++;
        if (WIRE.isDebugEnabled()) {
            WIRE.debug("{} RX >", name);
        }
        byte[] echo = owner.onPrompt(ex);
        // The module sends "> " or ">": look at the next byte only once it is here (it follows the
        // payload, which is on its way now), so that the space is skipped whatever the read sizes.
        if (pos >= lim && !fill()) {
            return;
        }
        if (buf[pos] == ' ') {
            pos++;
        }
        if (echo != null && echo.length > 0) {
            stripEcho(echo);
        }
    }

    /** With echo on, the modem echoes the payload after the prompt: strip it only if it is exact. */
    private void stripEcho(byte[] echo) throws IOException {
        int matched = 0;
        while (matched < echo.length) {
            if (pos + matched >= lim) {
                if (!fill()) {
                    return;
                }
                continue;
            }
            if (buf[pos + matched] != echo[matched]) {
                return;
            }
            matched++;
        }
        pos += echo.length;
    }

    private int matchDecoder(Exchange ex) {
        if (ex != null && ex.payloadDecoders.length > 0) {
            int r = ex.payloadDecoderAt(buf, pos, lim);
            if (r == Exchange.MORE_NEEDED && !hasLineEnd()) {
                return NEED_MORE;
            }
            if (r >= 0) {
                // While the command is pending its counted response is read by its own decoder.
                matchedPrefix = ex.payloadPrefixes[r];
                matchedLength = ex.payloadPrefixBytes[r].length;
                matchedDecoder = ex.payloadDecoders[r];
                matchedResponse = true;
                claimAllPending = false;
                return r;
            }
        }
        DecoderTable t = owner.decoders();
        if (t.isEmpty() || !t.firstByte[buf[pos] & 0xff]) {
            return NONE;
        }
        int avail = lim - pos;
        int best = NONE;
        int bestLen = 0;
        boolean partial = false;
        for (int i = 0; i < t.prefixBytes.length; i++) {
            byte[] p = t.prefixBytes[i];
            int n = Math.min(avail, p.length);
            if (n >= 2 && buf[pos + 1] != p[1]) {
                continue; // most lines differ from a prefix at the second byte: skip the range compare
            }
            if (Arrays.equals(buf, pos, pos + n, p, 0, n)) {
                if (n == p.length) {
                    if (n > bestLen) {
                        best = i;
                        bestLen = n;
                    }
                } else {
                    partial = true;
                }
            }
        }
        if (partial && !hasLineEnd()) {
            return NEED_MORE;
        }
        if (best >= 0 && ex != null) {
            int claim = ex.claimsByPrefix(buf, pos, lim);
            if (claim == Exchange.UNDECIDED) {
                return NEED_MORE; // a longer response prefix may still arrive
            }
            if (claim == Exchange.CLAIMED && !ex.command.decidedByShape(t.prefixes[best])) {
                // The +CREG: rule: a line the pending command expects is its response, not a URC.
                return NONE;
            }
        }
        // expect("") does not override decoders: a payload URC inside an IMEI answer stays a URC.
        claimAllPending = ex != null && ex.claimsAll();
        if (best >= 0) {
            matchedPrefix = t.prefixes[best];
            matchedLength = t.prefixBytes[best].length;
            matchedDecoder = t.decoders[best];
            matchedResponse = false;
        }
        return best;
    }

    private boolean hasLineEnd() {
        for (int i = pos; i < lim; i++) {
            if (buf[i] == '\r' || buf[i] == '\n') {
                return true;
            }
        }
        return false;
    }

    private void decode(Exchange ex) throws IOException {
        String prefix = matchedPrefix;
        boolean claimAll = claimAllPending;
        boolean response = matchedResponse;
        pos += matchedLength;
        mark = pos;
        decodingPrefix = prefix;
        decodeDeadline = Long.MAX_VALUE;
        Urc urc;
        try {
            urc = matchedDecoder.decode(prefix, payloads);
        } catch (RuntimeException e) {
            // Undo the decode: drop the header line, frame what followed it as lines (a stray
            // header must not swallow the answers behind it).
            Counters.inc(counters.framingErrors);
            LOG.warn(
                    "{}: URC decoder for '{}' failed: {}; reading on from the end of its header line",
                    name,
                    WireTrace.escape(prefix),
                    WireTrace.excerpt(owner.mask(String.valueOf(e.getMessage()))));
            pos = mark;
            mark = -1;
            pendingLf = false;
            discardToLineEnd();
            return;
        } finally {
            mark = -1;
        }
        if (urc == null) {
            return;
        }
        if (WIRE.isDebugEnabled()) {
            WIRE.debug("{} RX {}", name, WireTrace.escape(owner.mask(urc.toString())));
        }
        boolean plainLine = urc.payload() == null && ex != null && owner.current() == ex;
        if (response) {
            if (urc.payload() == null) {
                owner.onLine(ex, urc.line()); // the response's plain shape
            } else {
                owner.onResponsePayload(ex, urc);
            }
        } else if (plainLine && (claimAll || ex.command.decidedByShape(prefix) && ex.command.owns(urc.line()))) {
            // A plain line: the claim-all command's, as before, or one with the shape of the
            // pending command's response or final (+SOCKSEND: 0,OPERATION EXPIRED).
            owner.onLine(ex, urc.line());
        } else {
            owner.onUrc(urc);
        }
    }

    /** Frames one line starting at pos; false at end of stream. */
    private boolean line(Exchange ex) throws IOException {
        int scanned = 0;
        boolean ctrl = false;
        int nuls = 0;
        for (; ; ) {
            int i = pos + scanned;
            int end = lim;
            for (; i < end; i++) {
                int b = buf[i];
                if (b < 0x20 && b >= 0) {
                    if (b == '\r' || b == '\n') {
                        break;
                    }
                    if (b == 0) {
                        nuls++;
                    } else if (b != '\t') {
                        ctrl = true;
                    }
                }
            }
            scanned = i - pos;
            if (scanned > maxLine) {
                return overlong(scanned);
            }
            if (i < end) {
                break;
            }
            if (!fill()) {
                // An unterminated last line (e.g. the end of a captured trace): still frame it.
                if (scanned > 0) {
                    emitLine(ex, pos, scanned, ctrl, nuls);
                    pos += scanned;
                }
                return false;
            }
        }
        int start = pos;
        pos += scanned;
        emitLine(ex, start, scanned, ctrl, nuls);
        return true;
    }

    private void emitLine(Exchange ex, int start, int len, boolean ctrl, int nuls) {
        if (ctrl) {
            Counters.inc(counters.garbageLines);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{}: skipped a line with control characters: {}", name, excerpt(start, len));
            }
            return;
        }
        String s;
        if (nuls > 0) {
            Counters.add(counters.nulBytes, nuls);
            byte[] clean = new byte[len - nuls];
            int j = 0;
            for (int i = start; i < start + len; i++) {
                if (buf[i] != 0) {
                    clean[j++] = buf[i];
                }
            }
            s = new String(clean, charset);
        } else {
            s = asciiCompatible && len == 2 && buf[start] == 'O' && buf[start + 1] == 'K'
                    ? "OK"
                    : new String(buf, start, len, charset);
        }
        if (s.isBlank()) {
            return;
        }
        if (WIRE.isDebugEnabled()) {
            WIRE.debug("{} RX {}", name, WireTrace.escape(ex == null ? owner.mask(s) : ex.mask(s)));
        }
        owner.onLine(ex, s);
    }

    private boolean overlong(int seen) throws IOException {
        Counters.inc(counters.overlongLines);
        LOG.warn("{}: skipped a line longer than {} bytes: {}", name, maxLine, excerpt(pos, seen));
        pos += seen;
        return discardToLineEnd();
    }

    /**
     * The start of {@code len} line bytes for a log: decoded, masked, cut. Enough is decoded that
     * a secret overlapping the shown part is whole, and so masked, before the cut.
     */
    private String excerpt(int start, int len) {
        int window = Math.min(len, (WireTrace.EXCERPT + owner.longestSecret()) * 4);
        String s = WireTrace.excerpt(owner.mask(new String(buf, start, window, charset)));
        return len > window ? s + " (" + len + " bytes)" : s;
    }

    /** Drops bytes up to (not including) the next CR or LF; false at end of stream. */
    private boolean discardToLineEnd() throws IOException {
        for (; ; ) {
            while (pos < lim) {
                if (buf[pos] == '\r' || buf[pos] == '\n') {
                    return true;
                }
                pos++;
            }
            if (!fill()) {
                return false;
            }
        }
    }

    /**
     * Reads more bytes, keeping [pos, lim) (and inside a decode [mark, lim)); compacts or grows
     * the buffer as needed. Inside a decode, fails once the unit's deadline has passed.
     */
    private boolean fill() throws IOException {
        int keep = mark >= 0 ? Math.min(mark, pos) : pos;
        if (keep > 0 && (keep == lim || buf.length - lim < buf.length / 4)) {
            System.arraycopy(buf, keep, buf, 0, lim - keep);
            lim -= keep;
            pos -= keep;
            if (mark >= 0) {
                mark -= keep;
            }
        }
        if (mark >= 0) {
            checkDecodeDeadline();
        }
        if (lim == buf.length) {
            // Callers bound how far they let a single unit grow (maxLine, maxPayload).
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n;
        do {
            n = in.read(buf, lim, buf.length - lim);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        lim += n;
        Counters.add(counters.bytesRead, n);
        if (mark >= 0) {
            checkDecodeDeadline();
        }
        return true;
    }

    /** A payload wait ends at the deadline of whoever waits for it: then the unit is not a payload. */
    private void checkDecodeDeadline() {
        if (decodeDeadline == Long.MAX_VALUE) {
            decodeDeadline = owner.payloadDeadline(decodingPrefix);
        }
        if (decodeDeadline != Long.MAX_VALUE && System.nanoTime() - decodeDeadline > 0) {
            throw new AtFramingException(
                    decodingPrefix + " unit still incomplete at the deadline of the command" + " waiting for it");
        }
    }

    private int ensureByte() throws IOException {
        if (pos >= lim && !fill()) {
            throw new EOFException(name + ": stream ended inside a URC");
        }
        return buf[pos];
    }

    private void skipPendingLf() throws IOException {
        if (pendingLf) {
            pendingLf = false;
            if (ensureByte() == '\n') {
                pos++;
            }
        }
    }

    /** The decoder's view of the stream. */
    private final class Payloads implements UrcReader {
        private boolean foundDelimiter;

        @Override
        public boolean foundDelimiter() {
            return foundDelimiter;
        }

        @Override
        public String readLine() throws IOException {
            skipPendingLf();
            int scanned = scanTo((byte) '\r', true);
            String s = new String(buf, pos, scanned, charset);
            pos += scanned;
            // Consume the line end so that raw data after it starts clean.
            if (buf[pos] == '\r') {
                pos++;
                if (pos < lim) {
                    if (buf[pos] == '\n') {
                        pos++;
                    }
                } else {
                    pendingLf = true;
                }
            } else {
                pos++;
            }
            return s;
        }

        @Override
        public String readUntil(char delimiter) throws IOException {
            skipPendingLf();
            int scanned = scanTo((byte) delimiter, false);
            String s = new String(buf, pos, scanned, charset);
            pos += scanned;
            foundDelimiter = buf[pos] == delimiter;
            if (foundDelimiter) {
                pos++;
            }
            return s;
        }

        /** Scans from pos for {@code stop} or a line end; returns the length before it (buffered). */
        private int scanTo(byte stop, boolean lineEndOnly) throws IOException {
            int scanned = 0;
            for (; ; ) {
                int i = pos + scanned;
                boolean found = false;
                for (; i < lim; i++) {
                    byte b = buf[i];
                    if (b == '\r' || b == '\n' || (!lineEndOnly && b == stop)) {
                        found = true;
                        break;
                    }
                }
                scanned = i - pos;
                // Checked whether or not the end has arrived: the bound must not depend on read sizes.
                if (scanned > maxLine) {
                    Counters.inc(counters.overlongLines);
                    throw new AtFramingException("URC header longer than " + maxLine + " bytes");
                }
                if (found) {
                    return scanned;
                }
                if (!fill()) {
                    throw new EOFException(name + ": stream ended inside a URC header");
                }
            }
        }

        @Override
        public byte[] readLineBytes() throws IOException {
            skipPendingLf();
            int scanned = scanTo((byte) '\r', true);
            int len = scanned + 1;
            if (buf[pos + scanned] == '\r') {
                // The byte after CR decides whether the line end is CR LF: wait for it.
                while (pos + scanned + 1 >= lim) {
                    if (!fill()) {
                        throw new EOFException(name + ": stream ended inside a URC payload line");
                    }
                }
                if (buf[pos + scanned + 1] == '\n') {
                    len++;
                }
            }
            byte[] out = Arrays.copyOfRange(buf, pos, pos + len);
            pos += len;
            return out;
        }

        @Override
        public boolean startsWith(String text) throws IOException {
            skipPendingLf();
            byte[] t = text.getBytes(charset);
            while (lim - pos < t.length) {
                if (!Arrays.equals(buf, pos, lim, t, 0, lim - pos)) {
                    return false;
                }
                if (!fill()) {
                    throw new EOFException(name + ": stream ended inside a URC payload");
                }
            }
            return Arrays.equals(buf, pos, pos + t.length, t, 0, t.length);
        }

        @Override
        public boolean bodilessMessagesExpected() {
            return owner.bodilessMessagesExpected(decodingPrefix);
        }

        @Override
        public boolean atLineEnd() throws IOException {
            int b = ensureByte();
            return b == '\r' || b == '\n';
        }

        @Override
        public byte[] readExactly(int n) throws IOException {
            if (n < 0 || n > maxPayload) {
                throw new AtFramingException("payload length " + n + " outside 0.." + maxPayload);
            }
            skipPendingLf();
            // Through the buffer, not straight into the payload: if the wait ends at a deadline,
            // the bytes are still there to be framed as lines.
            while (lim - pos < n) {
                if (!fill()) {
                    throw new EOFException(
                            name + ": stream ended after " + (lim - pos) + " of " + n + " payload bytes");
                }
            }
            byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return out;
        }

        @Override
        public byte[] readUntilLine(String terminatorPrefix) throws IOException {
            skipPendingLf();
            byte[] t = terminatorPrefix.getBytes(charset);
            byte[] crlfT = new byte[t.length + 2];
            System.arraycopy(CRLF, 0, crlfT, 0, 2);
            System.arraycopy(t, 0, crlfT, 2, t.length);
            // The terminator right away: no data.
            while (lim - pos < t.length && Arrays.equals(buf, pos, lim, t, 0, lim - pos)) {
                if (!fill()) {
                    throw new EOFException(name + ": stream ended before " + terminatorPrefix);
                }
            }
            if (Arrays.equals(buf, pos, pos + t.length, t, 0, t.length)) {
                return new byte[0];
            }
            int searched = 0;
            for (; ; ) {
                int idx = indexOf(crlfT, pos + searched);
                if (idx >= 0 && idx - pos <= maxPayload) {
                    byte[] data = Arrays.copyOfRange(buf, pos, idx);
                    pos = idx;
                    return data;
                }
                searched = Math.max(0, lim - pos - (crlfT.length - 1));
                if (idx >= 0 || lim - pos > maxPayload) { // too long, whether or not its end has arrived
                    pos = lim - (crlfT.length - 1);
                    throw new AtFramingException(
                            "raw payload longer than " + maxPayload + " bytes without " + terminatorPrefix);
                }
                if (!fill()) {
                    throw new EOFException(name + ": stream ended before " + terminatorPrefix);
                }
            }
        }

        private int indexOf(byte[] needle, int from) {
            int last = lim - needle.length;
            byte[] b = buf;
            for (int i = from; i <= last; i++) {
                if (b[i] == '\r'
                        && b[i + 1] == '\n'
                        && Arrays.equals(b, i + 2, i + needle.length, needle, 2, needle.length)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
