package io.atspec.runtime.bind;

import io.atspec.runtime.AtChannel;
import io.atspec.runtime.AtCommand;
import io.atspec.runtime.AtResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Polls a query until its answer satisfies a condition: the completion of a command whose OK
 * only acknowledges it and whose outcome is read back later (a link that comes up, a state that
 * settles). Generated facades describe the poll and hand it here instead of writing the loop out.
 */
public final class Polling {

    private Polling() {}

    /**
     * Sends {@code query} now, and again every {@code every} until {@code done} accepts its
     * answer, for up to {@code timeout} from this call (the last poll falls on the deadline). No
     * thread is blocked between polls: the waits run on {@link CompletableFuture#delayedExecutor}.
     *
     * @param answer reads the typed answer from the query's response
     * @param what   what was awaited, for the timeout message, e.g. {@code "AT+X: <state> of AT+X? did not become 1"}
     * @return the first answer that satisfied {@code done}; fails with {@link
     *     CompletionTimeoutException} (naming {@code what} and the last answer) when time runs out,
     *     or with whatever failed a query or the reading of its answer
     */
    public static <T> CompletableFuture<T> until(
            AtChannel channel,
            AtCommand query,
            Function<AtResponse, T> answer,
            Predicate<T> done,
            Duration every,
            Duration timeout,
            String what) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(query, "query");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException(what + ": polling interval must be positive, got " + every);
        }
        Poll<T> poll =
                new Poll<>(channel, query, answer, done, every, timeout, what, System.nanoTime() + timeout.toNanos());
        return poll.next();
    }

    private record Poll<T>(
            AtChannel channel,
            AtCommand query,
            Function<AtResponse, T> answer,
            Predicate<T> done,
            Duration every,
            Duration timeout,
            String what,
            long deadline) {

        CompletableFuture<T> next() {
            return channel.submit(query).thenCompose(response -> {
                T value = answer.apply(response);
                if (done.test(value)) {
                    return CompletableFuture.completedFuture(value);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return CompletableFuture.failedFuture(new CompletionTimeoutException(
                            what + " within " + timeout.toMillis() + " ms; last answer: " + value));
                }
                Executor later =
                        CompletableFuture.delayedExecutor(Math.min(every.toNanos(), left), TimeUnit.NANOSECONDS);
                return CompletableFuture.runAsync(() -> {}, later).thenCompose(ignored -> next());
            });
        }
    }
}
