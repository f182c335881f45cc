package io.atspec.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Waits on futures in tests, with a deadline. */
final class Futures {
    private Futures() {}

    /** The exception {@code f} fails with, waiting at most 10 s; an AssertionError if it succeeds. */
    static Throwable failure(CompletableFuture<?> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError("no result within 10 s", e);
        }
        throw new AssertionError("expected a failure, got " + f.join());
    }
}
