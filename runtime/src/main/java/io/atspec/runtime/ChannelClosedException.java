package io.atspec.runtime;

/** The channel was closed (by the user, or because the transport failed) before the command finished. */
public class ChannelClosedException extends AtException {
    private static final long serialVersionUID = 1L;

    public ChannelClosedException(String message) {
        super(message);
    }

    public ChannelClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
