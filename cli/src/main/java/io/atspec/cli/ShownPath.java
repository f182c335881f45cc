package io.atspec.cli;

import java.nio.file.Path;

/**
 * A path as messages show it: relative to the working directory when the file lies below it,
 * so that terminals and IDEs link {@code path:line:col} to the file; otherwise as given.
 */
final class ShownPath {
    private ShownPath() {}

    static Path of(Path file) {
        Path workingDirectory = Path.of("").toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)) {
            return workingDirectory.relativize(absolute);
        }
        return file.isAbsolute() ? absolute : file.normalize();
    }
}
