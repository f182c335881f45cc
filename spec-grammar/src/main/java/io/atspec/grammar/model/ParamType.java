package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.util.List;

/** The type of a parameter or field. */
public sealed interface ParamType {

    SourceLocation location();

    /** An integer, optionally limited to a set of values and ranges ({@code 0..7|99}). */
    record IntType(ValueSet values, SourceLocation location) implements ParamType {}

    /** Text on the wire, with a byte-length limit. */
    record TextType(TextKind kind, SizeRange size, SourceLocation location) implements ParamType {}

    /** A payload of bytes: written after a prompt, or carried by a URC. */
    record BytesType(Framing framing, SourceLocation location) implements ParamType {}

    /** A reference to an enum declared in the chapter. */
    record EnumRef(String enumName, SourceLocation location) implements ParamType {}

    /** What a text parameter holds. */
    enum TextKind {
        STRING,
        /** Hexadecimal digits, an MD5 sum for example. */
        HEX,
        /** A path in the module's file system. */
        PATH
    }

    /** How a byte payload is delimited. */
    sealed interface Framing {}

    /** Exactly as many bytes as another field says ({@code +HTTPRECV: <length>,<data>}). */
    record SizedBy(String lengthField, SourceLocation location) implements Framing {}

    /**
     * Everything up to the line of one of these URCs ({@code +HTTPCLOSED}); with
     * {@code httpMessage} ({@code bytes http until +HTTPCLOSED}) an HTTP/1.x response that ends
     * where its own framing says (Content-Length, chunked, no body), and only a response without
     * a length runs to the terminator.
     */
    record UntilUrc(List<String> terminators, boolean httpMessage, SourceLocation location) implements Framing {
        public UntilUrc {
            terminators = List.copyOf(terminators);
        }

        /** Raw bytes up to a terminator's line, whatever they hold. */
        public UntilUrc(List<String> terminators, SourceLocation location) {
            this(terminators, false, location);
        }
    }

    /** A payload whose size the user chooses within bounds (a POST body after the prompt). */
    record Bounded(SizeRange size) implements Framing {}
}
