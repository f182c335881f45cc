package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * An unsolicited result code.
 *
 * @param prefix the prefix without colon ({@code +HTTPRECV}), or for a prefix-less URC the
 *     whole fixed line ({@code GPRS DISCONNECTION})
 * @param prefixless whether the URC is a fixed line without a {@code +} prefix
 * @param reports the shapes of the line after the prefix's colon; empty when the line is the
 *     prefix alone ({@code +PBREADY})
 * @param rebootIndication whether the module sends it when it has (re)started, so that a
 *     command pending then will never be answered ({@code indicates reboot;})
 */
public record Urc(
        String prefix,
        boolean prefixless,
        String javaName,
        String title,
        Optional<String> section,
        String description,
        List<Alias> aliases,
        List<Parameter> parameters,
        List<UrcReport> reports,
        List<Example> examples,
        boolean rebootIndication,
        SourceLocation location) {

    public Urc {
        aliases = List.copyOf(aliases);
        parameters = List.copyOf(parameters);
        reports = List.copyOf(reports);
        examples = List.copyOf(examples);
    }

    public boolean answersTo(String name) {
        return prefix.equals(name) || aliases.stream().anyMatch(a -> a.name().equals(name));
    }

    public Optional<Parameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }
}
