package io.atspec.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The device end of an in-memory link, driven step by step from the test thread: the test reads
 * exactly what the channel wrote and decides what the module says, and when. No script, no timing.
 */
final class ManualModem implements AutoCloseable {
    private final InMemoryTransport.Pair link = InMemoryTransport.pair();
    private final InputStream in = link.device().input();
    private final OutputStream out = link.device().output();

    Transport host() {
        return link.host();
    }

    /** The next command line the channel wrote (up to CR), waiting at most 10 s. */
    byte[] nextCommandBytes() throws Exception {
        return CompletableFuture.supplyAsync(() -> {
                    try {
                        ByteArrayOutputStream line = new ByteArrayOutputStream();
                        int b;
                        while ((b = in.read()) >= 0 && b != '\r') {
                            line.write(b);
                        }
                        return line.toByteArray();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .get(10, TimeUnit.SECONDS);
    }

    String nextCommand() throws Exception {
        return new String(nextCommandBytes(), StandardCharsets.UTF_8);
    }

    void send(String s) {
        send(s.getBytes(StandardCharsets.UTF_8));
    }

    void send(String s, Charset charset) {
        send(s.getBytes(charset));
    }

    void send(byte[] b) {
        try {
            out.write(b);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CR LF line CR LF. */
    void line(String l) {
        send("\r\n" + l + "\r\n");
    }

    @Override
    public void close() {
        link.device().close();
    }
}
