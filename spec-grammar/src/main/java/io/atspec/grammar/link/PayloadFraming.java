package io.atspec.grammar.link;

import io.atspec.grammar.model.Format;
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
 * decoder table and the example replays all read. {@link #counted(Format, Map)} states it for a
 * response line as well.
 *
 * @param kind how the payload is delimited
 * @param terminator for raw payloads, the URC prefix whose line ends them ({@code +HTTPCLOSED})
 * @param counted for length-framed payloads, where the length is and how large it may be
 * @param httpMessage whether the raw payload is an HTTP/1.x response that ends where its own
 *     framing says ({@code bytes http until +HTTPCLOSED}), the terminator ending only a response
 *     without a length
 */
public record PayloadFraming(Kind kind, Optional<String> terminator, Optional<Counted> counted, boolean httpMessage) {

    /**
     * A payload counted by an earlier field: {@code <link>,<length>,<data>} is 2 fields before the
     * data, the length at index 1.
     *
     * @param fieldsBefore how many comma-separated fields come before the payload
     * @param lengthField the index (from 0) of the length among them
     * @param maxLength the length field's declared maximum: a larger length is a framing error
     */
    public record Counted(int fieldsBefore, int lengthField, long maxLength) {
        public Counted {
            if (lengthField < 0 || lengthField >= fieldsBefore) {
                throw new IllegalArgumentException("length field " + lengthField + " is not one of the " + fieldsBefore
                        + " fields before the data");
            }
        }
    }

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

    public static final PayloadFraming NONE = new PayloadFraming(Kind.NONE, Optional.empty(), Optional.empty());

    public PayloadFraming {
        if ((kind == Kind.RAW_UNTIL || kind == Kind.RAW_OR_LENGTH_FRAMED) != terminator.isPresent()) {
            throw new IllegalArgumentException(
                    kind + " framing " + (terminator.isPresent() ? "takes no" : "needs a") + " terminator");
        }
        if ((kind == Kind.LENGTH_FRAMED || kind == Kind.RAW_OR_LENGTH_FRAMED) != counted.isPresent()) {
            throw new IllegalArgumentException(
                    kind + " framing " + (counted.isPresent() ? "takes no" : "needs a") + " counted length");
        }
        if (httpMessage && terminator.isEmpty()) {
            throw new IllegalArgumentException("an HTTP message payload is a raw one: it needs a terminator");
        }
    }

    /** A framing whose raw bytes, if any, run to the terminator whatever they hold. */
    public PayloadFraming(Kind kind, Optional<String> terminator, Optional<Counted> counted) {
        this(kind, terminator, counted, false);
    }

    /** Whether lines after the URC's own can belong to it. */
    public boolean hasPayload() {
        return kind != Kind.NONE;
    }

    /** The framing the payload fields of {@code reports} call for. */
    static PayloadFraming of(List<UrcReport> reports, Map<String, Parameter> parameters) {
        Optional<String> raw = Optional.empty();
        boolean http = false;
        Optional<Counted> sized = Optional.empty();
        for (UrcReport report : reports) {
            for (FormatItem.Field field : report.format().fields()) {
                Parameter parameter = parameters.get(field.name());
                if (parameter != null
                        && parameter.type() instanceof ParamType.BytesType bytes
                        && bytes.framing() instanceof ParamType.UntilUrc until
                        && raw.isEmpty()) {
                    raw = Optional.of(until.terminators().get(0));
                    http = until.httpMessage();
                }
            }
            if (sized.isEmpty()) {
                sized = counted(report.format(), parameters);
            }
        }
        if (raw.isPresent()) {
            return new PayloadFraming(sized.isPresent() ? Kind.RAW_OR_LENGTH_FRAMED : Kind.RAW_UNTIL, raw, sized, http);
        }
        return sized.isPresent() ? new PayloadFraming(Kind.LENGTH_FRAMED, Optional.empty(), sized) : NONE;
    }

    /**
     * Where the payload of {@code format} is counted, when its last field is {@code bytes(<length>)}
     * sized by an earlier int field with a declared maximum (the checker refuses any other).
     * Read on its longest shape: the payload is the last field of the line.
     */
    public static Optional<Counted> counted(Format format, Map<String, Parameter> parameters) {
        List<List<FormatItem>> shapes = format.shapes();
        List<FormatItem> shape = shapes.get(shapes.size() - 1);
        if (shape.isEmpty()
                || !(shape.get(shape.size() - 1) instanceof FormatItem.Field last)
                || parameters.get(last.name()) == null
                || !(parameters.get(last.name()).type() instanceof ParamType.BytesType bytes)
                || !(bytes.framing() instanceof ParamType.SizedBy sized)) {
            return Optional.empty();
        }
        for (int i = 0; i < shape.size() - 1; i++) {
            if (shape.get(i) instanceof FormatItem.Field field
                    && field.name().equals(sized.lengthField())
                    && parameters.get(field.name()) != null
                    && parameters.get(field.name()).type() instanceof ParamType.IntType length
                    && !length.values().isUnbounded()) {
                long max = length.values()
                        .max()
                        .min(java.math.BigInteger.valueOf(Long.MAX_VALUE))
                        .longValue();
                return Optional.of(new Counted(shape.size() - 1, i, max));
            }
        }
        return Optional.empty();
    }
}
