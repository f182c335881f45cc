package io.atspec.runtime;

/** Base of every error the runtime reports. Unchecked: callers decide where to handle link failures. */
public class AtException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AtException(String message) {
        super(message);
    }

    public AtException(String message, Throwable cause) {
        super(message, cause);
    }
}
