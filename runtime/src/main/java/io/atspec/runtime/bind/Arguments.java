package io.atspec.runtime.bind;

import io.atspec.runtime.AtArgumentException;
import java.nio.charset.StandardCharsets;

/**
 * Checks of arguments before anything is written. Every message names the command, the
 * parameter, the value (unless it is secret) and what is allowed.
 */
public final class Arguments {

    private Arguments() {}

    /**
     * An integer within its allowed set.
     *
     * @param allowed the set as the spec writes it, {@code 0..31|99}, for the message
     * @param bounds  pairs of inclusive bounds, {@code 0, 31, 99, 99}
     */
    public static int intIn(String command, String parameter, int value, String allowed, long... bounds) {
        for (int i = 0; i + 1 < bounds.length; i += 2) {
            if (value >= bounds[i] && value <= bounds[i + 1]) {
                return value;
            }
        }
        throw new AtArgumentException(
                command + ": <" + parameter + "> = " + value + " is outside its range " + allowed);
    }

    public static <T> T notNull(String command, String parameter, T value) {
        if (value == null) {
            throw new AtArgumentException(command + ": <" + parameter + "> is required, got null");
        }
        return value;
    }

    /**
     * Text for the wire: refuses null, control characters (CR and LF would end the command
     * line) and, when quoted, a double quote (it would end the string early); checks the size
     * in UTF-8 bytes. Returns the wire form, quoted when {@code quoted}.
     *
     * @param maxBytes the largest size allowed, or -1 for no limit
     * @param secret   whether the value must stay out of the message
     */
    public static String text(
            String command,
            String parameter,
            String value,
            long minBytes,
            long maxBytes,
            boolean quoted,
            boolean secret) {
        notNull(command, parameter, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new AtArgumentException(command + ": <" + parameter + "> contains a control character"
                        + " at index " + i + ", which would break the command line");
            }
            if (c == '"' && quoted) {
                throw new AtArgumentException(command + ": <" + parameter + "> contains a double quote at index " + i
                        + ", which would end the quoted string early");
            }
        }
        long size = value.getBytes(StandardCharsets.UTF_8).length;
        if (size < minBytes || (maxBytes >= 0 && size > maxBytes)) {
            throw new AtArgumentException(command + ": <" + parameter + "> "
                    + (secret ? "" : "'" + value + "' ") + "is " + size + " bytes long; allowed: "
                    + sizeRange(minBytes, maxBytes));
        }
        return quoted ? '"' + value + '"' : value;
    }

    /** Hexadecimal digits only (an MD5 sum), within the size bounds. */
    public static String hex(
            String command, String parameter, String value, long minBytes, long maxBytes, boolean quoted) {
        String wire = text(command, parameter, value, minBytes, maxBytes, quoted, false);
        for (int i = 0; i < value.length(); i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                throw new AtArgumentException(
                        command + ": <" + parameter + "> '" + value + "' is not hexadecimal (character " + i + ")");
            }
        }
        return wire;
    }

    /** A payload written after the prompt: its size must fit its bounds. */
    public static byte[] payload(String command, String parameter, byte[] value, long minBytes, long maxBytes) {
        notNull(command, parameter, value);
        if (value.length < minBytes || (maxBytes >= 0 && value.length > maxBytes)) {
            throw new AtArgumentException(command + ": <" + parameter + "> is " + value.length + " bytes; allowed: "
                    + sizeRange(minBytes, maxBytes));
        }
        return value.clone();
    }

    /** Members of an optional group travel together: all present or all absent. */
    public static void group(String command, String members, boolean... present) {
        boolean first = present.length > 0 && present[0];
        for (boolean p : present) {
            if (p != first) {
                throw new AtArgumentException(command + ": " + members + " go together: give all or none");
            }
        }
    }

    /** An inner optional group needs its enclosing one: {@code [,<length>[,<type>]]}. */
    public static void nested(String command, String inner, String outer, boolean innerPresent, boolean outerPresent) {
        if (innerPresent && !outerPresent) {
            throw new AtArgumentException(command + ": " + inner + " needs " + outer);
        }
    }

    private static String sizeRange(long min, long max) {
        if (max < 0) {
            return "at least " + min + " bytes";
        }
        return min == max ? max + " bytes" : min + ".." + max + " bytes";
    }
}
