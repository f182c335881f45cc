package io.atspec.grammar.link;

import java.time.Duration;

/**
 * What the language assumes when a spec does not say: the one table of defaults. The checker's
 * warnings, the generator and {@code atspec doc} all read these values from here.
 */
public final class LanguageDefaults {

    /** How long a command may take to give its final result when the spec gives no timeout. */
    public static final Duration COMMAND_TIMEOUT = Duration.ofMillis(300);

    /** How long after the acknowledgement a completion may take when it names no duration. */
    public static final Duration COMPLETION_TIMEOUT = Duration.ofSeconds(60);

    /** How often a polled completion repeats its query when it names no interval. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private LanguageDefaults() {}

    /** A duration as the manual writes it: {@code 300 ms}, {@code 60 s}. */
    public static String human(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
