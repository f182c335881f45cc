package io.atspec.runtime.bind;

import io.atspec.runtime.AtException;

/** A response or URC line that does not have the shape its spec gives. */
public class WireParseException extends AtException {

    private static final long serialVersionUID = 1L;

    public WireParseException(String message) {
        super(message);
    }
}
