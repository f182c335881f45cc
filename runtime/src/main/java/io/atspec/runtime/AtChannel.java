package io.atspec.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command/response channel over a {@link Transport}.
 *
 * <p>Threads: one reader frames the input (never blocks on writes or listeners); one dispatcher
 * delivers URCs to listeners in order; one writer sends queued commands and prompt payloads;
 * one timer fires timeouts. Callers on any thread are served one command at a time, in arrival
 * order. {@link #execute} blocks; {@link #submit} returns a future.
 *
 * <p>A line belongs to the pending command if it is its echo, one of its final results, or
 * starts with one of its response prefixes; every other line is a URC. After a timeout the next
 * command is held back until the timed-out command's late final result has arrived, or, after
 * {@link AtChannelConfig#lateAnswerWindow()}, until a probe has resynchronised the link (see
 * {@link Resync}); a late answer is dropped instead of being taken as the next command's.
 */
public final class AtChannel implements AutoCloseable {
    private static final long CALLER_SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(30);

    private static final Logger LOG = LoggerFactory.getLogger(AtChannel.class);
    private static final Logger WIRE = AtReader.WIRE;
    /** The least time a resync probe is given (a module still busy answers it after the stale command). */
    private static final Duration PROBE_PATIENCE = Duration.ofSeconds(1);

    private final Transport transport;
    private final AtChannelConfig config;
    private final String name;
    private final OutputStream out;
    private final Object writeLock = new Object();
    private final Counters counters = new Counters();

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Exchange> queue = new ArrayDeque<>();
    /** The command written and awaiting its final result; written under lock, read by the reader. */
    private volatile Exchange active;
    /** After a timeout: the link is held until the boundary is known; guarded by lock, read by the reader. */
    private volatile Resync stale;

    private volatile boolean closed;
    private volatile String closeReason;

    /** Exchanges whose completion is collecting URCs. */
    private final CopyOnWriteArrayList<Exchange> collectors = new CopyOnWriteArrayList<>();
    /**
     * Completions that timed out: their reports may still come and belong to nobody else, so an
     * overlapping completion is not sent until the abandoned one's end report has passed (or, if
     * that was lost on the line, a quiet period with none of its reports: see {@link #keepAbandoned}).
     */
    private final CopyOnWriteArrayList<Exchange> abandoned = new CopyOnWriteArrayList<>();

    private final KnownSecrets secrets = new KnownSecrets();

    private volatile DecoderTable decoders;
    private final CopyOnWriteArrayList<UrcListener> listeners = new CopyOnWriteArrayList<>();
    /** Reboot indications added at run time (by the chapters using this channel), beside the config's. */
    private final CopyOnWriteArraySet<String> rebootIndications = new CopyOnWriteArraySet<>();

    private final ArrayBlockingQueue<Urc> urcQueue;

    private final Thread readerThread;
    private final Thread dispatcherThread;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService writer;

    private AtChannel(Transport transport, AtChannelConfig config) throws IOException {
        this.transport = transport;
        this.config = config;
        this.name = transport.describe();
        this.out = transport.output();
        InputStream in = transport.input();
        this.urcQueue = new ArrayBlockingQueue<>(config.urcQueueCapacity());
        this.decoders = DecoderTable.empty(config.charset());
        this.timer = new ScheduledThreadPoolExecutor(1, daemon("atspec-timer-" + name));
        timer.setRemoveOnCancelPolicy(true);
        this.writer = Executors.newSingleThreadExecutor(daemon("atspec-writer-" + name));
        AtReader reader = new AtReader(in, new ReaderOwner(), config, counters, name);
        this.readerThread = daemon("atspec-reader-" + name).newThread(() -> readLoop(reader));
        this.dispatcherThread = daemon("atspec-urc-" + name).newThread(this::dispatchLoop);
    }

    /** Opens a channel with default settings. The transport is owned by the channel from now on. */
    public static AtChannel open(Transport transport) {
        return open(transport, AtChannelConfig.DEFAULTS);
    }

    public static AtChannel open(Transport transport, AtChannelConfig config) {
        AtChannel c;
        try {
            c = new AtChannel(transport, config);
        } catch (IOException e) {
            throw new TransportException("cannot open a channel on " + transport.describe() + ": " + e.getMessage(), e);
        }
        c.readerThread.start();
        c.dispatcherThread.start();
        return c;
    }

    // ---------------------------------------------------------------- commands

    /** Sends the command (after those queued before it) and waits for its final result. */
    public AtResponse execute(AtCommand command) {
        Exchange ex = exchange(command, null);
        enqueue(ex, true);
        return await(ex.ack, ex);
    }

    /** Sends the command, waits for its OK and then for its completion URCs. */
    public CompletedResponse execute(AtCommand command, Completion completion) {
        Exchange ex = exchange(command, completion);
        enqueue(ex, true);
        return await(ex.done, ex);
    }

    /**
     * Queues the command without blocking. The future fails with {@link AtCommandFailedException},
     * {@link AtTimeoutException}, {@link ModuleRebootedException} or {@link ChannelClosedException}.
     */
    public CompletableFuture<AtResponse> submit(AtCommand command) {
        Exchange ex = exchange(command, null);
        enqueue(ex, false);
        return ex.ack;
    }

    public CompletableFuture<CompletedResponse> submit(AtCommand command, Completion completion) {
        Exchange ex = exchange(command, completion);
        enqueue(ex, false);
        return ex.done;
    }

    // ---------------------------------------------------------------- URCs

    /**
     * Registers a decoder for lines starting with {@code prefix} (e.g. {@code "+HTTPRECV:"} or a
     * whole prefix-less line such as {@code "GPRS DISCONNECTION"}). Lines the pending command
     * expects are still its response.
     */
    public void registerDecoder(String prefix, UrcDecoder decoder) {
        synchronized (listeners) {
            decoders = decoders.with(prefix, decoder);
        }
    }

    public void unregisterDecoder(String prefix) {
        synchronized (listeners) {
            decoders = decoders.without(prefix);
        }
    }

    /**
     * Treats lines starting with {@code linePrefix} (e.g. {@code +PBREADY}) as a sign that the
     * module restarted, in addition to {@link AtChannelConfig#rebootIndicators()}: the pending
     * command and completions then fail with {@link ModuleRebootedException}. Generated facades
     * call this for the reboot URCs of their chapter. Thread-safe and idempotent.
     */
    public void addRebootIndication(String linePrefix) {
        if (linePrefix == null || linePrefix.isEmpty()) {
            throw new IllegalArgumentException("a reboot indication needs a non-empty line prefix");
        }
        rebootIndications.add(linePrefix);
    }

    public void addListener(UrcListener listener) {
        listeners.add(listener);
    }

    public void removeListener(UrcListener listener) {
        listeners.remove(listener);
    }

    // ---------------------------------------------------------------- state

    public ChannelStats stats() {
        return counters.snapshot();
    }

    public String name() {
        return name;
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Fails every pending and queued command at once, then closes the transport. Idempotent. */
    @Override
    public void close() {
        shutdown("channel " + name + " was closed", null);
    }

    // ---------------------------------------------------------------- internals: sending

    private Exchange exchange(AtCommand command, Completion completion) {
        secrets.addAll(command.secrets());
        return new Exchange(command, completion, config.charset(), secrets);
    }

    private void enqueue(Exchange ex, boolean inline) {
        boolean sendNow;
        lock.lock();
        try {
            if (closed) {
                ex.fail(new ChannelClosedException(ex.describe() + " not sent: " + closeReason));
                return;
            }
            Exchange rival = collectingRival(ex);
            if (rival != null) {
                ex.fail(new AtException(ex.describe() + " refused: its completion would collect reports that "
                        + rival.describe() + " is already collecting (" + rival.completion.collect()
                        + "); a report cannot belong to both, so send it after that one has finished"));
                return;
            }
            sendNow = active == null && stale == null && queue.isEmpty() && !gated(ex);
            if (sendNow) {
                active = ex;
            } else {
                queue.addLast(ex);
                // Time spent queued counts: a command not sent within its timeout fails.
                ex.queueTask = timer.schedule(
                        () -> queueTimeout(ex), ex.command.timeout().toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException e) {
            queue.remove(ex);
            ex.fail(new ChannelClosedException(ex.describe() + " not sent: " + closeReason));
            return;
        } finally {
            lock.unlock();
        }
        if (sendNow) {
            if (inline) {
                send(ex); // the common uncontended case: no thread hand-off before the write
            } else {
                sendLater(ex);
            }
        }
    }

    private void sendLater(Exchange ex) {
        try {
            writer.execute(() -> send(ex));
        } catch (RejectedExecutionException e) {
            ex.fail(new ChannelClosedException(ex.describe() + " not sent: " + closeReason));
        }
    }

    /** Is there a live completion (collecting, pending or queued) whose reports ex would also collect? */
    private Exchange collectingRival(Exchange ex) {
        if (ex.completion == null) {
            return null;
        }
        Exchange a = active;
        Exchange rival = overlapping(collectors, ex);
        if (rival == null && a != null) {
            rival = overlapping(List.of(a), ex);
        }
        return rival != null ? rival : overlapping(queue, ex);
    }

    /**
     * (Re)starts the quiet period of an abandoned completion: twice its timeout (at least a
     * second) with none of its reports, and its end report is presumed lost on the line, so that
     * one damaged report cannot block every later completion of its kind.
     */
    private void keepAbandoned(Exchange a) {
        ScheduledFuture<?> t = a.quietTask;
        if (t != null) {
            t.cancel(false);
        }
        long quiet =
                Math.max(TimeUnit.SECONDS.toNanos(1), 2 * a.completion.timeout().toNanos());
        try {
            a.quietTask = timer.schedule(
                    () -> {
                        LOG.info(
                                "{}: no report of abandoned {} for a while: its end report is presumed lost",
                                name,
                                a.describe());
                        releaseAbandoned(a);
                    },
                    quiet,
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void releaseAbandoned(Exchange a) {
        if (abandoned.remove(a)) {
            ScheduledFuture<?> t = a.quietTask;
            if (t != null) {
                t.cancel(false);
            }
            advanceIdle();
        }
    }

    /** Must ex wait for an abandoned completion's end report (whose reports it would collect)? */
    private boolean gated(Exchange ex) {
        return ex.completion != null && overlapping(abandoned, ex) != null;
    }

    private static Exchange overlapping(Iterable<Exchange> exchanges, Exchange ex) {
        for (Exchange e : exchanges) {
            if (e.completion != null && e.completion.overlaps(ex.completion)) {
                return e;
            }
        }
        return null;
    }

    private void send(Exchange ex) {
        ScheduledFuture<?> q = ex.queueTask;
        if (q != null) {
            q.cancel(false);
        }
        ex.ackDeadline = System.nanoTime() + ex.command.timeout().toNanos();
        if (!ex.state.compareAndSet(Exchange.QUEUED, Exchange.SENT)) {
            advanceAfter(ex); // failed (closed, or its queue time ran out) meanwhile: free the link
            return;
        }
        if (ex.completion != null) {
            collectors.add(ex); // collect from the write on: no URC is lost between OK and the caller
        }
        try {
            // Also bounds the write itself: a write still blocked then fails the command (ackTimeout).
            ex.timeoutTask =
                    timer.schedule(() -> ackTimeout(ex), ex.command.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            failAndAdvance(ex, new ChannelClosedException(ex.describe() + " not sent: " + closeReason));
            return;
        }
        if (WIRE.isDebugEnabled()) {
            WIRE.debug("{} TX {}", name, WireTrace.escape(ex.mask(ex.command.line()) + "\r"));
        }
        write(ex, ex.wireBytes, "writing ");
    }

    /** Writes for ex; a failure fails ex and closes the channel (the line state is unknown). */
    private void write(Exchange ex, byte[] bytes, String what) {
        try {
            synchronized (writeLock) {
                ex.writing = true;
                try {
                    out.write(bytes);
                    out.flush();
                } finally {
                    ex.writing = false;
                }
            }
        } catch (IOException e) {
            String why = name + ": " + what + ex.describe() + " failed: " + e;
            failAndAdvance(ex, new ChannelClosedException(why, e));
            shutdown(why, e);
        }
    }

    private void writePayload(Exchange ex, byte[] payload) {
        if (ex.state.get() != Exchange.SENT) {
            return;
        }
        if (WIRE.isDebugEnabled()) {
            WIRE.debug(
                    "{} TX {}",
                    name,
                    ex.command.secrets().isEmpty()
                            ? WireTrace.escape(payload, 0, payload.length, 256)
                            : "<" + payload.length + " payload bytes, secret>");
        }
        write(ex, payload, "writing the payload of ");
    }

    private void failAndAdvance(Exchange ex, AtException e) {
        int s = ex.state.get();
        if (s == Exchange.DONE || !ex.state.compareAndSet(s, Exchange.DONE)) {
            return;
        }
        collectors.remove(ex);
        advanceAfter(ex);
        ex.fail(e);
    }

    /** ex no longer occupies the link: send the next queued command (unless holding after a timeout). */
    private void advanceAfter(Exchange ex) {
        Exchange next = null;
        lock.lock();
        try {
            if (active != ex) {
                return;
            }
            active = null;
            if (stale == null && !closed) {
                next = pollNext();
            }
        } finally {
            lock.unlock();
        }
        if (next != null) {
            sendLater(next); // never write on the reader thread
        }
    }

    /** Under lock: the next command to send, or null (none, or the head waits for an abandoned completion). */
    private Exchange pollNext() {
        Exchange next;
        do {
            next = queue.peekFirst();
            if (next == null || gated(next)) {
                return null;
            }
            queue.pollFirst();
        } while (next.state.get() == Exchange.DONE);
        active = next;
        return next;
    }

    /** The link may be free now (a hold or a gate ended): send the next queued command. */
    private void advanceIdle() {
        Exchange next = null;
        lock.lock();
        try {
            if (active == null && stale == null && !closed) {
                next = pollNext();
            }
        } finally {
            lock.unlock();
        }
        if (next != null) {
            sendLater(next);
        }
    }

    private void queueTimeout(Exchange ex) {
        lock.lock();
        try {
            if (!queue.remove(ex) || !ex.state.compareAndSet(Exchange.QUEUED, Exchange.DONE)) {
                return;
            }
        } finally {
            lock.unlock();
        }
        Exchange a = active;
        Resync r = stale;
        String busy = a != null
                ? a.describe() + " was pending"
                : r != null ? "the link was held after " + r.stale.describe() + " timed out" : "the link was busy";
        String msg = ex.describe() + " timed out after " + ex.command.timeout().toMillis()
                + " ms in the queue, not sent: " + busy;
        LOG.warn("{}: {}", name, msg);
        ex.fail(new AtTimeoutException(msg));
    }

    // ---------------------------------------------------------------- internals: timeouts

    private void ackTimeout(Exchange ex) {
        if (!ex.state.compareAndSet(Exchange.SENT, Exchange.DONE)) {
            return;
        }
        collectors.remove(ex);
        if (ex.writing) {
            String msg = ex.describe() + " timed out after "
                    + ex.command.timeout().toMillis() + " ms: its write could not finish, so the line state is unknown";
            LOG.warn("{}: {}; closing the channel", name, msg);
            ex.fail(new AtTimeoutException(msg));
            shutdown(msg, null); // closing the transport also ends the blocked write
            return;
        }
        String msg = ex.describe() + " timed out after " + ex.command.timeout().toMillis()
                + " ms waiting for its final result; received so far: " + ex.receivedSoFar();
        LOG.warn("{}: {}", name, msg);
        lock.lock();
        try {
            if (active == ex && !closed) {
                active = null;
                Resync r = new Resync(ex);
                stale = r;
                armWindow(r);
            }
        } finally {
            lock.unlock();
        }
        ex.fail(new AtTimeoutException(msg));
    }

    /** Under lock: (re)starts the late-answer window; when it passes, the probe goes out. */
    private void armWindow(Resync r) {
        if (r.task != null) {
            r.task.cancel(false);
        }
        try {
            r.task =
                    timer.schedule(() -> sendProbe(r), config.lateAnswerWindow().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** The window passed with no late final result: resync with a probe it can be told apart from. */
    private void sendProbe(Resync r) {
        lock.lock();
        try {
            if (stale != r || r.probing() || closed) {
                return;
            }
            r.probeSent();
        } finally {
            lock.unlock();
        }
        writeProbe(r);
    }

    /** The probe was not answered in time (its answer may have been damaged): one more, or close. */
    private void probeTimedOut(Resync r, Duration patience) {
        boolean again;
        lock.lock();
        try {
            if (stale != r || closed) {
                return;
            }
            again = r.reprobe();
        } finally {
            lock.unlock();
        }
        if (again) {
            writeProbe(r);
        } else {
            failClosed(r, "the module did not answer the resync probe within " + patience.toMillis() + " ms");
        }
    }

    private void writeProbe(Resync r) {
        Duration patience =
                r.stale.command.timeout().compareTo(PROBE_PATIENCE) > 0 ? r.stale.command.timeout() : PROBE_PATIENCE;
        String probe = r.probeLine();
        lock.lock();
        try {
            if (stale != r || closed) {
                return;
            }
            r.task = timer.schedule(() -> probeTimedOut(r, patience), patience.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return;
        } finally {
            lock.unlock();
        }
        if (WIRE.isDebugEnabled()) {
            WIRE.debug("{} TX {}\\r (resync probe)", name, probe);
        }
        try {
            writer.execute(() -> {
                try {
                    synchronized (writeLock) {
                        out.write((probe + "\r").getBytes(config.charset()));
                        out.flush();
                    }
                } catch (IOException e) {
                    shutdown(name + ": writing the resync probe failed: " + e, e);
                }
            });
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** What the link carries now cannot be attributed: close rather than hand anyone data. */
    private void failClosed(Resync r, String why) {
        if (stale != r) {
            return;
        }
        String msg = "after " + r.stale.describe() + " timed out, " + why + "; closing the channel, since its next"
                + " answer could belong to either";
        LOG.warn("{}: {}", name, msg);
        shutdown(msg, null);
    }

    /** The hold after a timeout ends: the late answer arrived (and was dropped), or the probe resynced. */
    private void endHold(Resync r) {
        lock.lock();
        try {
            if (stale != r) {
                return;
            }
            stale = null;
            if (r.task != null) {
                r.task.cancel(false);
            }
        } finally {
            lock.unlock();
        }
        advanceIdle();
    }

    private void completionTimeout(Exchange ex) {
        if (!ex.state.compareAndSet(Exchange.ACKED, Exchange.DONE)) {
            return;
        }
        collectors.remove(ex);
        abandoned.add(ex); // its end report may still come: it belongs to this request alone
        keepAbandoned(ex);
        List<Urc> got = ex.collected();
        String msg = ex.describe() + " completion timed out after "
                + ex.completion.timeout().toMillis() + " ms; collected " + got.size() + " URC(s) so far: "
                + WireTrace.excerpts(
                        got.stream().map(u -> ex.mask(u.toString())).toList());
        LOG.warn("{}: {}", name, msg);
        ex.fail(new AtTimeoutException(msg));
    }

    private void completeDone(Exchange ex) {
        if (!ex.state.compareAndSet(Exchange.ACKED, Exchange.DONE)) {
            return;
        }
        ex.cancelTimers();
        collectors.remove(ex);
        List<Urc> got = ex.collected();
        Urc end = got.isEmpty() ? null : got.get(got.size() - 1);
        if (end != null && ex.completion.failsOn(end)) {
            CompletionFailedException failed;
            try {
                failed = ex.completion.failure(ex.describe(), end, got, ex::mask);
            } catch (RuntimeException e) {
                LOG.warn("{}: {} failing report not read as declared: {}", name, ex.describe(), e.toString());
                failed = new CompletionFailedException(ex.describe(), end, got, ex::mask);
            }
            ex.done.completeExceptionally(failed);
        } else {
            ex.done.complete(new CompletedResponse(ex.ackResponse, got));
        }
    }

    // ---------------------------------------------------------------- internals: reader callbacks

    private final class ReaderOwner implements AtReader.Owner {
        @Override
        public Exchange current() {
            return active;
        }

        @Override
        public DecoderTable decoders() {
            return decoders;
        }

        @Override
        public void onLine(Exchange ex, String line) {
            if (isReboot(line)) {
                rebooted(line);
                deliver(Urc.of(line));
                return;
            }
            if (ex != null) {
                if (!ex.echoSeen && line.equals(ex.command.line())) {
                    ex.echoSeen = true; // the exact echo, once; nothing else is stripped
                    return;
                }
                FinalLine specific = ex.command.specificFinal(line);
                FinalResult f = specific != null
                        ? new FinalResult.CommandSpecific(line, specific.error())
                        : FinalResult.parseStandard(line);
                if (f != null) {
                    if (specific != null && specific.isAnswer()) {
                        ex.addLine(line); // the answer that ends the command: the response reads it
                    }
                    finish(ex, f, specific);
                    return;
                }
                if (ex.command.claims(line)) {
                    ex.addLine(line);
                    return;
                }
            } else {
                Resync r = stale;
                if (r != null && onStaleLine(r, line)) {
                    return;
                }
                if (FinalResult.parseStandard(line) != null) {
                    Counters.inc(counters.unexpectedFinals);
                    LOG.warn(
                            "{}: dropped final result '{}' with no command pending",
                            name,
                            WireTrace.excerpt(secrets.mask(line)));
                    return;
                }
            }
            deliver(Urc.of(line));
        }

        @Override
        public String mask(String text) {
            return secrets.mask(text);
        }

        @Override
        public int longestSecret() {
            return secrets.longest();
        }

        @Override
        public long payloadDeadline(String prefix) {
            long deadline = Long.MIN_VALUE;
            for (Exchange c : collectors) {
                if (c.completion.mayCollect(prefix)) {
                    long d = c.state.get() == Exchange.ACKED
                            ? c.completionDeadline
                            : c.ackDeadline + c.completion.timeout().toNanos();
                    deadline = deadline == Long.MIN_VALUE || d - deadline > 0 ? d : deadline;
                }
            }
            if (deadline != Long.MIN_VALUE) {
                return deadline;
            }
            Exchange a = active;
            return a != null && a.state.get() == Exchange.SENT ? a.ackDeadline : Long.MAX_VALUE;
        }

        @Override
        public boolean bodilessMessagesExpected(String prefix) {
            for (Exchange c : collectors) {
                if (c.completion.mayCollect(prefix) && c.completion.bodilessMessages()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public byte[] onPrompt(Exchange ex) {
            ex.promptSeen = true;
            byte[] payload = ex.command.promptPayloadUnsafe();
            try {
                writer.execute(() -> writePayload(ex, payload));
            } catch (RejectedExecutionException e) {
                return null;
            }
            return ex.echoSeen ? payload : null;
        }

        @Override
        public void onResponsePayload(Exchange ex, Urc unit) {
            ex.addLine(unit.line(), unit.payload());
        }

        @Override
        public void onUrc(Urc urc) {
            if (isReboot(urc.line())) {
                rebooted(urc.line());
            }
            deliver(urc);
        }
    }

    /** {@code specific}: the command's own final line that {@code f} is, or null for a standard one. */
    private void finish(Exchange ex, FinalResult f, FinalLine specific) {
        AtResponse resp = new AtResponse(ex.lines(), f, ex.payloads());
        int next = f.isError() || ex.completion == null ? Exchange.DONE : Exchange.ACKED;
        if (!ex.state.compareAndSet(Exchange.SENT, next)) {
            return; // timed out at this very moment: the hold after the timeout takes over
        }
        ScheduledFuture<?> t = ex.timeoutTask;
        if (t != null) {
            t.cancel(false);
        }
        // Free the link before waking the caller, so that its next command goes straight out.
        advanceAfter(ex);
        if (f.isError()) {
            collectors.remove(ex);
            ex.fail(failure(ex, resp, specific));
        } else if (ex.completion == null) {
            ex.ack.complete(resp);
        } else {
            ex.ackResponse = resp;
            ex.completionDeadline = System.nanoTime() + ex.completion.timeout().toNanos();
            ex.ack.complete(resp);
            if (ex.abortedBy != null) {
                collectors.remove(ex);
                ex.fail(aborted(ex, ex.abortedBy));
            } else if (ex.endSeen()) {
                completeDone(ex);
            } else {
                try {
                    ex.completionTask = timer.schedule(
                            () -> completionTimeout(ex), ex.completion.timeout().toNanos(), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    // closing: close() fails the completion
                }
            }
        }
    }

    /**
     * The exception a failed command fails with: the typed one its final line makes, or the plain
     * one (also when making the typed one fails: the reader thread must not die of a bad line).
     */
    private AtCommandFailedException failure(Exchange ex, AtResponse resp, FinalLine specific) {
        if (specific != null && specific.failure() != null) {
            try {
                return specific.failure().create(ex.describe(), resp, ex::mask);
            } catch (RuntimeException e) {
                LOG.warn("{}: {} final line not read as declared: {}", name, ex.describe(), e.toString());
            }
        }
        return new AtCommandFailedException(ex.describe(), resp, ex::mask);
    }

    /** A line while the link is held after a timeout; true if it was consumed (not a URC). */
    private boolean onStaleLine(Resync r, String line) {
        Resync.Verdict v;
        lock.lock();
        try {
            if (stale != r) {
                return false;
            }
            v = r.classify(line);
            if (v == Resync.Verdict.LATE && !r.probing()) {
                armWindow(r); // the module is still answering: a late line extends the hold
            }
        } finally {
            lock.unlock();
        }
        switch (v) {
            case LATE, LATE_FINAL -> {
                Counters.inc(counters.lateAnswersDropped);
                LOG.info(
                        "{}: dropped late line '{}' of timed-out {}",
                        name,
                        WireTrace.excerpt(r.stale.mask(line)),
                        r.stale.describe());
                if (v == Resync.Verdict.LATE_FINAL) {
                    endHold(r);
                }
                return true;
            }
            case PROBE_ECHO -> {
                return true;
            }
            case SYNCED -> {
                endHold(r);
                return true;
            }
            case AMBIGUOUS -> {
                failClosed(
                        r,
                        "the final result '" + WireTrace.excerpt(r.stale.mask(line))
                                + "' came with no echo to tell whether it answers the resync probe or the timed-out command");
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean isReboot(String line) {
        for (String r : config.rebootIndicators()) {
            if (line.startsWith(r)) {
                return true;
            }
        }
        for (String r : rebootIndications) {
            if (line.startsWith(r)) {
                return true;
            }
        }
        return false;
    }

    private void rebooted(String line) {
        Counters.inc(counters.reboots);
        LOG.warn("{}: module rebooted ({})", name, WireTrace.excerpt(secrets.mask(line)));
        Exchange ex = active;
        if (ex != null) {
            failAndAdvance(
                    ex,
                    new ModuleRebootedException(
                            ex.describe() + " failed: the module rebooted ('" + WireTrace.excerpt(line)
                                    + "') while it was pending; received so far: " + ex.receivedSoFar()));
        }
        for (Exchange c : collectors) {
            failAndAdvance(
                    c,
                    new ModuleRebootedException(c.describe() + " completion failed: the module rebooted ('"
                            + WireTrace.excerpt(line) + "'); collected so far: "
                            + WireTrace.excerpts(c.collected().stream()
                                    .map(u -> c.mask(u.toString()))
                                    .toList())));
        }
        abandoned.clear(); // a rebooted module owes no late report
        Resync s = stale;
        if (s != null) {
            endHold(s); // nor a late answer
        } else {
            advanceIdle();
        }
    }

    /**
     * A completion's fatal URC arrived: after the OK the wait ends now; before it, the command
     * still owns the link until its final result, which then fails it (see finish).
     */
    private void abort(Exchange c, Urc urc) {
        LOG.warn("{}: {} completion aborted by '{}'", name, c.describe(), WireTrace.escape(urc.line()));
        if (c.state.get() == Exchange.ACKED) {
            failAndAdvance(c, aborted(c, urc));
        } else {
            c.abortedBy = urc;
        }
    }

    private static CompletionAbortedException aborted(Exchange c, Urc urc) {
        return new CompletionAbortedException(c.describe(), urc.line(), c.collected());
    }

    /** Reader thread: completions first (they must not depend on the bounded queue), then listeners. */
    private void deliver(Urc urc) {
        for (Exchange c : collectors) {
            if (c.completion.abortedBy(urc)) {
                abort(c, urc);
            } else if (c.collect(urc) && c.state.get() == Exchange.ACKED) {
                completeDone(c);
            }
        }
        for (Exchange a : abandoned) {
            if (!a.completion.collects(urc)) {
                continue;
            }
            if (a.completion.end().test(urc)) {
                releaseAbandoned(a); // the abandoned request's last report has passed
            } else {
                keepAbandoned(a); // still reporting: not over yet
            }
        }
        if (urcQueue.offer(urc)) {
            Counters.inc(counters.urcsDelivered);
        } else {
            long n = Counters.inc(counters.urcsDropped);
            if (n == 1 || n % 1000 == 0) {
                LOG.warn(
                        "{}: URC queue full ({}), dropped {} URC(s) so far; latest: {}",
                        name,
                        config.urcQueueCapacity(),
                        n,
                        WireTrace.excerpt(secrets.mask(urc.toString())));
            }
        }
    }

    // ---------------------------------------------------------------- threads

    private void readLoop(AtReader reader) {
        Throwable cause = null;
        try {
            reader.run();
        } catch (Throwable e) { // an Error in a decoder too: the channel must not stay open without a reader
            cause = e;
        }
        if (!closed) {
            String why = cause == null
                    ? "the transport " + name + " reached end of stream"
                    : "reading from " + name + " failed: " + cause;
            LOG.warn("{}; closing the channel", why);
            shutdown(why, cause);
        }
    }

    private void dispatchLoop() {
        long reported = 0;
        while (true) {
            Urc urc;
            try {
                urc = urcQueue.take();
            } catch (InterruptedException e) {
                return;
            }
            long dropped = counters.urcsDropped.get();
            if (dropped != reported) {
                long n = dropped - reported;
                reported = dropped;
                for (UrcListener l : listeners) {
                    try {
                        l.onUrcsDropped(n);
                    } catch (Throwable e) {
                        listenerFailed(e, null);
                    }
                }
            }
            for (UrcListener l : listeners) {
                try {
                    l.onUrc(urc);
                } catch (Throwable e) {
                    listenerFailed(e, urc);
                }
            }
        }
    }

    /** A listener's Throwable (an AssertionError too) is its own: counted, logged, never the dispatcher's end. */
    private void listenerFailed(Throwable e, Urc urc) {
        Counters.inc(counters.listenerFailures);
        LOG.warn(
                "{}: URC listener failed{}: {}",
                name,
                urc == null ? "" : " on " + WireTrace.excerpt(secrets.mask(urc.toString())),
                WireTrace.excerpt(secrets.mask(String.valueOf(e))));
    }

    private void shutdown(String reason, Throwable cause) {
        List<Exchange> pending = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closeReason = reason;
            closed = true;
            if (active != null) {
                pending.add(active);
            }
            pending.addAll(queue);
            queue.clear();
            active = null;
            Resync r = stale;
            if (r != null && r.task != null) {
                r.task.cancel(false);
            }
            stale = null;
        } finally {
            lock.unlock();
        }
        pending.addAll(collectors);
        collectors.clear();
        abandoned.clear();
        for (Exchange ex : pending) {
            if (ex.state.get() != Exchange.DONE) {
                ex.fail(new ChannelClosedException(
                        ex.describe() + " failed: " + reason + "; received so far: " + ex.receivedSoFar(), cause));
            }
        }
        try {
            transport.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: closing the transport failed: {}", name, e.toString());
        }
        writer.shutdownNow();
        timer.shutdownNow();
        dispatcherThread.interrupt();
    }

    private static <T> T await(CompletableFuture<T> f, Exchange ex) {
        spinBriefly(f);
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AtException a) {
                throw a;
            }
            throw new AtException(ex.describe() + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtException("interrupted while waiting for " + ex.describe(), e);
        }
    }

    /**
     * A fast link answers within microseconds, and waking a parked thread costs about as much
     * again: a caller that watches its future for a few microseconds first saves that wake-up.
     * On a serial link the answer takes milliseconds, so the spin is lost time of no account.
     */
    private static void spinBriefly(CompletableFuture<?> f) {
        long until = System.nanoTime() + CALLER_SPIN_NANOS;
        while (!f.isDone() && System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String threadName) {
        return r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        };
    }
}
