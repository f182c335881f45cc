package io.atspec.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a command waits for after its OK: URCs whose prefix is in {@code collect} are gathered
 * (from the moment the command is written, so none is lost between OK and the caller) until one
 * satisfies {@code end} (that one is included). {@code timeout} starts at the acknowledgement and
 * is separate from the command's own timeout. A URC whose line starts with one of {@code abortOn}
 * ends the wait at once with {@link CompletionAbortedException}: the outcome will not come.
 * {@code bodilessMessages} tells the decoders of the collected URCs that the request is answered by
 * HTTP messages without a body (a HEAD request), which only the request can know
 * ({@link UrcDecoder#httpMessage(String)}).
 */
public record Completion(
        List<String> collect, Predicate<Urc> end, Duration timeout, List<String> abortOn, boolean bodilessMessages) {

    public Completion {
        collect = List.copyOf(collect);
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(timeout, "timeout");
        abortOn = List.copyOf(abortOn);
    }

    /** A completion whose reports carry no HTTP message without a body. */
    public Completion(List<String> collect, Predicate<Urc> end, Duration timeout, List<String> abortOn) {
        this(collect, end, timeout, abortOn, false);
    }

    /** A completion that nothing aborts. */
    public Completion(List<String> collect, Predicate<Urc> end, Duration timeout) {
        this(collect, end, timeout, List.of());
    }

    /** The same completion with another timeout (a per-call override). */
    public Completion withTimeout(Duration otherTimeout) {
        return new Completion(collect, end, otherTimeout, abortOn, bodilessMessages);
    }

    /**
     * The same completion for a request whose HTTP answers have no body (RFC 9112 section 6.3: a
     * response to HEAD), whatever their Content-Length says.
     */
    public Completion withBodilessMessages() {
        return new Completion(collect, end, timeout, abortOn, true);
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

    /** Could a report be collected by both? Then it could not be told whose it is. */
    boolean overlaps(Completion other) {
        for (String p : other.collect) {
            if (mayCollect(p)) {
                return true;
            }
        }
        return false;
    }

    boolean collects(Urc urc) {
        return startsWithAny(urc, collect);
    }

    boolean abortedBy(Urc urc) {
        return startsWithAny(urc, abortOn);
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
