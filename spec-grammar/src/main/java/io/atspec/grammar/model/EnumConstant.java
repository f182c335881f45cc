package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;

/**
 * One entry of an enum or error table.
 *
 * @param code the wire code as written, without quotes ({@code 0}, {@code url}, {@code sslversion})
 * @param kind how the code is written on the wire
 * @param javaName the constant's Java name
 * @param description the manual's words for it
 */
public record EnumConstant(String code, CodeKind kind, String javaName, String description, SourceLocation location) {

    /** The code as it appears on the wire: quoted when the spec wrote it quoted. */
    public String wireForm() {
        return kind == CodeKind.QUOTED ? '"' + code + '"' : code;
    }
}
