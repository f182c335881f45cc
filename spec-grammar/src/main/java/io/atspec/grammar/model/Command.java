package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * An AT command, as one manual section describes it.
 *
 * @param name the canonical name, {@code AT+HTTPPARA}
 * @param javaName the Java name of its request type, {@code HttpPara}
 * @param title the section's title
 * @param section the manual section, {@code 9.1}
 * @param aliases other spellings the manual uses, accepted by parsers
 * @param errorTableNames error tables the command uses, by name
 * @param inlineErrors an error table written inside the command, if any
 */
public record Command(
        String name,
        String javaName,
        String title,
        Optional<String> section,
        String description,
        List<Timeout> timeouts,
        List<Parameter> parameters,
        List<Form> forms,
        List<FinalResult> finalResults,
        List<Alias> aliases,
        List<String> errorTableNames,
        Optional<ErrorTable> inlineErrors,
        Optional<Completion> completion,
        List<Example> examples,
        SourceLocation location) {

    public Command {
        timeouts = List.copyOf(timeouts);
        parameters = List.copyOf(parameters);
        forms = List.copyOf(forms);
        finalResults = List.copyOf(finalResults);
        aliases = List.copyOf(aliases);
        errorTableNames = List.copyOf(errorTableNames);
        examples = List.copyOf(examples);
    }

    /** The part after {@code AT}: {@code +HTTPPARA}. */
    public String bareName() {
        return name.substring(2);
    }

    public boolean answersTo(String atName) {
        return name.equals(atName) || aliases.stream().anyMatch(a -> a.name().equals(atName));
    }

    public Optional<Parameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /** The timeout of the default edition, if the spec gives one. */
    public Optional<Timeout> defaultTimeout() {
        return timeouts.stream().filter(t -> t.edition().isEmpty()).findFirst();
    }

    public List<Form> forms(FormKind kind) {
        return forms.stream().filter(f -> f.kind() == kind).toList();
    }
}
