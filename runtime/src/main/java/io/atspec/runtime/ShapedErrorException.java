package io.atspec.runtime;

import java.util.function.UnaryOperator;

/**
 * The command ended with an error final line that carries fields ({@code +SOCKOPEN: 1,ERROR1}).
 * Generated code subclasses it once per such line, with a typed accessor per field.
 */
public class ShapedErrorException extends AtCommandFailedException {
    private static final long serialVersionUID = 1L;

    private final String description;

    /**
     * @param command the command as the channel describes it
     * @param response the module's answer, its final line this error line
     * @param mask masks secrets for the message
     * @param description what the line means, as the spec says
     */
    public ShapedErrorException(String command, AtResponse response, UnaryOperator<String> mask, String description) {
        super(
                response,
                command + " failed: "
                        + WireTrace.excerpt(mask.apply(response.finalResult().line())) + " (" + description + ")");
        this.description = description;
    }

    /** What the line means, as the spec says. */
    public String description() {
        return description;
    }
}
