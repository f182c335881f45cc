package io.atspec.grammar.internal;

import io.atspec.grammar.Reporter;
import io.atspec.grammar.SourceLocation;
import java.util.HashMap;
import java.util.Map;

/**
 * The clauses a block may hold once (a command's {@code section}, a URC's {@code description},
 * a parameter's {@code quoted}): a second one is an error pointing at the first, rather than
 * silently winning over it.
 */
final class SingleClauses {

    private final Reporter reporter;
    private final String owner;
    private final Map<String, SourceLocation> seen = new HashMap<>();

    /** @param owner how the block is named in messages: "command AT+X", "URC +A", "<a>" */
    SingleClauses(Reporter reporter, String owner) {
        this.reporter = reporter;
        this.owner = owner;
    }

    /** Records the clause; reports it and returns false when the block already has one. */
    boolean once(String clause, SourceLocation where) {
        SourceLocation first = seen.putIfAbsent(clause, where);
        if (first != null) {
            reporter.error(
                    where,
                    "second '" + clause + "' in " + owner + " (the first is at line " + first.line() + ":"
                            + first.column() + "); write it once");
            return false;
        }
        return true;
    }

    /** Reports {@code clause} when the block already has {@code other}, which it contradicts. */
    void exclusive(String clause, String other, SourceLocation where) {
        SourceLocation first = seen.get(other);
        if (first != null) {
            reporter.error(
                    where,
                    owner + " is both '" + other + "' (line " + first.line() + ":" + first.column() + ") and '" + clause
                            + "'; choose one");
        }
    }
}
