package io.atspec.grammar.model;

/** How an enum code is written on the wire. */
public enum CodeKind {
    /** A decimal number: {@code 0}, {@code 303}. */
    INTEGER,
    /** A bare word: {@code url}. */
    WORD,
    /** A word in double quotes: {@code "sslversion"}. */
    QUOTED
}
