package io.atspec.runtime;

/** The modem answered with an error final result ({@code ERROR}, {@code +CME ERROR}, a command-specific error line). */
public class AtCommandFailedException extends AtException {
    private static final long serialVersionUID = 1L;
    private final transient AtResponse response;

    public AtCommandFailedException(String commandName, AtResponse response) {
        super(commandName + " failed: " + response.finalResult().line()
                + (response.lines().isEmpty() ? "" : " after " + response.lines()));
        this.response = response;
    }

    public AtResponse response() {
        return response;
    }

    public FinalResult finalResult() {
        return response.finalResult();
    }
}
