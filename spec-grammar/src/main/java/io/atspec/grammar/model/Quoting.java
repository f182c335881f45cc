package io.atspec.grammar.model;

/** Whether a string parameter travels in double quotes. */
public enum Quoting {
    /** Not said: strings travel bare, which is how the Neoway HTTP chapter sends them. */
    DEFAULT,
    QUOTED,
    UNQUOTED,
    /**
     * {@code rest}: the value is the rest of the line, sent bare with its commas. Only the last
     * field of a form can be one, since nothing after it could be told apart from the value.
     */
    REST_OF_LINE;

    public boolean isQuoted() {
        return this == QUOTED;
    }
}
