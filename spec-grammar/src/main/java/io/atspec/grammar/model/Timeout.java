package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.time.Duration;
import java.util.Optional;

/**
 * How long the module may take to give the final result.
 *
 * @param edition the edition this value belongs to; empty for the default edition
 */
public record Timeout(Duration duration, Optional<String> edition, SourceLocation location) {}
