package io.atspec.runtime.bind;

import io.atspec.runtime.AtException;

/** The outcome of an acknowledged command did not arrive within its completion timeout. */
public class CompletionTimeoutException extends AtException {

    private static final long serialVersionUID = 1L;

    public CompletionTimeoutException(String message) {
        super(message);
    }
}
