package io.atspec.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What a command waits for after its OK: URCs whose prefix is in {@code collect} are gathered
 * (from the moment the command is written, so none is lost between OK and the caller) until one
 * satisfies {@code end} (that one is included). {@code timeout} starts at the acknowledgement and
 * is separate from the command's own timeout. A URC whose line starts with one of {@code abortOn}
 * ends the wait at once with {@link CompletionAbortedException}: the outcome will not come.
 * {@code bodilessMessages} tells the decoders of the collected URCs that the request is answered by
 * HTTP messages without a body (a HEAD request), which only the request can know
 * ({@link UrcDecoder#httpMessage(String)}).
 *
 * @param correlation which of the reports with those prefixes are this request's (the ones for
 *     its link); null when every one is
 * @param failure which ending report means the command failed, and the exception it fails with;
 *     null when every ending report is a result
 * @param bodilessMessages whether the request is answered by HTTP messages without a body
 */
public record Completion(
        List<String> collect,
        Predicate<Urc> end,
        Duration timeout,
        List<String> abortOn,
        Correlation correlation,
        Failure failure,
        boolean bodilessMessages) {

    /**
     * Ties a completion to its request: only reports that {@code mine} accepts are collected or
     * end the wait; the others go on to listeners and to their own waits. Two completions with
     * the same prefixes and different keys wait side by side.
     *
     * @param key the request's correlation value as text, {@code link=0}: equal keys conflict
     */
    public record Correlation(String key, Predicate<Urc> mine) {
        public Correlation {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(mine, "mine");
        }
    }

    /**
     * The ending reports that mean failure, and the exception they fail the call with.
     *
     * @param when tests the ending report
     * @param exception makes the exception (generated code makes a typed one)
     */
    public record Failure(Predicate<Urc> when, Factory exception) {
        public Failure {
            Objects.requireNonNull(when, "when");
            Objects.requireNonNull(exception, "exception");
        }

        /** Fails with the plain {@link CompletionFailedException}. */
        public static Failure when(Predicate<Urc> when) {
            return new Failure(when, CompletionFailedException::new);
        }
    }

    /** Makes the exception of a failed completion. */
    @FunctionalInterface
    public interface Factory {
        /**
         * @param command the command as the channel describes it (name and masked line)
         * @param report the report that ended the wait
         * @param collected every report collected, the ending one last
         * @param mask masks secrets for the message
         */
        CompletionFailedException create(String command, Urc report, List<Urc> collected, UnaryOperator<String> mask);
    }

    public Completion {
        collect = List.copyOf(collect);
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(timeout, "timeout");
        abortOn = List.copyOf(abortOn);
    }

    /** A completion for every report of its prefixes, none of them an HTTP message without a body. */
    public Completion(List<String> collect, Predicate<Urc> end, Duration timeout, List<String> abortOn) {
        this(collect, end, timeout, abortOn, null, null, false);
    }

    /** A completion that nothing aborts. */
    public Completion(List<String> collect, Predicate<Urc> end, Duration timeout) {
        this(collect, end, timeout, List.of());
    }

    /** The same completion with another timeout (a per-call override). */
    public Completion withTimeout(Duration otherTimeout) {
        return new Completion(collect, end, otherTimeout, abortOn, correlation, failure, bodilessMessages);
    }

    /**
     * The same completion for a request whose HTTP answers have no body (RFC 9112 section 6.3: a
     * response to HEAD), whatever their Content-Length says.
     */
    public Completion withBodilessMessages() {
        return new Completion(collect, end, timeout, abortOn, correlation, failure, true);
    }

    /** The same completion, for one request's reports only. */
    public Completion correlated(Correlation to) {
        return new Completion(collect, end, timeout, abortOn, to, failure, bodilessMessages);
    }

    /** The same completion, failing the call when the ending report is one {@code failure} names. */
    public Completion failing(Failure on) {
        return new Completion(collect, end, timeout, abortOn, correlation, on, bodilessMessages);
    }

    /** Collect URCs with the given prefixes, ending with (and including) the first one with {@code endPrefix}. */
    public static Completion until(String endPrefix, Duration timeout, String... collectPrefixes) {
        List<String> all = new java.util.ArrayList<>(List.of(collectPrefixes));
        if (!all.contains(endPrefix)) {
            all.add(endPrefix);
        }
        return new Completion(all, u -> u.line().startsWith(endPrefix), timeout);
    }

    /** Could a URC recognised by {@code prefix} be one this completion collects? */
    boolean mayCollect(String prefix) {
        for (String p : collect) {
            if (prefix.startsWith(p) || p.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Could a report be collected by both? Then it could not be told whose it is. Not when both
     * are correlated to different requests (link 0's report and link 1's).
     */
    boolean overlaps(Completion other) {
        if (correlation != null
                && other.correlation != null
                && !correlation.key().equals(other.correlation.key())) {
            return false;
        }
        for (String p : other.collect) {
            if (mayCollect(p)) {
                return true;
            }
        }
        return false;
    }

    boolean collects(Urc urc) {
        return startsWithAny(urc, collect)
                && (correlation == null || correlation.mine().test(urc));
    }

    boolean abortedBy(Urc urc) {
        return startsWithAny(urc, abortOn);
    }

    boolean failsOn(Urc ending) {
        return failure != null && failure.when().test(ending);
    }

    CompletionFailedException failure(String command, Urc report, List<Urc> collected, UnaryOperator<String> mask) {
        return failure.exception().create(command, report, collected, mask);
    }

    private static boolean startsWithAny(Urc urc, List<String> lineStarts) {
        for (String p : lineStarts) {
            if (urc.line().startsWith(p) || urc.prefix().equals(p)) {
                return true;
            }
        }
        return false;
    }
}
