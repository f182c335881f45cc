package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A command-specific final line, beyond the built-in OK, ERROR, +CME ERROR and +CMS ERROR:
 * {@code +HTTPACTION: SOCKET ID OPEN FAILED}.
 *
 * @param success whether the line ends the command successfully
 * @param aliases other spellings of the line that the manual uses
 * @param edition the edition that has this line; empty for every edition
 */
public record FinalResult(
        String text,
        boolean success,
        String description,
        List<String> aliases,
        Optional<String> edition,
        SourceLocation location) {

    public FinalResult {
        aliases = List.copyOf(aliases);
    }

    public boolean matches(String line) {
        return text.equals(line) || aliases.contains(line);
    }
}
