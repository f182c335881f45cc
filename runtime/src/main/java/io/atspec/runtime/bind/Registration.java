package io.atspec.runtime.bind;

/** A listener registration; closing it removes the listener. */
@FunctionalInterface
public interface Registration extends AutoCloseable {

    @Override
    void close();
}
