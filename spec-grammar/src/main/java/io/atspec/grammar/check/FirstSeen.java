package io.atspec.grammar.check;

import io.atspec.grammar.Reporter;
import io.atspec.grammar.SourceLocation;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers where each name was first declared, to report a second declaration with a
 * pointer to the first.
 */
final class FirstSeen {

    private final Reporter reporter;
    private final String what;
    private final Map<String, SourceLocation> seen = new HashMap<>();

    /** @param what how the name is introduced in messages: "enum", "parameter", "section" */
    FirstSeen(Reporter reporter, String what) {
        this.reporter = reporter;
        this.what = what;
    }

    /** Records {@code name}; reports it and returns false when it was seen before. */
    boolean add(String name, SourceLocation where) {
        SourceLocation first = seen.putIfAbsent(name, where);
        if (first != null) {
            reporter.error(where, what + " '" + name + "' is declared twice (first at line " + first.line() + ")");
            return false;
        }
        return true;
    }

    boolean contains(String name) {
        return seen.containsKey(name);
    }

    SourceLocation where(String name) {
        return seen.get(name);
    }
}
