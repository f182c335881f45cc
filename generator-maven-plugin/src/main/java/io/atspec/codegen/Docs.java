package io.atspec.codegen;

/** Javadoc text from the spec's words: HTML-escaped, so manual text like {@code <para>} shows. */
final class Docs {

    private Docs() {}

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("@", "&#64;")
                .replace("*/", "*&#47;");
    }

    /** Code in Javadoc: {@code AT+X=<a>} becomes {@code <code>AT+X=&lt;a&gt;</code>}. */
    static String code(String text) {
        return "<code>" + escape(text) + "</code>";
    }
}
