package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.util.Optional;

/**
 * A parameter of a command, or a field of a response or URC.
 *
 * @param name the manual's name, without angle brackets ({@code para_value})
 * @param type its type
 * @param quoting how a string is written on the wire
 * @param secret whether the value must never reach a log or an exception message
 * @param optional whether the field may be empty on the wire ({@code 0,1,,ca.pem})
 * @param defaultValue the module's default, as written in the spec
 * @param derivedLengthOf for a derived length, the payload parameter it is computed from
 */
public record Parameter(
        String name,
        ParamType type,
        Quoting quoting,
        boolean secret,
        boolean optional,
        Optional<Value> defaultValue,
        Optional<String> derivedLengthOf,
        String description,
        SourceLocation location) {

    public boolean isDerived() {
        return derivedLengthOf.isPresent();
    }
}
