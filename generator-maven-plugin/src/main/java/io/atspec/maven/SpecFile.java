package io.atspec.maven;

import java.nio.file.Path;

/**
 * One spec file found below the source directory.
 *
 * @param relativePath the file relative to the source directory, with '/' separators whatever
 *     the platform, so that it reads the same in {@code @Generated}, in the state file and in
 *     log lines on every machine ({@code neoway/http.atspec})
 * @param file the file itself
 */
public record SpecFile(String relativePath, Path file) {}
