package io.atspec.codegen;

/**
 * One generated source file.
 *
 * @param relativePath where it goes below the output directory, with '/' separators
 *     ({@code io/atspec/neoway/http/HttpAction.java})
 * @param content the file's text, UTF-8 when written
 */
public record GeneratedFile(String relativePath, String content) {}
