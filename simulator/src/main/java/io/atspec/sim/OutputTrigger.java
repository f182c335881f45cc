package io.atspec.sim;

import java.util.Objects;

/**
 * A chosen moment in what a module writes: just before its {@code occurrence}-th message
 * (response line, URC, echo, prompt) that starts with {@code prefix}, leading CR LF ignored.
 * Used to inject a URC or a reboot exactly there, e.g. in the middle of a response
 * ({@code before("OK")}) or of a transfer ({@code before("+HTTPRECV:", 3)}), without sleeps.
 *
 * @param prefix     how the message starts ({@code "OK"}, {@code "+HTTPRECV:"}, {@code ">"}, {@code "AT+CSQ"} for an echo)
 * @param occurrence 1 for the next matching message, 2 for the one after, ...
 */
public record OutputTrigger(String prefix, int occurrence) {

    public OutputTrigger {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("prefix must not be empty");
        }
        if (occurrence < 1) {
            throw new IllegalArgumentException("occurrence must be >= 1, was " + occurrence);
        }
    }

    /** Before the next message starting with {@code prefix}. */
    public static OutputTrigger before(String prefix) {
        return new OutputTrigger(prefix, 1);
    }

    /** Before the {@code occurrence}-th message from now starting with {@code prefix}. */
    public static OutputTrigger before(String prefix, int occurrence) {
        return new OutputTrigger(prefix, occurrence);
    }
}
