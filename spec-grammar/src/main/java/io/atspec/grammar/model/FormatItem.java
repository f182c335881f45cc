package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.util.Optional;

/** One item of a {@link Format}. */
public sealed interface FormatItem {

    SourceLocation location();

    /**
     * A parameter, {@code <url>}, or a parameter fixed to a value that tells alternative forms
     * apart, {@code <mode=2>} or {@code <para=url>}.
     */
    record Field(String name, Optional<Value> fixedValue, SourceLocation location) implements FormatItem {
        @Override
        public String toString() {
            return "<" + name + fixedValue.map(v -> "=" + v.wireForm()).orElse("") + ">";
        }
    }

    /** Literal text on the wire: {@code "HTTP Link Closed"}. */
    record Text(String text, SourceLocation location) implements FormatItem {
        @Override
        public String toString() {
            return '"' + text + '"';
        }
    }

    /** Items that may be left out together, from the end: {@code [,<offset>,<size>]}. */
    record OptionalGroup(Format format, SourceLocation location) implements FormatItem {
        @Override
        public String toString() {
            return "[" + format + "]";
        }
    }
}
