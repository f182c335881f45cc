package io.atspec.runtime.bind;

import io.atspec.runtime.WireTrace;
import java.util.Optional;

/** A generated enum constant: its code on the wire and the manual's words for it. */
public interface WireEnum {

    /** The code as written on the wire, without quotes: {@code 0}, {@code url}. */
    String code();

    /** What the manual says the code means. */
    String description();

    /** The constant among {@code constants} (an enum's {@code values()}) with this wire code. */
    static <E extends WireEnum> Optional<E> find(E[] constants, String code) {
        for (E constant : constants) {
            if (constant.code().equals(code)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /**
     * The constant with this wire code; an unknown code is refused with the code and the type
     * named.
     */
    static <E extends WireEnum> E require(E[] constants, String code, String typeName) {
        return find(constants, code)
                .orElseThrow(
                        () -> new WireParseException("'" + WireTrace.excerpt(code) + "' is not a code of " + typeName));
    }
}
