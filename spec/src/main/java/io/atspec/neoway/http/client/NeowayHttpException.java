package io.atspec.neoway.http.client;

/** A request through the module failed: no data link, set-up refused, no or a malformed HTTP response. */
public class NeowayHttpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NeowayHttpException(String message) {
        super(message);
    }

    public NeowayHttpException(String message, Throwable cause) {
        super(message, cause);
    }
}
