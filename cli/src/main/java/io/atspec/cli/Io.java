package io.atspec.cli;

import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * Where a command writes: text to {@code out}/{@code err}, bytes (a response body) to
 * {@code rawOut} after flushing {@code out}.
 *
 * @param console whether stderr is a terminal, so a progress line may be redrawn there
 */
record Io(OutputStream rawOut, PrintWriter out, PrintWriter err, boolean console) {}
