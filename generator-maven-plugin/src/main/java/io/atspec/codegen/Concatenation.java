package io.atspec.codegen;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * A string concatenation for generated {@code toString} methods, with adjacent literals merged
 * so that the output reads {@code "Set[user=" + user + ", pwd=***]"}.
 */
final class Concatenation {

    private final List<CodeBlock> parts = new ArrayList<>();
    private final StringBuilder literal;

    Concatenation(String prefix) {
        this.literal = new StringBuilder(prefix);
    }

    Concatenation text(String text) {
        literal.append(text);
        return this;
    }

    Concatenation code(CodeBlock code) {
        flush();
        parts.add(code);
        return this;
    }

    /** {@code name=value}, with ", " before every field but the first. */
    Concatenation field(String name, CodeBlock value) {
        if (!parts.isEmpty() || literal.charAt(literal.length() - 1) != '[') {
            text(", ");
        }
        return text(name + "=").code(value);
    }

    /** {@code name=value} where the value is fixed text, such as a mask. */
    Concatenation field(String name, String fixedValue) {
        if (!parts.isEmpty() || literal.charAt(literal.length() - 1) != '[') {
            text(", ");
        }
        return text(name + "=" + fixedValue);
    }

    CodeBlock end(String suffix) {
        literal.append(suffix);
        flush();
        return CodeBlock.join(parts, " + ");
    }

    private void flush() {
        if (literal.length() > 0) {
            parts.add(CodeBlock.of("$S", literal.toString()));
            literal.setLength(0);
        }
    }
}
