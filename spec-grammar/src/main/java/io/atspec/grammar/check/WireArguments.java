package io.atspec.grammar.check;

import java.util.ArrayList;
import java.util.List;

/** Splits the argument text of an AT line at commas that are not inside double quotes. */
final class WireArguments {

    private WireArguments() {}

    /**
     * {@code 0,"IP","CMNET"} -> {@code [0, "IP", "CMNET"]}. Spaces around an argument are not
     * part of it (the manual writes {@code url, www.neoway.com.cn}); quotes are kept so callers
     * can tell a quoted argument. A parenthesised list in a test answer is one argument:
     * {@code (1-7),(IP,IPV6)} has two. An empty text is no argument at all.
     */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
            }
            if (c == ',' && !quoted && depth == 0) {
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString().strip());
        return out;
    }

    static boolean isQuoted(String argument) {
        return argument.length() >= 2 && argument.startsWith("\"") && argument.endsWith("\"");
    }

    static String unquoted(String argument) {
        return isQuoted(argument) ? argument.substring(1, argument.length() - 1) : argument;
    }

    /** Removes spaces outside quotes: modules ignore them, the manual sprinkles them. */
    static String withoutSpaces(String line) {
        StringBuilder out = new StringBuilder(line.length());
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (quoted || !Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
