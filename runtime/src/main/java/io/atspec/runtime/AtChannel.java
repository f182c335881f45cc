package io.atspec.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * command is held back for {@link AtChannelConfig#lateAnswerWindow()} so that a late final
 * result is recognised and dropped instead of being taken as the next command's answer.
 */
public final class AtChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AtChannel.class);
    private static final Logger WIRE = AtReader.WIRE;

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
    /** A timed-out command whose late answer may still arrive; guarded by lock, read by the reader. */
    private volatile Exchange stale;

    private ScheduledFuture<?> holdTask;
    private volatile boolean closed;
    private volatile String closeReason;

    /** Exchanges whose completion is collecting URCs. */
    private final CopyOnWriteArrayList<Exchange> collectors = new CopyOnWriteArrayList<>();

    private volatile DecoderTable decoders = DecoderTable.EMPTY;
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
        Exchange ex = new Exchange(command, null);
        enqueue(ex, true);
        return await(ex.ack, ex);
    }

    /** Sends the command, waits for its OK and then for its completion URCs. */
    public CompletedResponse execute(AtCommand command, Completion completion) {
        Exchange ex = new Exchange(command, completion);
        enqueue(ex, true);
        return await(ex.done, ex);
    }

    /**
     * Queues the command without blocking. The future fails with {@link AtCommandFailedException},
     * {@link AtTimeoutException}, {@link ModuleRebootedException} or {@link ChannelClosedException}.
     */
    public CompletableFuture<AtResponse> submit(AtCommand command) {
        Exchange ex = new Exchange(command, null);
        enqueue(ex, false);
        return ex.ack;
    }

    public CompletableFuture<CompletedResponse> submit(AtCommand command, Completion completion) {
        Exchange ex = new Exchange(command, completion);
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

    private void enqueue(Exchange ex, boolean inline) {
        boolean sendNow;
        lock.lock();
        try {
            if (closed) {
                ex.fail(new ChannelClosedException(ex.describe() + " not sent: " + closeReason));
                return;
            }
            sendNow = active == null && stale == null && queue.isEmpty();
            if (sendNow) {
                active = ex;
            } else {
                queue.addLast(ex);
            }
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

    private void send(Exchange ex) {
        if (!ex.state.compareAndSet(Exchange.QUEUED, Exchange.SENT)) {
            return; // failed by close() meanwhile
        }
        if (ex.completion != null) {
            collectors.add(ex); // collect from the write on: no URC is lost between OK and the caller
        }
        try {
            ex.timeoutTask =
                    timer.schedule(() -> ackTimeout(ex), ex.command.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            failAndAdvance(ex, new ChannelClosedException(ex.describe() + " not sent: " + closeReason));
            return;
        }
        if (WIRE.isDebugEnabled()) {
            WIRE.debug("{} TX {}", name, WireTrace.escape(ex.command.maskedLine() + "\r"));
        }
        try {
            synchronized (writeLock) {
                out.write(ex.wireBytes);
                out.flush();
            }
        } catch (IOException e) {
            failAndAdvance(ex, new ChannelClosedException(name + ": writing " + ex.describe() + " failed: " + e, e));
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
        try {
            synchronized (writeLock) {
                out.write(payload);
                out.flush();
            }
        } catch (IOException e) {
            failAndAdvance(
                    ex,
                    new ChannelClosedException(
                            name + ": writing the payload of " + ex.describe() + " failed: " + e, e));
        }
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

    private Exchange pollNext() {
        Exchange next = queue.pollFirst();
        if (next != null) {
            active = next;
        }
        return next;
    }

    // ---------------------------------------------------------------- internals: timeouts

    private void ackTimeout(Exchange ex) {
        if (!ex.state.compareAndSet(Exchange.SENT, Exchange.DONE)) {
            return;
        }
        collectors.remove(ex);
        String msg = ex.describe() + " timed out after " + ex.command.timeout().toMillis()
                + " ms waiting for its final result; received so far: " + ex.receivedSoFar();
        LOG.warn("{}: {}", name, msg);
        boolean hold = !config.lateAnswerWindow().isZero();
        lock.lock();
        try {
            if (active == ex) {
                if (hold) {
                    active = null;
                    stale = ex;
                    holdTask = timer.schedule(
                            () -> endHold(ex), config.lateAnswerWindow().toNanos(), TimeUnit.NANOSECONDS);
                }
            } else {
                hold = false;
            }
        } catch (RejectedExecutionException e) {
            stale = null;
        } finally {
            lock.unlock();
        }
        if (!hold) {
            advanceAfter(ex);
        }
        ex.fail(new AtTimeoutException(msg));
    }

    /** The hold after a timeout ends: the late answer arrived (and was dropped), or the window passed. */
    private void endHold(Exchange s) {
        Exchange next = null;
        lock.lock();
        try {
            if (stale != s) {
                return;
            }
            stale = null;
            if (holdTask != null) {
                holdTask.cancel(false);
                holdTask = null;
            }
            if (active == null && !closed) {
                next = pollNext();
            }
        } finally {
            lock.unlock();
        }
        if (next != null) {
            sendLater(next);
        }
    }

    private void completionTimeout(Exchange ex) {
        if (!ex.state.compareAndSet(Exchange.ACKED, Exchange.DONE)) {
            return;
        }
        collectors.remove(ex);
        List<Urc> got = ex.collected();
        String msg = ex.describe() + " completion timed out after "
                + ex.completion.timeout().toMillis() + " ms; collected " + got.size() + " URC(s) so far: "
                + WireTrace.escape(got.toString());
        LOG.warn("{}: {}", name, msg);
        ex.fail(new AtTimeoutException(msg));
    }

    private void completeDone(Exchange ex) {
        if (!ex.state.compareAndSet(Exchange.ACKED, Exchange.DONE)) {
            return;
        }
        ex.cancelTimers();
        collectors.remove(ex);
        ex.done.complete(new CompletedResponse(ex.ackResponse, ex.collected()));
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
                FinalResult f = ex.command.finalFor(line);
                if (f != null) {
                    finish(ex, f);
                    return;
                }
                if (ex.command.claims(line)) {
                    ex.addLine(line);
                    return;
                }
            } else {
                Exchange s = stale;
                if (s != null) {
                    if (s.command.finalFor(line) != null) {
                        lateFinal(s, line);
                        return;
                    }
                    if (s.command.claims(line) || line.equals(s.command.line())) {
                        Counters.inc(counters.lateAnswersDropped);
                        LOG.info(
                                "{}: dropped late line '{}' of timed-out {}",
                                name,
                                WireTrace.escape(WireTrace.mask(line, s.command.secrets())),
                                s.describe());
                        return;
                    }
                }
                if (FinalResult.parseStandard(line) != null) {
                    Counters.inc(counters.unexpectedFinals);
                    LOG.warn("{}: dropped final result '{}' with no command pending", name, WireTrace.escape(line));
                    return;
                }
            }
            deliver(Urc.of(line));
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
        public void onUrc(Urc urc) {
            if (isReboot(urc.line())) {
                rebooted(urc.line());
            }
            deliver(urc);
        }
    }

    private void finish(Exchange ex, FinalResult f) {
        AtResponse resp = new AtResponse(ex.lines(), f);
        int next = f.isError() || ex.completion == null ? Exchange.DONE : Exchange.ACKED;
        if (!ex.state.compareAndSet(Exchange.SENT, next)) {
            lateFinal(ex, f.line());
            return;
        }
        ScheduledFuture<?> t = ex.timeoutTask;
        if (t != null) {
            t.cancel(false);
        }
        // Free the link before waking the caller, so that its next command goes straight out.
        advanceAfter(ex);
        if (f.isError()) {
            collectors.remove(ex);
            ex.fail(new AtCommandFailedException(ex.describe(), resp));
        } else if (ex.completion == null) {
            ex.ack.complete(resp);
        } else {
            ex.ackResponse = resp;
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

    private void lateFinal(Exchange s, String line) {
        Counters.inc(counters.lateAnswersDropped);
        LOG.info("{}: dropped late final result '{}' of timed-out {}", name, WireTrace.escape(line), s.describe());
        endHold(s);
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
        LOG.warn("{}: module rebooted ({})", name, WireTrace.escape(line));
        Exchange ex = active;
        if (ex != null) {
            failAndAdvance(
                    ex,
                    new ModuleRebootedException(
                            ex.describe() + " failed: the module rebooted ('" + WireTrace.escape(line)
                                    + "') while it was pending; received so far: " + ex.receivedSoFar()));
        }
        for (Exchange c : collectors) {
            failAndAdvance(
                    c,
                    new ModuleRebootedException(c.describe() + " completion failed: the module rebooted ('"
                            + WireTrace.escape(line) + "'); collected so far: " + c.collected()));
        }
        Exchange s = stale;
        if (s != null) {
            endHold(s); // a rebooted module owes no late answer
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
                        WireTrace.escape(urc.toString()));
            }
        }
    }

    // ---------------------------------------------------------------- threads

    private void readLoop(AtReader reader) {
        Throwable cause = null;
        try {
            reader.run();
        } catch (IOException | RuntimeException e) {
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
                    } catch (RuntimeException e) {
                        LOG.warn("{}: URC listener failed", name, e);
                    }
                }
            }
            for (UrcListener l : listeners) {
                try {
                    l.onUrc(urc);
                } catch (RuntimeException e) {
                    LOG.warn("{}: URC listener failed on {}", name, WireTrace.escape(urc.toString()), e);
                }
            }
        }
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
            stale = null;
        } finally {
            lock.unlock();
        }
        pending.addAll(collectors);
        collectors.clear();
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

    private static java.util.concurrent.ThreadFactory daemon(String threadName) {
        return r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        };
    }
}
