package io.atspec.grammar.link;

import io.atspec.grammar.model.Urc;
import java.util.List;
import java.util.Map;

/**
 * A URC with every derived fact about it.
 *
 * @param spellings the prefix and its aliases, as the spec writes them (no colon)
 * @param lineStarts how its lines start on the wire: with the colon when it has fields, so that
 *     {@code +HTTPCLOSE:} is not taken for {@code +HTTPCLOSED}
 * @param framing where its payload ends
 * @param rebootIndication whether the module sends it when it has (re)started
 * @param parameters its fields by name, types resolved
 */
public record LinkedUrc(
        Urc source,
        List<String> spellings,
        List<String> lineStarts,
        PayloadFraming framing,
        boolean rebootIndication,
        Map<String, LinkedParameter> parameters) {

    public LinkedUrc {
        spellings = List.copyOf(spellings);
        lineStarts = List.copyOf(lineStarts);
        parameters = Map.copyOf(parameters);
    }

    public String javaName() {
        return source.javaName();
    }

    public String prefix() {
        return source.prefix();
    }

    /**
     * The prefixes a channel registers a payload decoder under: each spelling with its colon.
     * Prefix-less URCs carry no payload, so they have none.
     */
    public List<String> decoderPrefixes() {
        if (!framing.hasPayload() || source.prefixless()) {
            return List.of();
        }
        return spellings.stream().map(s -> s + ":").toList();
    }
}
