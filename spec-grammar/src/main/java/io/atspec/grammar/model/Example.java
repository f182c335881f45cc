package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.util.List;

/** An exchange from the manual, written as a transcript of sent and received lines. */
public record Example(String title, List<TranscriptLine> lines, SourceLocation location) {

    public Example {
        lines = List.copyOf(lines);
    }
}
