package io.atspec.runtime;

/** A transport could not be opened or failed; the message names the port or address. */
public class TransportException extends AtException {
    private static final long serialVersionUID = 1L;

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
