package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;

/**
 * One line of an example transcript.
 *
 * @param direction who sends the line
 * @param text the line without its marker and the one space after it
 */
public record TranscriptLine(Direction direction, String text, SourceLocation location) {

    /** Who sends a transcript line. */
    public enum Direction {
        /** {@code >}: the host sends a command line or a payload line. */
        SENT,
        /** {@code >!}: the host sends a malformed command line, which the module refuses. */
        SENT_REFUSED,
        /** {@code <}: the module sends. */
        RECEIVED
    }
}
