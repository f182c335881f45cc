package io.atspec.runtime;

import java.util.List;

/** What a command received: its information lines (echo stripped) and the final result. */
public record AtResponse(List<String> lines, FinalResult finalResult) {

    public AtResponse {
        lines = List.copyOf(lines);
    }

    /** The first line starting with {@code prefix}, or null. */
    public String line(String prefix) {
        for (String l : lines) {
            if (l.startsWith(prefix)) {
                return l;
            }
        }
        return null;
    }
}
