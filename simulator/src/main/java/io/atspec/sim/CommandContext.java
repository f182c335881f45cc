package io.atspec.sim;

import java.io.IOException;

/** What a handler may use while it answers one command line. */
record CommandContext(ModuleState state, Replies reply, PayloadReader payload) {

    /** Reads the bytes the host writes after a {@code >} prompt. */
    @FunctionalInterface
    interface PayloadReader {
        byte[] read(int length) throws IOException;
    }
}
