package io.atspec.runtime;

/**
 * Argument formatting that refuses text which would break the wire form, before anything is
 * written. Messages name the argument and the offending position but never echo the value
 * (it may be a password).
 */
public final class WireFormat {

    private WireFormat() {}

    /** {@code "value"}; refuses CR, LF, other control characters and {@code "}. */
    public static String quoted(String argName, String value) {
        check(argName, value, true);
        return '"' + value + '"';
    }

    /**
     * The value as is; refuses CR, LF, other control characters, {@code "}, and the separators
     * {@code ;} (it would chain a command) and {@code ,} (it would add an argument).
     */
    public static String unquoted(String argName, String value) {
        check(argName, value, false);
        return value;
    }

    /** Refuses a value longer than {@code max} characters (e.g. a 32-character user name). */
    public static String maxLength(String argName, String value, int max) {
        if (value.length() > max) {
            throw new AtArgumentException(
                    "argument " + argName + " is " + value.length() + " characters long, at most " + max + " allowed");
        }
        return value;
    }

    private static void check(String argName, String value, boolean quoted) {
        if (value == null) {
            throw new AtArgumentException("argument " + argName + " is null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new AtArgumentException("argument " + argName + ": control character " + WireTrace.escapeChar(c)
                        + " at index " + i + " would break the command line");
            }
            if (c == '"') {
                throw new AtArgumentException("argument " + argName + ": a quote at index " + i
                        + (quoted ? " would end the quoted string early" : " would open a quoted string"));
            }
            if (!quoted && (c == ';' || c == ',')) {
                throw new AtArgumentException("argument " + argName + ": '" + c + "' at index " + i
                        + (c == ';' ? " would chain another command" : " would start another argument"));
            }
        }
    }
}
