package io.atspec.runtime;

/** An argument would break the wire form (CR, LF, a quote inside a quoted string); nothing was written. */
public class AtArgumentException extends AtException {
    private static final long serialVersionUID = 1L;

    public AtArgumentException(String message) {
        super(message);
    }
}
