package io.atspec.codegen;

import com.palantir.javapoet.CodeBlock;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;

/**
 * The value of a derived length ({@code = length(<p>)}), from the value of {@code <p>}: the size
 * of a prompt payload, the UTF-8 byte count of inline text, half the characters of inline hex.
 */
final class DerivedLengths {

    private DerivedLengths() {}

    /**
     * @param command the expression of the command's name, for a refusal ({@code NAME})
     * @param target  the parameter whose length it is
     * @param value   the Java expression of the target's value
     */
    static CodeBlock of(CodeBlock command, Parameter target, String value) {
        if (target.type() instanceof ParamType.TextType text) {
            return text.kind() == ParamType.TextKind.HEX
                    ? CodeBlock.of("$T.hexLength($L, $S, $L)", Types.ARGUMENTS, command, target.name(), value)
                    : CodeBlock.of("$T.textLength($L)", Types.ARGUMENTS, value);
        }
        return CodeBlock.of("$L.length", value);
    }
}
