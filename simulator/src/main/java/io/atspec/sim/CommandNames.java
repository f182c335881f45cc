package io.atspec.sim;

import io.atspec.runtime.bind.CommandLine;
import java.util.ArrayList;
import java.util.List;

/**
 * The command names of an area, canonical and aliases. A line that names one of them but does
 * not parse is a command with bad arguments (+CME ERROR: 50), not an unknown command (ERROR).
 */
final class CommandNames {

    private final String[] names;

    private CommandNames(List<String> names) {
        this.names = names.toArray(new String[0]);
    }

    /** {@code of(NAME, ALIASES, NAME, ALIASES, ...)} from the generated command types. */
    static CommandNames of(Object... namesAndAliases) {
        List<String> all = new ArrayList<>();
        for (Object o : namesAndAliases) {
            if (o instanceof String name) {
                all.add(name);
            } else if (o instanceof List<?> aliases) {
                aliases.forEach(a -> all.add((String) a));
            } else {
                throw new IllegalArgumentException("expected a name or a list of aliases, got " + o);
            }
        }
        return new CommandNames(all);
    }

    boolean names(String line) {
        return CommandLine.parse(line, names).isPresent();
    }
}
