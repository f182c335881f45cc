package io.atspec.runtime;

import java.util.function.UnaryOperator;

/** The modem answered with an error final result ({@code ERROR}, {@code +CME ERROR}, a command-specific error line). */
public class AtCommandFailedException extends AtException {
    private static final long serialVersionUID = 1L;
    private final transient AtResponse response;

    public AtCommandFailedException(String commandName, AtResponse response) {
        this(commandName, response, UnaryOperator.identity());
    }

    /**
     * @param mask masks the secrets in the response lines for the message (the response itself
     *             keeps them: it is data, not a message)
     */
    public AtCommandFailedException(String commandName, AtResponse response, UnaryOperator<String> mask) {
        super(commandName + " failed: "
                + WireTrace.excerpt(mask.apply(response.finalResult().line()))
                + (response.lines().isEmpty()
                        ? ""
                        : " after "
                                + WireTrace.excerpts(
                                        response.lines().stream().map(mask).toList())));
        this.response = response;
    }

    /** For subclasses that word the message themselves (secrets already masked in it). */
    protected AtCommandFailedException(AtResponse response, String message) {
        super(message);
        this.response = response;
    }

    public AtResponse response() {
        return response;
    }

    public FinalResult finalResult() {
        return response.finalResult();
    }
}
