package io.atspec.grammar;

/**
 * One problem found in a spec, with where it is.
 *
 * @param severity error or warning
 * @param location where the problem starts
 * @param message what is wrong, phrased for a person
 * @param sourceLine the text of the offending line (without its line end), for the caret
 */
public record Diagnostic(Severity severity, SourceLocation location, String message, String sourceLine) {

    /** The header line: {@code path:line:col: error: message}. */
    public String header() {
        return location + ": " + severity.label() + ": " + message;
    }

    /**
     * The header, then the source line and a caret under the column, as compilers print them.
     * Tabs before the column are kept in the caret line so the caret lines up in a terminal.
     */
    public String render() {
        StringBuilder out = new StringBuilder(header());
        if (sourceLine != null && !sourceLine.isEmpty()) {
            out.append('\n').append(sourceLine).append('\n');
            int upTo = Math.min(Math.max(location.column() - 1, 0), sourceLine.length());
            for (int i = 0; i < upTo; i++) {
                out.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
            }
            out.append('^');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return header();
    }
}
