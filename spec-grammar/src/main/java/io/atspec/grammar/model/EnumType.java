package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A named set of wire codes with Java names and the manual's descriptions (ContentType,
 * the HTTP status table).
 */
public record EnumType(String name, String description, List<EnumConstant> constants, SourceLocation location) {

    public EnumType {
        constants = List.copyOf(constants);
    }

    /** The constant whose wire code or Java name is {@code codeOrName}. */
    public Optional<EnumConstant> constant(String codeOrName) {
        return constants.stream()
                .filter(c -> c.code().equals(codeOrName) || c.javaName().equals(codeOrName))
                .findFirst();
    }

    /** Whether every code is an integer, so the wire value is a number. */
    public boolean isNumeric() {
        return constants.stream().allMatch(c -> c.kind() == CodeKind.INTEGER);
    }
}
