package io.atspec.neoway.http.client;

/** A request through the module failed: no data link, set-up refused, no or a malformed HTTP response. */
public class NeowayHttpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure without an underlying exception.
     *
     * @param message what failed, naming the command or the URL
     */
    public NeowayHttpException(String message) {
        super(message);
    }

    /**
     * A failure caused by another exception, such as a failed AT command.
     *
     * @param message what failed, naming the command or the URL
     * @param cause the exception that made it fail
     */
    public NeowayHttpException(String message, Throwable cause) {
        super(message, cause);
    }
}
