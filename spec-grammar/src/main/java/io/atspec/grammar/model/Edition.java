package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;

/** An edition of the manual whose values differ (timeouts, final lines); named by the spec. */
public record Edition(String name, String description, SourceLocation location) {}
