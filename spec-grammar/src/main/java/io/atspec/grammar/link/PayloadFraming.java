package io.atspec.grammar.link;

import io.atspec.grammar.model.FormatItem;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.UrcReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the bytes of a URC end, which a channel must know before it can read the next line:
 * the one statement of the framing rule, which the generator's decoder registration, the CLI's
 * decoder table and the example replays all read.
 *
 * @param kind how the payload is delimited
 * @param terminator for raw payloads, the URC prefix whose line ends them ({@code +HTTPCLOSED})
 * @param httpMessage whether the raw payload is an HTTP/1.x response that ends where its own
 *     framing says ({@code bytes http until +HTTPCLOSED}), the terminator ending only a response
 *     without a length
 */
public record PayloadFraming(Kind kind, Optional<String> terminator, boolean httpMessage) {

    /** How the payload of a URC is delimited. */
    public enum Kind {
        /** No payload: the URC is one line. */
        NONE,
        /** {@code <length>,<data>}: exactly as many bytes as the length field says. */
        LENGTH_FRAMED,
        /** Everything up to the terminator's line ({@code bytes until +HTTPCLOSED}). */
        RAW_UNTIL,
        /**
         * Both in one URC: a header with a length is length-framed, an empty header starts raw
         * bytes up to the terminator.
         */
        RAW_OR_LENGTH_FRAMED
    }

    public static final PayloadFraming NONE = new PayloadFraming(Kind.NONE, Optional.empty());

    public PayloadFraming {
        if ((kind == Kind.RAW_UNTIL || kind == Kind.RAW_OR_LENGTH_FRAMED) != terminator.isPresent()) {
            throw new IllegalArgumentException(
                    kind + " framing " + (terminator.isPresent() ? "takes no" : "needs a") + " terminator");
        }
        if (httpMessage && terminator.isEmpty()) {
            throw new IllegalArgumentException("an HTTP message payload is a raw one: it needs a terminator");
        }
    }

    /** A framing whose raw bytes, if any, run to the terminator whatever they hold. */
    public PayloadFraming(Kind kind, Optional<String> terminator) {
        this(kind, terminator, false);
    }

    /** Whether lines after the URC's own can belong to it. */
    public boolean hasPayload() {
        return kind != Kind.NONE;
    }

    /** The framing the payload fields of {@code reports} call for. */
    static PayloadFraming of(List<UrcReport> reports, Map<String, Parameter> parameters) {
        Optional<String> raw = Optional.empty();
        boolean http = false;
        boolean sized = false;
        for (UrcReport report : reports) {
            for (FormatItem.Field field : report.format().fields()) {
                Parameter parameter = parameters.get(field.name());
                if (parameter != null && parameter.type() instanceof ParamType.BytesType bytes) {
                    if (bytes.framing() instanceof ParamType.UntilUrc until && raw.isEmpty()) {
                        raw = Optional.of(until.terminators().get(0));
                        http = until.httpMessage();
                    } else if (bytes.framing() instanceof ParamType.SizedBy) {
                        sized = true;
                    }
                }
            }
        }
        if (raw.isPresent()) {
            return new PayloadFraming(sized ? Kind.RAW_OR_LENGTH_FRAMED : Kind.RAW_UNTIL, raw, http);
        }
        return sized ? new PayloadFraming(Kind.LENGTH_FRAMED, Optional.empty()) : NONE;
    }
}
