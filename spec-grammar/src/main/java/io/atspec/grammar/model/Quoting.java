package io.atspec.grammar.model;

/** Whether a string parameter travels in double quotes. */
public enum Quoting {
    /** Not said: strings travel bare, which is how the Neoway HTTP chapter sends them. */
    DEFAULT,
    QUOTED,
    UNQUOTED;

    public boolean isQuoted() {
        return this == QUOTED;
    }
}
