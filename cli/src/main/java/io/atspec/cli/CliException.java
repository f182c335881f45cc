package io.atspec.cli;

/** A failure the user can act on: printed as one line, no stack trace unless --verbose. */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(String message) {
        this(message, 1, null);
    }

    CliException(String message, Throwable cause) {
        this(message, 1, cause);
    }

    CliException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
