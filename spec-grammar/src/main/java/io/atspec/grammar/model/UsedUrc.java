package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;

/**
 * A URC of another chapter that this one names ({@code uses network urc "GPRS DISCONNECTION";}):
 * chapters are compiled one by one, so the line it starts with is all this chapter knows of it.
 *
 * @param chapter the name of the chapter that declares it
 * @param name the line start: a prefix without colon, or a line without prefix
 */
public record UsedUrc(String chapter, String name, SourceLocation location) {

    /** Whether a line starts this URC: the whole line, or a prefix followed by its colon. */
    public boolean prefixed() {
        return name.startsWith("+");
    }
}
