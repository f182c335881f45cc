package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.util.Optional;

/**
 * An information response line: {@code +HTTPGETSTAT: <state_type>[,<err_code>]}.
 *
 * @param prefix the prefix without its colon, {@code +HTTPGETSTAT}
 * @param endsCommand {@code -> final +X: ...}: the line is also the final result, no OK follows
 * @param name the shape's name ({@code data} in {@code data: +SOCKREAD: ...}); a form with several
 *     response shapes names each one
 */
public record ResponseFormat(
        String prefix, Format format, boolean endsCommand, SourceLocation location, Optional<String> name) {

    /** The prefix as it starts a line on the wire, colon included. */
    public String wirePrefix() {
        return prefix + ":";
    }
}
