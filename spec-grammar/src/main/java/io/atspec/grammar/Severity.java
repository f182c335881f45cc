package io.atspec.grammar;

/** How bad a diagnostic is: an error stops code generation, a warning does not. */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word printed in a diagnostic line, as javac and gcc print it. */
    public String label() {
        return label;
    }
}
