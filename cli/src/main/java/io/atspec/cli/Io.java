package io.atspec.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * Where a command writes: text to {@code out}/{@code err}, bytes (a response body) to
 * {@code rawOut} after flushing {@code out}; bytes to send ({@code atspec tcp}) come from {@code in}.
 *
 * @param console whether stderr is a terminal, so a progress line may be redrawn there
 */
record Io(OutputStream rawOut, PrintWriter out, PrintWriter err, boolean console, InputStream in) {}
