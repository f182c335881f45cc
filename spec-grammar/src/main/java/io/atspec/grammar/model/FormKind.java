package io.atspec.grammar.model;

/** The four ways an AT command is written, as the manual's Format table names them. */
public enum FormKind {
    /** {@code AT+X=<...>} */
    SET("set", "="),
    /** {@code AT+X} */
    EXEC("exec", ""),
    /** {@code AT+X?} */
    QUERY("query", "?"),
    /** {@code AT+X=?} */
    TEST("test", "=?");

    private final String keyword;
    private final String suffix;

    FormKind(String keyword, String suffix) {
        this.keyword = keyword;
        this.suffix = suffix;
    }

    /** The spec keyword for this kind. */
    public String keyword() {
        return keyword;
    }

    /** What follows the command name on the wire before any argument. */
    public String suffix() {
        return suffix;
    }
}
