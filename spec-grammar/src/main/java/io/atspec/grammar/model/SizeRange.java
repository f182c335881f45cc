package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.util.Optional;

/**
 * Bounds of a length in bytes. An absent bound is open: {@code ..32} means at most 32 bytes.
 */
public record SizeRange(long min, Optional<Long> max, SourceLocation location) {

    public static SizeRange unbounded(SourceLocation location) {
        return new SizeRange(0, Optional.empty(), location);
    }

    public boolean contains(long size) {
        return size >= min && max.map(m -> size <= m).orElse(true);
    }

    @Override
    public String toString() {
        return describe("bytes");
    }

    /**
     * The bounds counted in {@code unit}: {@code 32 hex characters}, {@code 1..512 bytes}. A hex
     * string is measured in its characters, two to a byte, so its bounds say so.
     */
    public String describe(String unit) {
        return max.map(m -> min == m ? m + " " + unit : min + ".." + m + " " + unit)
                .orElse(min == 0 ? "any length" : "at least " + min + " " + unit);
    }
}
