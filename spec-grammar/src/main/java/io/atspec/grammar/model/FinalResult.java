package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A command-specific final line, beyond the built-in OK, ERROR, +CME ERROR and +CMS ERROR:
 * {@code +HTTPACTION: SOCKET ID OPEN FAILED}, or a shaped one carrying fields,
 * {@code final in_use: +SOCKOPEN: <link>,"ERROR1" error}.
 *
 * @param text the exact line; for a shaped line its wire prefix ({@code +SOCKOPEN:})
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
        Optional<Shape> shape,
        SourceLocation location) {

    /**
     * The fields a shaped final line carries.
     *
     * @param name the line's name in the spec ({@code in_use}), which names its exception
     * @param prefix the prefix without its colon, {@code +SOCKOPEN}
     */
    public record Shape(String name, String prefix, Format format, SourceLocation location) {
        public String wirePrefix() {
            return prefix + ":";
        }
    }

    public FinalResult {
        aliases = List.copyOf(aliases);
    }

    /** Does {@code line} equal this literal line (a shaped line is matched by its {@code LineShape})? */
    public boolean matches(String line) {
        return shape.isEmpty() && (text.equals(line) || aliases.contains(line));
    }
}
