package io.atspec.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prose from a spec made literal in Markdown (CommonMark and GitHub's tables). The manual's
 * placeholders such as {@code <data>} would otherwise be read as HTML tags and vanish from the
 * rendered page, and {@code *}, {@code _}, {@code [} would start emphasis or links. Every ASCII
 * punctuation character may be backslash-escaped in CommonMark, so escaping renders as the
 * character itself.
 */
final class MarkdownText {

    /** Characters that start inline markup anywhere in a line; | splits table cells. */
    private static final String INLINE = "\\`*_[]<>&|~";

    /** Markers that start a block at the beginning of a line: headings, lists, rules, setext lines. */
    private static final Pattern BLOCK_START = Pattern.compile("^(?:[#+=-]|\\d{1,9}(?=[.)]))");

    private MarkdownText() {}

    /** Text for a paragraph or heading; line breaks stay, indentation (a code block) goes. */
    static String escape(String prose) {
        StringBuilder out = new StringBuilder(prose.length() + 16);
        String[] lines = prose.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            line(lines[i].stripLeading(), out);
        }
        return out.toString();
    }

    /** Text for a table cell: one line. */
    static String cell(String prose) {
        return escape(prose.replace("\r", "").replace("\n", " "));
    }

    /**
     * An underscore between letters or digits, as in {@code para_value}, never starts or ends
     * emphasis in CommonMark, so it may stay as it is, and the Markdown source stays readable.
     */
    private static boolean intraword(String line, int i) {
        return i > 0
                && i + 1 < line.length()
                && Character.isLetterOrDigit(line.charAt(i - 1))
                && Character.isLetterOrDigit(line.charAt(i + 1));
    }

    private static void line(String line, StringBuilder out) {
        int from = 0;
        Matcher start = BLOCK_START.matcher(line);
        if (start.find()) {
            if (start.end() == 1 && !Character.isDigit(line.charAt(0))) {
                out.append('\\').append(line.charAt(0));
                from = 1;
            } else {
                // "1." or "1)": the digits stay, the delimiter is escaped below.
                out.append(line, 0, start.end());
                from = start.end();
                out.append('\\').append(line.charAt(from));
                from++;
            }
        }
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (INLINE.indexOf(c) >= 0 && !(c == '_' && intraword(line, i))) {
                out.append('\\');
            }
            out.append(c);
        }
    }
}
