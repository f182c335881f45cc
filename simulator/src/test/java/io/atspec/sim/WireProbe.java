package io.atspec.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A raw host for wire-level tests: writes bytes, collects everything the module sends on a
 * background thread, and waits (monitor, not sleep) until the collected text ends a given way.
 */
final class WireProbe {

    private final OutputStream out;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private int consumed;

    WireProbe(InputStream in, OutputStream out) {
        this.out = out;
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[4096];
                    try {
                        int n;
                        while ((n = in.read(buf)) > 0) {
                            synchronized (this) {
                                received.write(buf, 0, n);
                                notifyAll();
                            }
                        }
                    } catch (IOException closed) {
                        // the test is over
                    }
                },
                "wire-probe");
        t.setDaemon(true);
        t.start();
    }

    void send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Waits until the bytes since the last call end with {@code suffix}; returns them as text. */
    synchronized String until(String suffix) throws InterruptedException {
        return until(text -> text.endsWith(suffix), "...'" + escape(suffix) + "'");
    }

    /**
     * Waits until the bytes since the last call hold every one of {@code parts}, in any order (the
     * reports of several links, each on its own thread); returns them as text.
     */
    synchronized String untilAll(java.util.List<String> parts) throws InterruptedException {
        return until(
                text -> parts.stream().allMatch(text::contains),
                "all of " + parts.stream().map(WireProbe::escape).toList());
    }

    private String until(java.util.function.Predicate<String> done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (; ; ) {
            String text = new String(
                    received.toByteArray(), consumed, received.size() - consumed, StandardCharsets.ISO_8859_1);
            if (done.test(text)) {
                consumed = received.size();
                return text;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("module did not answer with " + what + "; got '" + escape(text) + "'");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }
}
