package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;

/**
 * An information response line: {@code +HTTPGETSTAT: <state_type>[,<err_code>]}.
 *
 * @param prefix the prefix without its colon, {@code +HTTPGETSTAT}
 * @param endsCommand {@code -> final +X: ...}: the line is also the final result, no OK follows
 */
public record ResponseFormat(String prefix, Format format, boolean endsCommand, SourceLocation location) {

    /** The prefix as it starts a line on the wire, colon included. */
    public String wirePrefix() {
        return prefix + ":";
    }
}
