package io.atspec.grammar.link;

import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.ErrorTable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command with every reference resolved and every default applied.
 *
 * @param timeout the timeout of the default edition: the spec's, or the language default
 * @param timeoutGiven whether the spec gives that timeout (else {@link LanguageDefaults})
 * @param editionTimeouts timeouts of other editions, by edition name, in spec order
 * @param errorTables the tables a {@code +CME ERROR} code is explained from, in order: the
 *     inline table first (named {@code inlineErrorName}), then the named ones
 * @param inlineErrorName the enum of the inline error table, if the command has one
 * @param parameters its parameters by name, types resolved
 * @param forms its forms, in spec order
 */
public record LinkedCommand(
        Command source,
        Duration timeout,
        boolean timeoutGiven,
        Map<String, Duration> editionTimeouts,
        List<ErrorTable> errorTables,
        Optional<String> inlineErrorName,
        Map<String, LinkedParameter> parameters,
        List<LinkedForm> forms,
        Optional<LinkedCompletion> completion) {

    public LinkedCommand {
        editionTimeouts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(editionTimeouts));
        errorTables = List.copyOf(errorTables);
        parameters = Map.copyOf(parameters);
        forms = List.copyOf(forms);
    }

    public String javaName() {
        return source.javaName();
    }

    public String name() {
        return source.name();
    }

    /** The linked form of one of the command's forms. */
    public LinkedForm form(io.atspec.grammar.model.Form form) {
        return forms.stream()
                .filter(f -> f.source() == form)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a form of " + name()));
    }

    /** The record of the command's outcome, for a command with a completion. */
    public String outcomeName() {
        return ChapterNames.outcomeName(source);
    }

    /** Whether some edition has a timeout of its own. */
    public boolean timeoutByEdition() {
        return !editionTimeouts.isEmpty();
    }

    /** Every wire name the command answers to: its name, then its aliases. */
    public List<String> wireNames() {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(source.name()),
                        source.aliases().stream().map(io.atspec.grammar.model.Alias::name))
                .toList();
    }
}
