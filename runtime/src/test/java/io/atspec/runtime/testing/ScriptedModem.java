package io.atspec.runtime.testing;

import io.atspec.runtime.InMemoryTransport;
import io.atspec.runtime.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted modem for tests: sits on the device end of a transport, reads command lines (ended
 * by CR), optionally echoes them, and answers from a script. Every write is cut into random
 * chunks (seeded, down to one byte) so the reader sees arbitrary fragmentation.
 *
 * <pre>{@code
 * var link = InMemoryTransport.pair();
 * var modem = ScriptedModem.start(link.device(), 42).chunks(1, 7);
 * modem.when("AT+CSQ", r -> r.line("+CSQ: 20,0").urc("+CREG: 1").ok());
 * modem.when("AT+HTTPACTION=2,23", r -> r.prompt(23).ok().urc("+HTTPCLOSED: HTTP Link Closed"));
 * }</pre>
 *
 * Commands without a rule are answered with ERROR. Thread-safe: {@link #urc} may be called from
 * the test thread while the modem answers; each write is atomic with respect to other writes.
 */
public final class ScriptedModem implements AutoCloseable {

    private record Rule(Pattern pattern, BiConsumer<Matcher, Reply> script) {}

    private final Transport device;
    private final InputStream in;
    private final OutputStream out;
    private final Random random;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<byte[]> payloads = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean echo;
    private volatile int minChunk = 1 << 20;
    private volatile int maxChunk = 1 << 20;
    private volatile boolean closed;

    private ScriptedModem(Transport device, long seed) throws IOException {
        this.device = device;
        this.in = device.input();
        this.out = device.output();
        this.random = new Random(seed);
        this.thread = new Thread(this::serve, "scripted-modem");
        thread.setDaemon(true);
    }

    /** Starts serving on {@code device}; {@code seed} makes chunking and garbage reproducible. */
    public static ScriptedModem start(Transport device, long seed) {
        try {
            ScriptedModem m = new ScriptedModem(device, seed);
            m.thread.start();
            return m;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Like {@link #start(Transport, long)}, with the rules {@code script} adds in place before the
     * first command is read (for a host that writes as soon as it is connected).
     */
    public static ScriptedModem start(Transport device, long seed, Consumer<ScriptedModem> script) {
        try {
            ScriptedModem m = new ScriptedModem(device, seed);
            script.accept(m);
            m.thread.start();
            return m;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An in-memory link with a modem on its device end; returns the modem, {@link #host()} the other end. */
    public static ScriptedModem inMemory(long seed) {
        InMemoryTransport.Pair p = InMemoryTransport.pair();
        ScriptedModem m = start(p.device(), seed);
        m.host = p.host();
        return m;
    }

    private volatile InMemoryTransport host;

    /** The host end when created by {@link #inMemory(long)}. */
    public InMemoryTransport host() {
        return host;
    }

    public ScriptedModem echo(boolean on) {
        this.echo = on;
        return this;
    }

    /** Cut every write into chunks of min..max bytes (inclusive). */
    public ScriptedModem chunks(int min, int max) {
        this.minChunk = min;
        this.maxChunk = max;
        return this;
    }

    /** Answers the exact command line (without CR). */
    public ScriptedModem when(String exactLine, Consumer<Reply> script) {
        rules.add(new Rule(Pattern.compile(Pattern.quote(exactLine)), (m, r) -> script.accept(r)));
        return this;
    }

    /** Answers command lines matching {@code regex} (whole line); the matcher gives the groups. */
    public ScriptedModem whenMatches(String regex, BiConsumer<Matcher, Reply> script) {
        rules.add(new Rule(Pattern.compile(regex), script));
        return this;
    }

    /** Sends CR LF line CR LF now. */
    public void urc(String line) {
        send(("\r\n" + line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sends raw bytes now (chunked). */
    public void send(byte[] bytes) {
        try {
            write(bytes);
        } catch (IOException e) {
            if (!closed) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Command lines received so far, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** Prompt payloads received so far, in order. */
    public List<byte[]> payloads() {
        return List.copyOf(payloads);
    }

    @Override
    public void close() {
        closed = true;
        try {
            device.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private synchronized void write(byte[] b) throws IOException {
        int off = 0;
        while (off < b.length) {
            int n = Math.min(b.length - off, minChunk + random.nextInt(maxChunk - minChunk + 1));
            out.write(b, off, n);
            out.flush();
            off += n;
        }
    }

    private void serve() {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    continue;
                }
                if (b != '\r') {
                    line.write(b);
                    continue;
                }
                String cmd = line.toString(StandardCharsets.UTF_8);
                line.reset();
                received.add(cmd);
                if (echo) {
                    write((cmd + "\r").getBytes(StandardCharsets.UTF_8));
                }
                Reply reply = new Reply();
                boolean matched = false;
                for (Rule r : rules) {
                    Matcher m = r.pattern.matcher(cmd);
                    if (m.matches()) {
                        r.script.accept(m, reply);
                        matched = true;
                        break;
                    }
                }
                if (!matched) {
                    reply.error();
                }
                reply.run();
            }
        } catch (IOException | InterruptedException e) {
            // link closed: the modem stops
        }
    }

    private interface Step {
        void run() throws IOException, InterruptedException;
    }

    /** The steps of one answer, run in order on the modem thread. */
    public final class Reply {
        private final List<Step> steps = new ArrayList<>();

        /** CR LF line CR LF. */
        public Reply line(String line) {
            return raw("\r\n" + line + "\r\n");
        }

        public Reply ok() {
            return line("OK");
        }

        public Reply error() {
            return line("ERROR");
        }

        /** A URC inside the answer (same framing as a line; named for readability). */
        public Reply urc(String line) {
            return line(line);
        }

        public Reply raw(String s) {
            return raw(s.getBytes(StandardCharsets.UTF_8));
        }

        public Reply raw(byte[] bytes) {
            steps.add(() -> write(bytes));
            return this;
        }

        /** Sends CR LF {@code >} (no line end), then reads exactly {@code n} payload bytes (echoing them if echo is on). */
        public Reply prompt(int n) {
            steps.add(() -> {
                write(new byte[] {'\r', '\n', '>'});
                byte[] p = in.readNBytes(n);
                if (p.length < n) {
                    throw new IOException("link closed inside the payload");
                }
                payloads.add(p);
                if (echo) {
                    write(p);
                }
            });
            return this;
        }

        /** Waits until the test releases the latch (e.g. after the host timed out). */
        public Reply await(CountDownLatch latch) {
            steps.add(() -> {
                if (!latch.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("scripted modem: latch never released");
                }
            });
            return this;
        }

        /** Tells the test this point was reached. */
        public Reply signal(CountDownLatch latch) {
            steps.add(latch::countDown);
            return this;
        }

        /** {@code n} random bytes that contain no CR or LF (so they form one garbage line with the next line end). */
        public Reply garbage(int n) {
            steps.add(() -> {
                byte[] g = new byte[n];
                synchronized (random) {
                    for (int i = 0; i < n; i++) {
                        int v;
                        do {
                            v = random.nextInt(256);
                        } while (v == '\r' || v == '\n');
                        g[i] = (byte) v;
                    }
                }
                write(g);
            });
            return this;
        }

        /** A reboot: half a line of boot noise, then the given boot indicator line (e.g. {@code +PBREADY}). */
        public Reply reboot(String bootLine) {
            raw(new byte[] {0x1b}); // boot noise at the wrong baud rate: always has a control byte here
            garbage(16);
            return raw("\u0000\u0000\r\n" + bootLine + "\r\n");
        }

        /** Sends nothing: the final result is dropped. */
        public Reply nothing() {
            return this;
        }

        private void run() throws IOException, InterruptedException {
            for (Step s : steps) {
                s.run();
            }
        }
    }
}
