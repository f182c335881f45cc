package io.atspec.grammar.model;

import java.util.List;

/**
 * Allowed integer values: a union of closed ranges ({@code 0..31|99}). Empty means any int.
 */
public record ValueSet(List<IntRange> ranges) {

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
        return ranges.isEmpty() || ranges.stream().anyMatch(r -> r.contains(value));
    }

    public long min() {
        return ranges.stream().mapToLong(IntRange::min).min().orElse(Integer.MIN_VALUE);
    }

    public long max() {
        return ranges.stream().mapToLong(IntRange::max).max().orElse(Integer.MAX_VALUE);
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
