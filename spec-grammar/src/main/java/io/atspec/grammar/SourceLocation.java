package io.atspec.grammar;

/**
 * A place in a spec file: 1-based line and column, as editors and compilers show them.
 *
 * @param file the file as the user named it
 * @param line 1-based line number
 * @param column 1-based column, counted in characters (a tab counts as one)
 */
public record SourceLocation(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
