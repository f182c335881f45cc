package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;

/**
 * A URC named by the line it starts with, as a completion's {@code abort on} names it:
 * {@code +PBREADY} (no colon) or {@code GPRS DISCONNECTION} (a line without prefix).
 */
public record UrcRef(String name, SourceLocation location) {}
