package io.atspec.sim;

import java.io.IOException;

/** Answers the commands of one area (basic, network, HTTP). */
interface CommandHandler {

    /**
     * Answers {@code line} (command name already upper-cased) if it names one of this area's
     * commands, with a final result; returns false, having written nothing, if it does not.
     */
    boolean handle(String line, CommandContext context) throws IOException;
}
