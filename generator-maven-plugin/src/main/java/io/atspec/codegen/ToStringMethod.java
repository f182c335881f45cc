package io.atspec.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.StringJoiner;
import javax.lang.model.element.Modifier;

/**
 * The {@code toString} of a generated record, written for people reading logs: values rather
 * than {@code Optional.empty} or {@code OptionalInt[139]} (an absent component is left out),
 * secrets as {@code ***} whatever their value, byte arrays as their size, under the name the
 * user knows the type by ({@code Xgauth.SetForm[cid=1, auth=PAP, user=u, pwd=***]}).
 */
final class ToStringMethod {

    /** How a component holds its value. */
    enum Holder {
        /** The value itself. */
        VALUE,
        /** {@code Optional<T>}. */
        OPTIONAL,
        /** {@code OptionalInt}. */
        OPTIONAL_INT,
        /** {@code OptionalLong}. */
        OPTIONAL_LONG;

        /** How a component of {@code type} holds it, optional or not. */
        static Holder of(boolean optional, TypeName type) {
            if (!optional) {
                return VALUE;
            }
            if (type.equals(TypeName.LONG)) {
                return OPTIONAL_LONG;
            }
            return type.equals(TypeName.INT) ? OPTIONAL_INT : OPTIONAL;
        }

        /** The expression of the held value; for the optional kinds, only when present. */
        String value(String name) {
            return switch (this) {
                case VALUE -> name;
                case OPTIONAL -> name + ".get()";
                case OPTIONAL_INT -> name + ".getAsInt()";
                case OPTIONAL_LONG -> name + ".getAsLong()";
            };
        }
    }

    /**
     * A record component as {@code toString} shows it: a byte array by its size, an unsigned
     * 64-bit count as its unsigned value (18446744073709551615, not -1).
     */
    record Component(String name, Holder holder, boolean bytes, boolean secret, boolean unsigned) {

        Component(String name, Holder holder, boolean bytes, boolean secret) {
            this(name, holder, bytes, secret, false);
        }

        /** Whether the record's own {@code toString} would show it the same. */
        boolean plain() {
            return holder == Holder.VALUE && !bytes && !secret && !unsigned;
        }
    }

    /** Whether {@code parameter} is an unsigned 64-bit int, which a {@code long} shows signed. */
    static boolean unsigned(io.atspec.grammar.model.Parameter parameter) {
        return parameter.type() instanceof io.atspec.grammar.model.ParamType.IntType intType
                && intType.values().width() == io.atspec.grammar.model.ValueSet.Width.UNSIGNED_LONG;
    }

    private ToStringMethod() {}

    /** Whether a record of these components needs its own {@code toString} to read well. */
    static boolean needed(List<Component> components) {
        return components.stream().anyMatch(c -> !c.plain());
    }

    /** {@code label[name=value, ...]}, each value as its {@link Component} says. */
    static MethodSpec of(String label, List<Component> components) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class);
        if (components.isEmpty()) {
            return method.addStatement("return $S", label + "[]").build();
        }
        String text = local(components);
        method.addStatement(
                "$T $L = new $T($S, $S, $S)", StringJoiner.class, text, StringJoiner.class, ", ", label + "[", "]");
        for (Component component : components) {
            String name = component.name();
            String value = component.holder().value(name);
            CodeBlock add;
            if (component.secret()) {
                add = CodeBlock.of("$L.add($S)", text, name + "=***");
            } else if (component.bytes()) {
                add = CodeBlock.of("$L.add($S + $L.length + $S)", text, name + "=", value, " bytes");
            } else if (component.unsigned()) {
                add = CodeBlock.of("$L.add($S + $T.toUnsignedString($L))", text, name + "=", Long.class, value);
            } else {
                add = CodeBlock.of("$L.add($S + $L)", text, name + "=", value);
            }
            if (component.holder() == Holder.VALUE) {
                method.addStatement(add);
            } else {
                method.beginControlFlow("if ($L.isPresent())", name)
                        .addStatement(add)
                        .endControlFlow();
            }
        }
        return method.addStatement("return $L.toString()", text).build();
    }

    /** A local name no component has: {@code text}, or {@code text_} and so on. */
    private static String local(List<Component> components) {
        String name = "text";
        while (true) {
            String candidate = name;
            if (components.stream().noneMatch(c -> c.name().equals(candidate))) {
                return name;
            }
            name += "_";
        }
    }
}
