package io.atspec.runtime.bind;

import java.util.Optional;

/**
 * A command line as a module receives it, split into the command it names, its kind and its
 * arguments: what a simulator or a log decoder needs before a generated parser takes over.
 */
public final class CommandLine {

    /** The four ways an AT command is written. */
    public enum Kind {
        /** {@code AT+X=<...>} */
        SET,
        /** {@code AT+X} */
        EXEC,
        /** {@code AT+X?} */
        QUERY,
        /** {@code AT+X=?} */
        TEST
    }

    private final String name;
    private final Kind kind;
    private final Fields arguments;

    private CommandLine(String name, Kind kind, Fields arguments) {
        this.name = name;
        this.kind = kind;
        this.arguments = arguments;
    }

    /**
     * Reads {@code line} as one of {@code names} (a command and its aliases). Spaces outside
     * quotes are ignored, as modules ignore them; the longest matching name wins, so
     * {@code AT+HTTPSCFGA} is not {@code AT+HTTPSCFG} plus "A".
     */
    public static Optional<CommandLine> parse(String line, String... names) {
        String compact = withoutSpaces(line.strip());
        String best = null;
        for (String name : names) {
            if (compact.startsWith(name)
                    && (best == null || name.length() > best.length())
                    && kindOf(compact.substring(name.length())) != null) {
                best = name;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String rest = compact.substring(best.length());
        Kind kind = kindOf(rest);
        String arguments = kind == Kind.SET ? rest.substring(1) : "";
        return Optional.of(new CommandLine(best, kind, Fields.ofArguments(line, arguments, best)));
    }

    /** Reads {@code line} as the command {@code name} or one of its {@code aliases}. */
    public static Optional<CommandLine> parse(String line, String name, java.util.List<String> aliases) {
        String[] names = new String[aliases.size() + 1];
        names[0] = name;
        for (int i = 0; i < aliases.size(); i++) {
            names[i + 1] = aliases.get(i);
        }
        return parse(line, names);
    }

    private static Kind kindOf(String rest) {
        if (rest.isEmpty()) {
            return Kind.EXEC;
        }
        if (rest.equals("?")) {
            return Kind.QUERY;
        }
        if (rest.equals("=?")) {
            return Kind.TEST;
        }
        return rest.startsWith("=") ? Kind.SET : null;
    }

    private static String withoutSpaces(String line) {
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

    /** The spelling the line used: the canonical name or an alias. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public Fields arguments() {
        return arguments;
    }
}
