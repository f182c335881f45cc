package io.atspec.runtime.bind;

import java.util.Objects;
import java.util.Optional;

/**
 * A code read from the wire, with its constant when the spec knows it. A vendor code the spec
 * does not list is kept, not refused: a firmware update must not break a parse.
 *
 * @param code the code as received
 * @param value the constant for it, if the spec lists it
 */
public record Coded<E extends Enum<E> & WireEnum>(String code, Optional<E> value) {

    public Coded {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(value, "value");
    }

    /** Looks {@code code} up among {@code constants} (the enum's {@code values()}). */
    public static <E extends Enum<E> & WireEnum> Coded<E> of(String code, E[] constants) {
        for (E constant : constants) {
            if (constant.code().equals(code)) {
                return new Coded<E>(code, Optional.of(constant));
            }
        }
        return new Coded<E>(code, Optional.<E>empty());
    }

    /** The code of a known constant. */
    public static <E extends Enum<E> & WireEnum> Coded<E> of(E constant) {
        return new Coded<E>(constant.code(), Optional.of(constant));
    }

    public boolean is(E constant) {
        return value.filter(constant::equals).isPresent();
    }

    @Override
    public String toString() {
        return value.map(v -> code + " (" + v.name() + ")").orElse(code + " (unknown)");
    }
}
