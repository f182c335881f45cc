package io.atspec.grammar.link;

import io.atspec.grammar.model.EnumType;
import io.atspec.grammar.model.Parameter;
import java.util.Optional;

/**
 * A parameter or field with its type resolved: an enum-typed one carries its enum.
 *
 * @param enumType the enum the parameter's type names; empty for every other type
 */
public record LinkedParameter(Parameter source, Optional<EnumType> enumType) {

    public String name() {
        return source.name();
    }
}
