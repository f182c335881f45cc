package io.atspec.runtime;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** One command in flight: its descriptor, what has been received for it, and its futures. */
final class Exchange {
    static final int QUEUED = 0;
    static final int SENT = 1;
    static final int ACKED = 2;
    static final int DONE = 3;

    /** {@link #claimsByPrefix} results. */
    static final int NOT_CLAIMED = 0;

    static final int CLAIMED = 1;
    /** The bytes so far are the start of a response prefix: more are needed to decide. */
    static final int UNDECIDED = 2;

    /** {@link #payloadDecoderAt}: the bytes so far are the start of a longer decoder prefix. */
    static final int MORE_NEEDED = -2;

    final AtCommand command;
    final Completion completion;
    final byte[] wireBytes;
    private final byte[][] prefixBytes;
    private final boolean claimsAll;
    /** The command's response decoders: prefixes as bytes, and the decoders, index for index. */
    final String[] payloadPrefixes;

    final byte[][] payloadPrefixBytes;
    final UrcDecoder[] payloadDecoders;
    private final KnownSecrets secrets;
    final CompletableFuture<AtResponse> ack = new CompletableFuture<>();
    /** Only with a completion: the acknowledgement plus the collected URCs. */
    final CompletableFuture<CompletedResponse> done;

    final AtomicInteger state = new AtomicInteger(QUEUED);

    /** Written by the reader thread, read by the timer for messages: guarded by this. */
    private final List<String> lines = new ArrayList<>(2);

    private final Map<Integer, byte[]> payloads = new HashMap<>(0);

    private final List<Urc> collected = new ArrayList<>();
    volatile boolean echoSeen;
    volatile boolean promptSeen;
    volatile AtResponse ackResponse;
    /** The URC that aborted the completion before the OK came, if one did. */
    volatile Urc abortedBy;

    volatile ScheduledFuture<?> timeoutTask;
    volatile ScheduledFuture<?> completionTask;
    /** After a completion timeout: ends the wait for its lost end report (not cancelled by fail). */
    volatile ScheduledFuture<?> quietTask;
    /** Fails the command if it is still queued when its time is up. */
    volatile ScheduledFuture<?> queueTask;
    /** System.nanoTime() by which the final result is due (set at the write). */
    volatile long ackDeadline;
    /** System.nanoTime() by which the completion is due (set at the acknowledgement). */
    volatile long completionDeadline;
    /** A write of this command (line or payload) is in progress. */
    volatile boolean writing;

    private boolean endSeen;

    /** {@code charset}: the channel's one charset, for what it writes and what it reads. */
    Exchange(AtCommand command, Completion completion, Charset charset, KnownSecrets secrets) {
        this.command = command;
        this.completion = completion;
        this.secrets = secrets;
        byte[] l = command.line().getBytes(charset);
        this.wireBytes = Arrays.copyOf(l, l.length + 1);
        this.wireBytes[l.length] = '\r';
        List<String> prefixes = command.responsePrefixes();
        this.prefixBytes = new byte[prefixes.size()][];
        boolean all = false;
        for (int i = 0; i < prefixes.size(); i++) {
            prefixBytes[i] = prefixes.get(i).getBytes(charset);
            all |= prefixBytes[i].length == 0;
        }
        this.claimsAll = all;
        int n = command.responseDecoders().size();
        this.payloadPrefixes = new String[n];
        this.payloadPrefixBytes = new byte[n][];
        this.payloadDecoders = new UrcDecoder[n];
        int i = 0;
        for (Map.Entry<String, UrcDecoder> e : command.responseDecoders().entrySet()) {
            payloadPrefixes[i] = e.getKey();
            payloadPrefixBytes[i] = e.getKey().getBytes(charset);
            payloadDecoders[i] = e.getValue();
            i++;
        }
        this.done = completion == null ? null : new CompletableFuture<>();
    }

    boolean awaitingPrompt() {
        return command.expectsPrompt() && !promptSeen && state.get() == SENT;
    }

    /** Does this command take every non-final line ({@code expect("")})? */
    boolean claimsAll() {
        return claimsAll;
    }

    /**
     * Does the line starting at buf[pos] start with one of this command's (non-empty) response
     * prefixes? {@link #UNDECIDED} while the bytes so far are only the start of one, so that the
     * answer never depends on where a read ended.
     */
    int claimsByPrefix(byte[] buf, int pos, int lim) {
        int result = NOT_CLAIMED;
        for (byte[] p : prefixBytes) {
            if (p.length == 0) {
                continue;
            }
            int n = Math.min(lim - pos, p.length);
            if (Arrays.equals(buf, pos, pos + n, p, 0, n)) {
                if (n == p.length) {
                    return CLAIMED;
                }
                result = UNDECIDED;
            }
        }
        return result;
    }

    synchronized void addLine(String line) {
        lines.add(line);
    }

    /** A response line read by one of the command's response decoders, with its payload. */
    synchronized void addLine(String line, byte[] payload) {
        payloads.put(lines.size(), payload);
        lines.add(line);
    }

    synchronized Map<Integer, byte[]> payloads() {
        return Map.copyOf(payloads);
    }

    /**
     * Which of the command's response decoders reads the line starting at buf[pos]: its index,
     * {@link #UNDECIDED} while the bytes so far are only the start of a longer prefix, or -1.
     */
    int payloadDecoderAt(byte[] buf, int pos, int lim) {
        int best = -1;
        int bestLength = 0;
        boolean partial = false;
        for (int i = 0; i < payloadPrefixBytes.length; i++) {
            byte[] p = payloadPrefixBytes[i];
            int n = Math.min(lim - pos, p.length);
            if (Arrays.equals(buf, pos, pos + n, p, 0, n)) {
                if (n == p.length) {
                    if (n > bestLength) {
                        best = i;
                        bestLength = n;
                    }
                } else {
                    partial = true;
                }
            }
        }
        return partial ? MORE_NEEDED : best;
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
        sb.append(
                l.isEmpty()
                        ? "nothing"
                        : WireTrace.excerpts(l.stream().map(this::mask).toList()));
        if (echoSeen) {
            sb.append(" (echo seen)");
        }
        if (command.expectsPrompt()) {
            sb.append(promptSeen ? " (prompt seen)" : " (prompt not seen)");
        }
        return sb.toString();
    }

    /** The command's own secrets and every other one the channel knows, masked. */
    String mask(String s) {
        return secrets.mask(WireTrace.mask(s, command.secrets()));
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
        t = queueTask;
        if (t != null) {
            t.cancel(false);
        }
    }

    String describe() {
        return WireTrace.escape(command.name()) + " (" + WireTrace.excerpt(mask(command.line())) + ")";
    }
}
