package io.atspec.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.atspec.grammar.link.PayloadFraming;
import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.Form;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.ResponseFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The counted payloads of a form's information responses ({@code +SOCKREAD: <link>,<len>,<data>}),
 * by wire prefix: the command descriptor hands their decoders to the channel, which counts the
 * bytes while the command is pending, and the response parser takes the payload.
 */
final class ResponseDecoders {

    static final ClassName URC_DECODER = ClassName.get(Types.RUNTIME, "UrcDecoder");

    private ResponseDecoders() {}

    /** Each prefix of {@code form}'s responses that carries a counted payload, with where it is counted. */
    static Map<String, PayloadFraming.Counted> of(Command command, Form form) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        command.parameters().forEach(p -> parameters.put(p.name(), p));
        Map<String, PayloadFraming.Counted> counted = new LinkedHashMap<>();
        for (ResponseFormat response : form.responses()) {
            Optional<PayloadFraming.Counted> framing = PayloadFraming.counted(response.format(), parameters);
            framing.ifPresent(c -> counted.putIfAbsent(response.wirePrefix(), c));
        }
        return counted;
    }

    /** {@code UrcDecoder.counted(2, 1, 4096)}: the runtime decoder of a counted payload. */
    static CodeBlock decoder(PayloadFraming.Counted counted) {
        return CodeBlock.of(
                "$T.counted($L, $L, $L)",
                URC_DECODER,
                counted.fieldsBefore(),
                counted.lengthField(),
                Math.min(counted.maxLength(), Integer.MAX_VALUE));
    }
}
