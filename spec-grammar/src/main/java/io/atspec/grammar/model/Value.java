package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;

/**
 * A literal in a spec: a default value or a discriminator.
 *
 * @param text the literal without quotes
 * @param kind how it was written: a number, a bare word, or a quoted string
 */
public record Value(String text, CodeKind kind, SourceLocation location) {

    /** The literal as written on the wire. */
    public String wireForm() {
        return kind == CodeKind.QUOTED ? '"' + text + '"' : text;
    }
}
