package io.atspec.runtime;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A byte pipe to a modem. The channel reads {@link #input()} on one thread and writes
 * {@link #output()} from others (one write at a time). {@link #close()} must unblock a read
 * in progress, which then returns -1 or throws.
 */
public interface Transport extends Closeable {

    InputStream input() throws IOException;

    OutputStream output() throws IOException;

    /** A short name for logs and errors, e.g. {@code serial:/dev/ttyUSB2} or {@code tcp:host:4001}. */
    String describe();

    @Override
    void close() throws IOException;
}
