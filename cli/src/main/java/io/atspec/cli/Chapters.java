package io.atspec.cli;

import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.SpecCompiler;
import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.Urc;
import io.atspec.neoway.http.HttpRequests;
import io.atspec.neoway.http.HttpUrc;
import io.atspec.neoway.network.NetworkRequests;
import io.atspec.neoway.network.NetworkUrc;
import io.atspec.runtime.UrcDecoder;
import io.atspec.runtime.bind.AtRequest;
import io.atspec.runtime.bind.Decoders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The chapters whose bindings this tool carries (the {@code spec} module's), with their
 * generated parsers and the spec each came from (read from the spec jar's {@code atspec/}).
 */
final class Chapters {

    /** One chapter's generated entry points. */
    interface Bindings {
        String name();

        Optional<AtRequest> parse(String line, byte[] payload);

        OptionalInt promptLength(String line);

        Optional<Object> parseResponse(AtRequest request, String line);

        Optional<Object> parseUrc(io.atspec.runtime.Urc urc);

        /** The chapter's spec resource in the spec jar. */
        String resource();
    }

    static final Bindings HTTP = new Bindings() {
        @Override
        public String name() {
            return "http";
        }

        @Override
        public Optional<AtRequest> parse(String line, byte[] payload) {
            return HttpRequests.parse(line, payload);
        }

        @Override
        public OptionalInt promptLength(String line) {
            return HttpRequests.promptLength(line);
        }

        @Override
        public Optional<Object> parseResponse(AtRequest r, String line) {
            return HttpRequests.parseResponse(r, line);
        }

        @Override
        public Optional<Object> parseUrc(io.atspec.runtime.Urc urc) {
            return HttpUrc.parse(urc).map(u -> (Object) u);
        }

        @Override
        public String resource() {
            return "atspec/neoway/http.atspec";
        }
    };

    static final Bindings NETWORK = new Bindings() {
        @Override
        public String name() {
            return "network";
        }

        @Override
        public Optional<AtRequest> parse(String line, byte[] payload) {
            return NetworkRequests.parse(line, payload);
        }

        @Override
        public OptionalInt promptLength(String line) {
            return NetworkRequests.promptLength(line);
        }

        @Override
        public Optional<Object> parseResponse(AtRequest r, String line) {
            return NetworkRequests.parseResponse(r, line);
        }

        @Override
        public Optional<Object> parseUrc(io.atspec.runtime.Urc urc) {
            return NetworkUrc.parse(urc).map(u -> (Object) u);
        }

        @Override
        public String resource() {
            return "atspec/neoway/network.atspec";
        }
    };

    static final List<Bindings> ALL = List.of(HTTP, NETWORK);

    private Chapters() {}

    /** The chapter model of bindings, compiled from the spec in the jar. */
    static Chapter model(Bindings bindings) {
        try (InputStream in = Chapters.class.getClassLoader().getResourceAsStream(bindings.resource())) {
            if (in == null) {
                throw new CliException("the spec " + bindings.resource() + " is missing from the class path");
            }
            CompilationResult result = SpecCompiler.parse(bindings.resource(), in.readAllBytes());
            return result.chapter()
                    .orElseThrow(() -> new CliException("the bundled spec " + bindings.resource() + " has errors: "
                            + result.errors().get(0).header()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the payloads of the chapters' URCs end, from their models: a URC with a
     * {@code bytes(<length>)} field is length-framed, one with {@code bytes until +X} runs to
     * {@code +X}, one with both is told apart by an empty header (as the generator registers them).
     */
    static Map<String, UrcDecoder> decoders() {
        Map<String, UrcDecoder> decoders = new LinkedHashMap<>();
        for (Bindings b : ALL) {
            for (Urc urc : model(b).urcs()) {
                boolean sized = false;
                String until = null;
                for (Parameter p : urc.parameters()) {
                    if (p.type() instanceof ParamType.BytesType bytes) {
                        if (bytes.framing() instanceof ParamType.SizedBy) {
                            sized = true;
                        } else if (bytes.framing() instanceof ParamType.UntilUrc u
                                && !u.terminators().isEmpty()) {
                            until = u.terminators().get(0);
                        }
                    }
                }
                UrcDecoder decoder = until != null && sized
                        ? Decoders.rawOrLengthFramed(until)
                        : until != null ? UrcDecoder.rawUntil(until) : sized ? UrcDecoder.lengthFramed() : null;
                if (decoder != null && !urc.prefixless()) {
                    decoders.put(urc.prefix() + ":", decoder);
                    urc.aliases().forEach(a -> decoders.put(a.name() + ":", decoder));
                }
            }
        }
        return decoders;
    }
}
