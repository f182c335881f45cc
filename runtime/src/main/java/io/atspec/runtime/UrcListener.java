package io.atspec.runtime;

/** Receives URCs in arrival order on the channel's dispatcher thread (never the reader thread). */
@FunctionalInterface
public interface UrcListener {

    void onUrc(Urc urc);

    /**
     * URCs were dropped because the bounded queue was full (the listener side was too slow).
     * Called on the dispatcher thread before the next delivered URC; {@code count} is the number
     * dropped since the last call. Overflow is also counted in {@link AtChannel#stats()}.
     */
    default void onUrcsDropped(long count) {}
}
