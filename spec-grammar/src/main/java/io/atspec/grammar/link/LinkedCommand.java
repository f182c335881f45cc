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
 * @param shapedFinals its final lines that carry fields, with their shapes and exceptions
 * @param responseShapes the shape of each of its responses (final responses included)
 * @param urcSharedPrefixes wire prefixes of its responses that a URC of the chapter also has:
 *     a line with one is the command's only when it has a response's shape
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
        Optional<LinkedCompletion> completion,
        List<LinkedFinal> shapedFinals,
        Map<io.atspec.grammar.model.ResponseFormat, LineShape> responseShapes,
        java.util.Set<String> urcSharedPrefixes) {

    /**
     * A final line with fields ({@code final in_use: +SOCKOPEN: <link>,"ERROR1" error}).
     *
     * @param exceptionName the generated exception the call fails with, {@code SockOpenInUseException}
     */
    public record LinkedFinal(io.atspec.grammar.model.FinalResult source, LineShape shape, String exceptionName) {}

    public LinkedCommand {
        editionTimeouts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(editionTimeouts));
        errorTables = List.copyOf(errorTables);
        parameters = Map.copyOf(parameters);
        forms = List.copyOf(forms);
        shapedFinals = List.copyOf(shapedFinals);
        responseShapes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(responseShapes));
        urcSharedPrefixes = java.util.Set.copyOf(urcSharedPrefixes);
    }

    /** The shape of one of its responses. */
    public LineShape shape(io.atspec.grammar.model.ResponseFormat response) {
        LineShape shape = responseShapes.get(response);
        if (shape == null) {
            throw new IllegalArgumentException("not a response of " + name());
        }
        return shape;
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
