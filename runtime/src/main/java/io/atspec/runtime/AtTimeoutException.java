package io.atspec.runtime;

/** A command (or its completion) did not finish in time. The message names the command and what was received. */
public class AtTimeoutException extends AtException {
    private static final long serialVersionUID = 1L;

    public AtTimeoutException(String message) {
        super(message);
    }
}
