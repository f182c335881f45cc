package io.atspec.grammar.model;

import java.math.BigInteger;
import java.util.List;

/**
 * Allowed integer values: a union of closed ranges ({@code 0..31|99}). Empty means any int.
 */
public record ValueSet(List<IntRange> ranges) {

    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** The Java type that holds every value of a set. */
    public enum Width {
        /** {@code int}: the set fits 32 bits (an unbounded set is an {@code int} too). */
        INT,
        /** {@code long}: the set needs 64 bits, signed. */
        LONG,
        /**
         * {@code long} read as unsigned ({@code Long.parseUnsignedLong}): the set goes above
         * {@link Long#MAX_VALUE}, up to 2^64 - 1, and has no negative value.
         */
        UNSIGNED_LONG
    }

    public ValueSet {
        ranges = List.copyOf(ranges);
    }

    public static ValueSet any() {
        return new ValueSet(List.of());
    }

    public boolean isUnbounded() {
        return ranges.isEmpty();
    }

    public boolean contains(long value) {
        return contains(BigInteger.valueOf(value));
    }

    public boolean contains(BigInteger value) {
        return ranges.isEmpty() || ranges.stream().anyMatch(r -> r.contains(value));
    }

    public BigInteger min() {
        return ranges.stream().map(IntRange::min).min(BigInteger::compareTo).orElse(INT_MIN);
    }

    public BigInteger max() {
        return ranges.stream().map(IntRange::max).max(BigInteger::compareTo).orElse(INT_MAX);
    }

    /** The Java type its values need; the checker refuses a set no {@code long} holds. */
    public Width width() {
        BigInteger min = min();
        BigInteger max = max();
        if (min.compareTo(INT_MIN) >= 0 && max.compareTo(INT_MAX) <= 0) {
            return Width.INT;
        }
        if (min.compareTo(LONG_MIN) >= 0 && max.compareTo(LONG_MAX) <= 0) {
            return Width.LONG;
        }
        return Width.UNSIGNED_LONG;
    }

    /** Whether some Java {@code long} holds every value, signed or unsigned. */
    public boolean fitsLong() {
        BigInteger min = min();
        BigInteger max = max();
        return min.compareTo(LONG_MIN) >= 0
                && (max.compareTo(LONG_MAX) <= 0
                        || min.signum() >= 0 && max.compareTo(IntRange.UNSIGNED_LONG_MAX) <= 0);
    }

    /** The set as the spec writes it: {@code 0..31|99}. */
    @Override
    public String toString() {
        if (ranges.isEmpty()) {
            return "any integer";
        }
        return String.join("|", ranges.stream().map(IntRange::toString).toList());
    }
}
