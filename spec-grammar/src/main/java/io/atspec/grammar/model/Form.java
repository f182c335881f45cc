package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * One way of writing a command: its kind, its arguments, the prompt payload it sends, and the
 * information responses it gets.
 *
 * @param name the form's name, which becomes the Java factory name ({@code get}, {@code url})
 * @param format the arguments after {@code =}; empty for exec, query and test
 * @param promptPayload the parameter written after the {@code >} prompt, if any
 * @param responses the shapes of its information response lines, any of which may come
 */
public record Form(
        FormKind kind,
        Optional<String> name,
        Format format,
        Optional<String> promptPayload,
        List<ResponseFormat> responses,
        SourceLocation location) {

    public Form {
        responses = List.copyOf(responses);
    }

    /** How the form is named in messages: {@code set form 'get'} or {@code query form}. */
    public String describe() {
        return kind.keyword() + " form" + name.map(n -> " '" + n + "'").orElse("");
    }
}
