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
        return max.map(m -> min == m ? m + " bytes" : min + ".." + m + " bytes")
                .orElse(min == 0 ? "any length" : "at least " + min + " bytes");
    }
}
