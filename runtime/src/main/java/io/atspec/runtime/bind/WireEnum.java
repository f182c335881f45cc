package io.atspec.runtime.bind;

/** A generated enum constant: its code on the wire and the manual's words for it. */
public interface WireEnum {

    /** The code as written on the wire, without quotes: {@code 0}, {@code url}. */
    String code();

    /** What the manual says the code means. */
    String description();
}
