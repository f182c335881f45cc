package io.atspec.runtime;

/**
 * A command-specific final result line, e.g. {@code +HTTPACTION: SOCKET ID OPEN FAILED} (error)
 * or {@code +HTTPSSETUP: OK} (success). Matched exactly, or as a prefix when {@code prefix} is set.
 */
public record FinalLine(String text, boolean prefix, boolean error) {

    public FinalLine {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("final line text must not be empty");
        }
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

    boolean matches(String line) {
        return prefix ? line.startsWith(text) : line.equals(text);
    }
}
