package io.atspec.grammar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the diagnostics of one spec file, so that a run reports all of them at once, as
 * AutoValue's error reporter and javac do. Knows the file's lines to show the caret line.
 */
public final class Reporter {

    private final String file;
    private final List<String> lines;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public Reporter(String file, String text) {
        this.file = file;
        this.lines = text.lines().toList();
    }

    public String file() {
        return file;
    }

    public SourceLocation at(int line, int column) {
        return new SourceLocation(file, line, column);
    }

    public void error(SourceLocation where, String message) {
        report(Severity.ERROR, where, message);
    }

    public void warning(SourceLocation where, String message) {
        report(Severity.WARNING, where, message);
    }

    public void report(Severity severity, SourceLocation where, String message) {
        Diagnostic diagnostic = new Diagnostic(severity, where, message, lineAt(where.line()));
        // One mistake can be reached twice (a syntax error seen by lexer and parser): say it once.
        if (!diagnostics.contains(diagnostic)) {
            diagnostics.add(diagnostic);
        }
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** Everything reported, in file order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics.stream()
                .sorted(Comparator.comparingInt((Diagnostic d) -> d.location().line())
                        .thenComparingInt(d -> d.location().column()))
                .toList();
    }

    private String lineAt(int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }
}
