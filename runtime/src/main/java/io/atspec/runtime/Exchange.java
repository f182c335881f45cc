package io.atspec.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** One command in flight: its descriptor, what has been received for it, and its futures. */
final class Exchange {
    static final int QUEUED = 0;
    static final int SENT = 1;
    static final int ACKED = 2;
    static final int DONE = 3;

    final AtCommand command;
    final Completion completion;
    final byte[] wireBytes;
    private final byte[][] prefixBytes;
    private final boolean claimsAll;
    final CompletableFuture<AtResponse> ack = new CompletableFuture<>();
    /** Only with a completion: the acknowledgement plus the collected URCs. */
    final CompletableFuture<CompletedResponse> done;

    final AtomicInteger state = new AtomicInteger(QUEUED);

    /** Written by the reader thread, read by the timer for messages: guarded by this. */
    private final List<String> lines = new ArrayList<>(2);

    private final List<Urc> collected = new ArrayList<>();
    volatile boolean echoSeen;
    volatile boolean promptSeen;
    volatile AtResponse ackResponse;
    /** The URC that aborted the completion before the OK came, if one did. */
    volatile Urc abortedBy;

    volatile ScheduledFuture<?> timeoutTask;
    volatile ScheduledFuture<?> completionTask;
    private boolean endSeen;

    Exchange(AtCommand command, Completion completion) {
        this.command = command;
        this.completion = completion;
        byte[] l = command.line().getBytes(StandardCharsets.UTF_8);
        this.wireBytes = Arrays.copyOf(l, l.length + 1);
        this.wireBytes[l.length] = '\r';
        List<String> prefixes = command.responsePrefixes();
        this.prefixBytes = new byte[prefixes.size()][];
        boolean all = false;
        for (int i = 0; i < prefixes.size(); i++) {
            prefixBytes[i] = prefixes.get(i).getBytes(StandardCharsets.UTF_8);
            all |= prefixBytes[i].length == 0;
        }
        this.claimsAll = all;
        this.done = completion == null ? null : new CompletableFuture<>();
    }

    boolean awaitingPrompt() {
        return command.expectsPrompt() && !promptSeen && state.get() == SENT;
    }

    /** Does the line starting at buf[pos] belong to this command's response? */
    boolean claims(byte[] buf, int pos, int lim) {
        if (claimsAll) {
            return true;
        }
        for (byte[] p : prefixBytes) {
            if (lim - pos >= p.length && Arrays.equals(buf, pos, pos + p.length, p, 0, p.length)) {
                return true;
            }
        }
        return false;
    }

    synchronized void addLine(String line) {
        lines.add(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Collects a URC if the completion wants it; true if it ended the completion. */
    synchronized boolean collect(Urc urc) {
        if (completion == null || endSeen || !completion.collects(urc)) {
            return false;
        }
        collected.add(urc);
        if (completion.end().test(urc)) {
            endSeen = true;
        }
        return endSeen;
    }

    synchronized boolean endSeen() {
        return endSeen;
    }

    synchronized List<Urc> collected() {
        return List.copyOf(collected);
    }

    /** What was received so far, secrets masked: for timeout and failure messages. */
    String receivedSoFar() {
        List<String> l = lines();
        StringBuilder sb = new StringBuilder();
        sb.append(l.isEmpty() ? "nothing" : WireTrace.escape(WireTrace.mask(l.toString(), command.secrets())));
        if (echoSeen) {
            sb.append(" (echo seen)");
        }
        if (command.expectsPrompt()) {
            sb.append(promptSeen ? " (prompt seen)" : " (prompt not seen)");
        }
        return sb.toString();
    }

    void fail(AtException e) {
        state.set(DONE);
        cancelTimers();
        ack.completeExceptionally(e);
        if (done != null) {
            done.completeExceptionally(e);
        }
    }

    void cancelTimers() {
        ScheduledFuture<?> t = timeoutTask;
        if (t != null) {
            t.cancel(false);
        }
        t = completionTask;
        if (t != null) {
            t.cancel(false);
        }
    }

    String describe() {
        return command.name() + " (" + WireTrace.escape(command.maskedLine()) + ")";
    }
}
