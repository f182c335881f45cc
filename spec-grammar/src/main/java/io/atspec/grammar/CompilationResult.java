package io.atspec.grammar;

import io.atspec.grammar.link.LinkedChapter;
import io.atspec.grammar.model.Chapter;
import java.util.List;
import java.util.Optional;

/**
 * What the front end made of one spec file: the validated and linked chapter when there was no
 * error, and every diagnostic. A chapter with errors is never handed on, not even in part.
 */
public record CompilationResult(Optional<LinkedChapter> linked, List<Diagnostic> diagnostics) {

    public CompilationResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** The checked model of the chapter, when there was no error. */
    public Optional<Chapter> chapter() {
        return linked.map(LinkedChapter::source);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream()
                .filter(d -> d.severity() == Severity.WARNING)
                .toList();
    }

    /** Every diagnostic with its source line and caret, separated by newlines. */
    public String render() {
        return String.join("\n", diagnostics.stream().map(Diagnostic::render).toList());
    }
}
