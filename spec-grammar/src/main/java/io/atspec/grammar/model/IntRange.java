package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.math.BigInteger;

/**
 * A closed range of integers; a single value is a range with {@code min == max}. Bounds are
 * exact: a range may reach up to an unsigned 64-bit count ({@code 0..18446744073709551615}).
 */
public record IntRange(BigInteger min, BigInteger max, SourceLocation location) {

    /** The largest unsigned 64-bit value, 2^64 - 1: the top of any range the language accepts. */
    public static final BigInteger UNSIGNED_LONG_MAX =
            BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    public IntRange(long min, long max, SourceLocation location) {
        this(BigInteger.valueOf(min), BigInteger.valueOf(max), location);
    }

    public boolean contains(long value) {
        return contains(BigInteger.valueOf(value));
    }

    public boolean contains(BigInteger value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    @Override
    public String toString() {
        return min.equals(max) ? min.toString() : min + ".." + max;
    }
}
