package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;

/** Another spelling of a command name or URC prefix that parsers accept. */
public record Alias(String name, SourceLocation location) {}
