package io.atspec.runtime;

/**
 * Thrown to a {@link UrcDecoder} when the input cannot be framed as it asked (a payload longer
 * than allowed, an overlong header). The reader counts it, logs it and resynchronises.
 */
public class AtFramingException extends AtException {
    private static final long serialVersionUID = 1L;

    public AtFramingException(String message) {
        super(message);
    }
}
