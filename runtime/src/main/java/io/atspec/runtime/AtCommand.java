package io.atspec.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Describes one command to the channel (the generator emits these).
 *
 * @param name             short name for errors and logs, e.g. {@code HTTPACTION}
 * @param line             the wire line without the terminating CR, e.g. {@code AT+HTTPACTION=2,23}
 * @param responsePrefixes lines starting with one of these belong to this command while it is pending
 *                         (otherwise they are URCs). The empty prefix claims every non-final line
 *                         (for prefix-less answers such as an IMEI).
 * @param finalLines       command-specific final lines, checked before OK/ERROR/+CME/+CMS
 * @param promptPayload    if non-null, the command expects the {@code >} prompt (CR LF {@code >},
 *                         no line end) and these exact bytes are written after it
 * @param timeout          acknowledgement timeout: from the write until the final result
 * @param secrets          values masked in wire traces, logs and exception messages
 * @param responseDecoders decoders of the response lines that carry a counted payload, by their
 *                         prefix ({@code +SOCKREAD:}): while the command is pending the reader
 *                         counts the payload's bytes (CR LF and {@code OK} inside are data) and
 *                         the response carries them ({@link AtResponse#payload(int)})
 * @param responseShapes   shapes of the response lines, for the prefixes that have them: a line
 *                         with such a prefix is the command's only if it has one of its shapes
 *                         (else it is a URC, even while the command is pending)
 */
public record AtCommand(
        String name,
        String line,
        List<String> responsePrefixes,
        List<FinalLine> finalLines,
        byte[] promptPayload,
        Duration timeout,
        List<String> secrets,
        Map<String, UrcDecoder> responseDecoders,
        List<LineShape> responseShapes) {

    /** Used when a command does not state its own timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    public AtCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(timeout, "timeout");
        String shown = WireTrace.excerpt(name); // a name may come from a raw line: no CR into a message
        if (line.isEmpty()) {
            throw new AtArgumentException(shown + ": empty command line");
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new AtArgumentException(shown + ": control character " + WireTrace.escapeChar(c) + " at index "
                        + i + " would break the command line; nothing was written");
            }
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(shown + ": timeout must be positive");
        }
        responsePrefixes = List.copyOf(responsePrefixes);
        finalLines = List.copyOf(finalLines);
        secrets = secrets.stream().filter(s -> s != null && !s.isEmpty()).toList();
        promptPayload = promptPayload == null ? null : promptPayload.clone();
        responseDecoders = Map.copyOf(responseDecoders);
        for (String prefix : responseDecoders.keySet()) {
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException(shown + ": a response decoder needs a non-empty prefix");
            }
        }
        responseShapes = List.copyOf(responseShapes);
    }

    /** A command whose response lines are told by their prefix alone, none with a counted payload. */
    public AtCommand(
            String name,
            String line,
            List<String> responsePrefixes,
            List<FinalLine> finalLines,
            byte[] promptPayload,
            Duration timeout,
            List<String> secrets) {
        this(name, line, responsePrefixes, finalLines, promptPayload, timeout, secrets, Map.of(), List.of());
    }

    /** A command with no expected prefixes, standard final results and the default timeout. */
    public static AtCommand of(String line) {
        return builder(line).build();
    }

    public static Builder builder(String line) {
        return new Builder(line);
    }

    public boolean expectsPrompt() {
        return promptPayload != null;
    }

    @Override
    public byte[] promptPayload() {
        return promptPayload == null ? null : promptPayload.clone();
    }

    byte[] promptPayloadUnsafe() {
        return promptPayload;
    }

    /** Classifies a line as this command's final result, or null. Command-specific lines win. */
    FinalResult finalFor(String l) {
        FinalLine f = specificFinal(l);
        return f != null ? new FinalResult.CommandSpecific(l, f.error()) : FinalResult.parseStandard(l);
    }

    /** The command-specific final line {@code l} is, or null. */
    FinalLine specificFinal(String l) {
        for (FinalLine f : finalLines) {
            if (f.matches(l)) {
                return f;
            }
        }
        return null;
    }

    /** Is {@code l} one of this command's response lines (by prefix, and by shape where it has one)? */
    boolean claims(String l) {
        for (String p : responsePrefixes) {
            if (l.startsWith(p)) {
                return !shaped(p) || hasResponseShape(l);
            }
        }
        return false;
    }

    /** Must a line with {@code prefix} have one of the command's response shapes to be its own? */
    boolean shaped(String prefix) {
        for (LineShape s : responseShapes) {
            if (overlap(s.prefix(), prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Does a line starting with {@code prefix} (a URC decoder's) need its whole text to tell
     * whether it is this command's (a shaped response or final) or a URC?
     */
    boolean decidedByShape(String prefix) {
        if (shaped(prefix)) {
            return true;
        }
        for (FinalLine f : finalLines) {
            if (f.shape() != null && overlap(f.shape().prefix(), prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlap(String a, String b) {
        return a.startsWith(b) || b.startsWith(a);
    }

    private boolean hasResponseShape(String l) {
        for (LineShape s : responseShapes) {
            if (s.matches(l)) {
                return true;
            }
        }
        return false;
    }

    /** Is {@code l} this command's own line: a specific final or a response it claims? */
    boolean owns(String l) {
        return specificFinal(l) != null || claims(l);
    }

    /** The line with secrets masked: safe for logs and messages. */
    public String maskedLine() {
        return WireTrace.mask(line, secrets);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AtCommand c
                && name.equals(c.name)
                && line.equals(c.line)
                && responsePrefixes.equals(c.responsePrefixes)
                && finalLines.equals(c.finalLines)
                && Arrays.equals(promptPayload, c.promptPayload)
                && timeout.equals(c.timeout)
                && secrets.equals(c.secrets)
                && responseDecoders.equals(c.responseDecoders)
                && responseShapes.equals(c.responseShapes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, line, responsePrefixes, finalLines, Arrays.hashCode(promptPayload), timeout);
    }

    @Override
    public String toString() {
        return "AtCommand[" + name + ": " + maskedLine() + "]";
    }

    public static final class Builder {
        private final String line;
        private String name;
        private final List<String> prefixes = new ArrayList<>();
        private final List<FinalLine> finals = new ArrayList<>();
        private byte[] payload;
        private Duration timeout = DEFAULT_TIMEOUT;
        private final List<String> secrets = new ArrayList<>();
        private final Map<String, UrcDecoder> decoders = new LinkedHashMap<>();
        private final List<LineShape> shapes = new ArrayList<>();

        private Builder(String line) {
            this.line = Objects.requireNonNull(line, "line");
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder expect(String... responsePrefixes) {
            prefixes.addAll(Arrays.asList(responsePrefixes));
            return this;
        }

        /**
         * Lines starting with {@code prefix} are this command's response, read by {@code decoder}
         * while it is pending (a counted payload, see {@link UrcDecoder#counted(int, int, int)}).
         */
        public Builder expectPayload(String prefix, UrcDecoder decoder) {
            prefixes.add(prefix);
            decoders.put(prefix, Objects.requireNonNull(decoder, "decoder"));
            return this;
        }

        public Builder finalLine(FinalLine f) {
            finals.add(f);
            return this;
        }

        public Builder finalError(String exactLine) {
            return finalLine(FinalLine.error(exactLine));
        }

        public Builder finalErrorPrefix(String prefix) {
            return finalLine(FinalLine.errorPrefix(prefix));
        }

        /** Response lines with this shape's prefix are the command's only when they have one of its shapes. */
        public Builder shape(LineShape shape) {
            shapes.add(shape);
            return this;
        }

        public Builder prompt(byte[] payload) {
            this.payload = payload;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder secret(String value) {
            secrets.add(value);
            return this;
        }

        public AtCommand build() {
            return new AtCommand(
                    name != null ? name : deriveName(line),
                    line,
                    prefixes,
                    finals,
                    payload,
                    timeout,
                    secrets,
                    decoders,
                    shapes);
        }

        /**
         * {@code AT+HTTPACTION=2,23} -> {@code AT+HTTPACTION}: never contains arguments (they may be
         * secret) nor anything after a control character.
         */
        private static String deriveName(String line) {
            int end = line.length();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '=' || c == '?' || c == ' ' || c == ';' || c < 0x20 || c == 0x7f) {
                    end = i;
                    break;
                }
            }
            return end == 0 ? "command" : line.substring(0, end);
        }
    }
}
