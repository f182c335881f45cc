package io.atspec.runtime.bind;

import io.atspec.runtime.AtArgumentException;
import io.atspec.runtime.WireTrace;
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
        if (within(value, false, bounds)) {
            return value;
        }
        throw new AtArgumentException(
                command + ": <" + parameter + "> = " + value + " is outside its range " + allowed);
    }

    /** As {@link #intIn}, for a 64-bit parameter. */
    public static long longIn(String command, String parameter, long value, String allowed, long... bounds) {
        if (within(value, false, bounds)) {
            return value;
        }
        throw new AtArgumentException(
                command + ": <" + parameter + "> = " + value + " is outside its range " + allowed);
    }

    /**
     * As {@link #longIn}, for an unsigned 64-bit parameter: {@code value} and the bounds are
     * compared unsigned ({@code -1L} is 18446744073709551615), and the message shows them so.
     */
    public static long unsignedLongIn(String command, String parameter, long value, String allowed, long... bounds) {
        if (within(value, true, bounds)) {
            return value;
        }
        throw new AtArgumentException(command + ": <" + parameter + "> = " + Long.toUnsignedString(value)
                + " is outside its range " + allowed);
    }

    /** Whether {@code value} lies in one of the inclusive {@code bounds} pairs, compared as {@code unsigned} says. */
    static boolean within(long value, boolean unsigned, long... bounds) {
        for (int i = 0; i + 1 < bounds.length; i += 2) {
            boolean above = unsigned ? Long.compareUnsigned(value, bounds[i]) >= 0 : value >= bounds[i];
            boolean below = unsigned ? Long.compareUnsigned(value, bounds[i + 1]) <= 0 : value <= bounds[i + 1];
            if (above && below) {
                return true;
            }
        }
        return false;
    }

    public static <T> T notNull(String command, String parameter, T value) {
        if (value == null) {
            throw new AtArgumentException(command + ": <" + parameter + "> is required, got null");
        }
        return value;
    }

    /**
     * Text for the wire: refuses null, control characters (CR and LF would end the command
     * line), a double quote (it would end a quoted string early, or open one in an unquoted
     * value) and, unquoted, the separators: {@code ;} chains another command under V.250, and
     * {@code ,} starts another argument. Checks the size in UTF-8 bytes. Returns the wire form,
     * quoted when {@code quoted}.
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
        return text(command, parameter, value, minBytes, maxBytes, quoted, secret, false);
    }

    /**
     * As {@link #text(String, String, String, long, long, boolean, boolean)}; with
     * {@code runsToLineEnd} (the last field, which the spec says runs to the end of the line) an
     * unquoted value may hold commas: the module reads it whole.
     */
    public static String text(
            String command,
            String parameter,
            String value,
            long minBytes,
            long maxBytes,
            boolean quoted,
            boolean secret,
            boolean runsToLineEnd) {
        notNull(command, parameter, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw refused(
                        command,
                        parameter,
                        value,
                        secret,
                        "a control character " + WireTrace.escapeChar(c),
                        i,
                        "would break the command line");
            }
            if (c == '"') {
                throw refused(
                        command,
                        parameter,
                        value,
                        secret,
                        "a double quote",
                        i,
                        quoted ? "would end the quoted string early" : "would open a quoted string");
            }
            if (!quoted && c == ';') {
                throw refused(
                        command,
                        parameter,
                        value,
                        secret,
                        "';'",
                        i,
                        "would chain another command; quote it or leave it out");
            }
            if (!quoted && c == ',' && !runsToLineEnd) {
                throw refused(command, parameter, value, secret, "','", i, "would start another argument");
            }
        }
        long size = value.getBytes(StandardCharsets.UTF_8).length;
        if (size < minBytes || (maxBytes >= 0 && size > maxBytes)) {
            throw new AtArgumentException(command + ": <" + parameter + "> "
                    + shown(value, secret) + "is " + size + " bytes long; allowed: "
                    + sizeRange(minBytes, maxBytes));
        }
        return quoted ? '"' + value + '"' : value;
    }

    /** The value as a message shows it, cut and escaped, or nothing for a secret. */
    private static String shown(String value, boolean secret) {
        return secret ? "" : "'" + WireTrace.excerpt(value) + "' ";
    }

    private static AtArgumentException refused(
            String command, String parameter, String value, boolean secret, String what, int index, String why) {
        return new AtArgumentException(command + ": <" + parameter + "> " + shown(value, secret) + "contains " + what
                + " at index " + index + ", which " + why);
    }

    /** Hexadecimal digits only (an MD5 sum), within the size bounds. */
    public static String hex(
            String command, String parameter, String value, long minBytes, long maxBytes, boolean quoted) {
        String wire = text(command, parameter, value, minBytes, maxBytes, quoted, false);
        for (int i = 0; i < value.length(); i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                throw new AtArgumentException(command + ": <" + parameter + "> '" + WireTrace.excerpt(value)
                        + "' is not hexadecimal (character " + i + ")");
            }
        }
        return wire;
    }

    /**
     * The length the module reads for inline text ({@code = length(<content>)} of a string): its
     * byte count in UTF-8, the charset this class sizes text in and the channel's default.
     */
    public static int textLength(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The length the module reads for inline hex ({@code = length(<hex_content>)}): the bytes the
     * digits stand for, characters / 2. An odd number of characters is refused: no byte count
     * describes it.
     */
    public static int hexLength(String command, String parameter, String value) {
        notNull(command, parameter, value);
        if (value.length() % 2 != 0) {
            throw new AtArgumentException(command + ": <" + parameter + "> has " + value.length()
                    + " hex characters; its length counts bytes (two characters each), so it needs an even number");
        }
        return value.length() / 2;
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
