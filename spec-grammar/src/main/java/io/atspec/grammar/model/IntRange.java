package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;

/** A closed range of integers; a single value is a range with {@code min == max}. */
public record IntRange(long min, long max, SourceLocation location) {

    public boolean contains(long value) {
        return value >= min && value <= max;
    }

    @Override
    public String toString() {
        return min == max ? Long.toString(min) : min + ".." + max;
    }
}
