package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.util.Optional;

/**
 * One shape of a URC line after the prefix: {@code <length>,<data>} or the fixed text
 * {@code "HTTP Link Closed"}.
 */
public record UrcReport(Optional<String> name, Format format, SourceLocation location) {}
