package io.atspec.runtime;

import java.util.function.UnaryOperator;

/**
 * A command-specific final result line, e.g. {@code +HTTPACTION: SOCKET ID OPEN FAILED} (error)
 * or {@code +HTTPSSETUP: OK} (success). Matched exactly, or as a prefix when {@code prefix} is
 * set, or by its {@code shape} when it carries fields ({@code +SOCKOPEN: 1,ERROR1}).
 *
 * @param text the exact line, the prefix, or for a shaped line its prefix (for messages)
 * @param shape the shape a line must have, or null for an exact or prefix match
 * @param failure for an error line, makes the typed exception the call fails with; null for the
 *     plain {@link AtCommandFailedException}
 */
public record FinalLine(String text, boolean prefix, boolean error, LineShape shape, Failure failure) {

    /** Makes the exception a command fails with when its final line is this one. */
    @FunctionalInterface
    public interface Failure {
        /**
         * @param command the command as the channel describes it (name and masked line)
         * @param response what the module answered, the final line included
         * @param mask masks secrets for the message
         */
        AtCommandFailedException create(String command, AtResponse response, UnaryOperator<String> mask);
    }

    public FinalLine {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("final line text must not be empty");
        }
        if (failure != null && !error) {
            throw new IllegalArgumentException("a success final line cannot fail the call");
        }
    }

    public FinalLine(String text, boolean prefix, boolean error) {
        this(text, prefix, error, null, null);
    }

    public static FinalLine error(String exact) {
        return new FinalLine(exact, false, true);
    }

    public static FinalLine errorPrefix(String prefix) {
        return new FinalLine(prefix, true, true);
    }

    public static FinalLine success(String exact) {
        return new FinalLine(exact, false, false);
    }

    public static FinalLine successPrefix(String prefix) {
        return new FinalLine(prefix, true, false);
    }

    /** An error line carrying fields; the call fails with what {@code failure} makes. */
    public static FinalLine shapedError(LineShape shape, Failure failure) {
        return new FinalLine(shape.prefix(), false, true, shape, failure);
    }

    /**
     * An information response that is also the final result (no OK follows it): the line is
     * kept among the response's lines, where the response parser reads it.
     */
    public static FinalLine answer(LineShape shape) {
        return new FinalLine(shape.prefix(), false, false, shape, null);
    }

    /** Is a line of this final also the command's information response? */
    public boolean isAnswer() {
        return shape != null && !error;
    }

    /** Is {@code line} this final result (exactly, by prefix, or by shape)? Tools reading a capture ask too. */
    public boolean matches(String line) {
        if (shape != null) {
            return shape.matches(line);
        }
        return prefix ? line.startsWith(text) : line.equals(text);
    }
}
