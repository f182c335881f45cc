package io.atspec.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * {@code equals} and {@code hashCode} for records with byte-array components: a record compares
 * arrays by identity, a request or report with a payload must compare its bytes.
 */
final class ArrayAwareEquality {

    /** How a component compares. */
    enum Kind {
        /** {@code byte[]}: by content. */
        BYTES,
        /** {@code Optional<byte[]>}: by content, absent equal to absent. */
        OPTIONAL_BYTES,
        /** {@code int} and other primitives. */
        PRIMITIVE,
        /** Everything else, by {@code equals}. */
        OBJECT
    }

    record Member(String name, Kind kind) {}

    private ArrayAwareEquality() {}

    static MethodSpec equalsMethod(ClassName type, List<Member> members) {
        List<CodeBlock> checks = new ArrayList<>();
        for (Member member : members) {
            String name = member.name();
            checks.add(
                    switch (member.kind()) {
                        case BYTES -> CodeBlock.of("$T.equals($L, other.$L)", Arrays.class, name, name);
                        case OPTIONAL_BYTES ->
                            CodeBlock.of("$T.equals($L.orElse(null), other.$L.orElse(null))", Arrays.class, name, name);
                        case PRIMITIVE -> CodeBlock.of("$L == other.$L", name, name);
                        case OBJECT -> CodeBlock.of("$T.equals($L, other.$L)", Objects.class, name, name);
                    });
        }
        return MethodSpec.methodBuilder("equals")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(Object.class, "object")
                .returns(boolean.class)
                .addStatement(
                        "return object instanceof $T other && $L",
                        type,
                        checks.isEmpty() ? CodeBlock.of("true") : CodeBlock.join(checks, "\n    && "))
                .build();
    }

    static MethodSpec hashCodeMethod(List<Member> members) {
        List<CodeBlock> parts = new ArrayList<>();
        for (Member member : members) {
            parts.add(
                    switch (member.kind()) {
                        case BYTES -> CodeBlock.of("$T.hashCode($L)", Arrays.class, member.name());
                        case OPTIONAL_BYTES ->
                            CodeBlock.of("$T.hashCode($L.orElse(null))", Arrays.class, member.name());
                        case PRIMITIVE, OBJECT -> CodeBlock.of("$L", member.name());
                    });
        }
        return MethodSpec.methodBuilder("hashCode")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(int.class)
                .addStatement("return $T.hash($L)", Objects.class, CodeBlock.join(parts, ",$W"))
                .build();
    }
}
