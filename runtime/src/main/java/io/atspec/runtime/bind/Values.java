package io.atspec.runtime.bind;

/** Value tests that generated predicates use (a completion's end condition, a poll's goal). */
public final class Values {

    private Values() {}

    /**
     * Whether {@code value} lies in one of the closed ranges {@code bounds} gives as pairs
     * {@code lo, hi} (a single value {@code v} is the pair {@code v, v}).
     */
    public static boolean inRanges(long value, long... bounds) {
        if (bounds.length % 2 != 0) {
            throw new IllegalArgumentException("bounds come in pairs lo,hi; got " + bounds.length + " values");
        }
        for (int i = 0; i < bounds.length; i += 2) {
            if (value >= bounds[i] && value <= bounds[i + 1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The decimal number {@code code} stands for, or {@link Long#MIN_VALUE} if it is not one (a
     * wire code the spec does not know, or text): such a value lies in no range a spec can write.
     */
    public static long number(String code) {
        if (code == null) {
            return Long.MIN_VALUE;
        }
        try {
            return Long.parseLong(code.trim());
        } catch (NumberFormatException notANumber) {
            return Long.MIN_VALUE;
        }
    }
}
