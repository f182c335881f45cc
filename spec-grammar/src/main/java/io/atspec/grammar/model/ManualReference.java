package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.util.Optional;

/** Which manual a chapter transcribes, and its section there. */
public record ManualReference(String title, Optional<String> section, SourceLocation location) {}
