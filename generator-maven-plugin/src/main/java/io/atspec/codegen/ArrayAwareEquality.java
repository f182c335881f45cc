package io.atspec.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * {@code equals}, {@code hashCode} and accessors for records with byte-array components: a record
 * compares arrays by identity and hands out its own array, a request or report with a payload must
 * compare its bytes and stay immutable.
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

    /**
     * Accessors that hand out copies of the byte arrays, so no caller can change a record's bytes
     * (the canonical accessor would return the record's own array).
     */
    static List<MethodSpec> copyingAccessors(List<Member> members) {
        List<MethodSpec> accessors = new ArrayList<>();
        for (Member member : members) {
            MethodSpec.Builder accessor = MethodSpec.methodBuilder(member.name())
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC);
            switch (member.kind()) {
                case BYTES ->
                    accessors.add(accessor.addJavadoc("A copy of the bytes: the record stays immutable.\n\n")
                            .addJavadoc("@return a copy of {@code $L}\n", member.name())
                            .returns(Types.BYTES)
                            .addStatement("return $L.clone()", member.name())
                            .build());
                case OPTIONAL_BYTES ->
                    accessors.add(accessor.addJavadoc("A copy of the bytes, if any: the record stays immutable.\n\n")
                            .addJavadoc("@return a copy of {@code $L}, empty when absent\n", member.name())
                            .returns(ParameterizedTypeName.get(Types.OPTIONAL, Types.BYTES))
                            .addStatement("return $L.map(byte[]::clone)", member.name())
                            .build());
                case PRIMITIVE, OBJECT -> {}
            }
        }
        return accessors;
    }

    /** Statements of a compact constructor that copy the byte arrays it is given. */
    static CodeBlock copyingConstructor(List<Member> members) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (Member member : members) {
            switch (member.kind()) {
                case BYTES -> code.addStatement("$L = $L.clone()", member.name(), member.name());
                case OPTIONAL_BYTES -> code.addStatement("$L = $L.map(byte[]::clone)", member.name(), member.name());
                case PRIMITIVE, OBJECT -> {}
            }
        }
        return code.build();
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
