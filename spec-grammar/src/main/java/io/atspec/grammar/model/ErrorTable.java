package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.util.List;

/**
 * Codes a command reports as {@code +CME ERROR: <code>}, with their meaning. Tables are per
 * command: 1001 means "PDP not active" for FILEHTTPACTION, 901 in the general table.
 *
 * @param name the table's name; empty for a table written inline in a command
 */
public record ErrorTable(String name, String description, List<EnumConstant> codes, SourceLocation location) {

    public ErrorTable {
        codes = List.copyOf(codes);
    }
}
