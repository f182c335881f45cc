package io.atspec.sim;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * The module's one HTTP socket: opened by AT+HTTPSETUP, written by AT+HTTPACTION, read by a
 * receiver thread until the server closes it (or, kept alive, until the response ends), closed by
 * AT+HTTPCLOSE. A real TCP connection.
 */
final class HttpLink {

    private static final System.Logger LOG = System.getLogger(HttpLink.class.getName());

    private final HttpTarget target;
    private final Socket socket;
    /** Set by {@link #close()}: the host asked, so the receiver ends without reporting. */
    private volatile boolean closedByHost;

    private volatile boolean receiving;

    /** Buffered once for the link's life: a kept-alive link reads one response after another. */
    private InputStream input;

    private HttpLink(HttpTarget target, Socket socket) {
        this.target = target;
        this.socket = socket;
    }

    private synchronized InputStream input() throws IOException {
        if (input == null) {
            input = new BufferedInputStream(socket.getInputStream());
        }
        return input;
    }

    /**
     * Connects, then {@code upgrade}s the socket (the TLS handshake of HTTPS); fails with the
     * reason (refused, unknown host, timeout, handshake).
     */
    static HttpLink connect(HttpTarget target, HostMap hosts, Duration timeout, Upgrade upgrade) throws IOException {
        return new HttpLink(target, open(target, hosts, timeout, upgrade));
    }

    /** A connected (and upgraded) socket to {@code target}, found through {@code hosts}. */
    static Socket open(HttpTarget target, HostMap hosts, Duration timeout, Upgrade upgrade) throws IOException {
        InetSocketAddress address = hosts.resolve(target.host(), target.port());
        Socket socket = new Socket();
        try {
            socket.connect(address, (int) timeout.toMillis());
            return upgrade.apply(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** What a connected TCP socket becomes before HTTP runs on it. */
    @FunctionalInterface
    interface Upgrade {
        Socket apply(Socket connected) throws IOException;
    }

    HttpTarget target() {
        return target;
    }

    boolean isOpen() {
        return !socket.isClosed() && !socket.isInputShutdown();
    }

    /** Reads everything until the server closes, on the caller's thread (the file-system requests). */
    byte[] readAll() throws IOException {
        receiving = true;
        try (InputStream in = input()) {
            return in.readAllBytes();
        } finally {
            receiving = false;
            closeQuietly();
        }
    }

    boolean receiving() {
        return receiving;
    }

    void send(byte[] request) throws IOException {
        socket.getOutputStream().write(request);
        socket.getOutputStream().flush();
    }

    /**
     * Reads the server's answer on a daemon thread, in pieces of at most {@code chunkSize} bytes,
     * until the server closes; then {@code reporter.closed()} and {@code onEnd}.
     */
    void receive(int chunkSize, RecvReporter reporter, Runnable onEnd) {
        receiving = true;
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[chunkSize];
                    boolean report = true;
                    try (InputStream in = input()) {
                        int n;
                        while ((n = in.read(buf)) > 0) {
                            reporter.data(buf, n);
                        }
                    } catch (IOException e) {
                        if (closedByHost) {
                            report = false;
                        } else {
                            LOG.log(System.Logger.Level.DEBUG, "HTTP link to " + target + " failed: " + e);
                        }
                    } catch (UncheckedIOException hostGone) {
                        report = false;
                    } finally {
                        receiving = false;
                        closeQuietly();
                        try {
                            if (report && !closedByHost) {
                                reporter.closed();
                            }
                        } catch (UncheckedIOException hostGone) {
                            // Nobody left to tell.
                        }
                        onEnd.run();
                    }
                },
                "sim-http-recv-" + target.hostHeader());
        t.setDaemon(true);
        t.start();
    }

    /**
     * keepalive 1: reads one response on a daemon thread and reports it as a whole
     * ({@code reporter.data}, then {@code reporter.messageEnd()}); the link stays open for the
     * next request. If the server closes first, as {@link #receive}: {@code reporter.closed()} and
     * {@code onClosed}.
     *
     * @param head whether the request was HEAD, whose answer has no body
     */
    void receiveOne(boolean head, RecvReporter reporter, Runnable onClosed) {
        receiving = true;
        Thread t = new Thread(
                () -> {
                    byte[] response;
                    try {
                        response = KeptAliveResponse.read(input(), head);
                    } catch (IOException | RuntimeException e) {
                        if (!(e instanceof EOFException)) {
                            LOG.log(System.Logger.Level.DEBUG, "HTTP link to " + target + " failed: " + e);
                        }
                        receiving = false;
                        closeQuietly();
                        if (!closedByHost) {
                            try {
                                reporter.closed();
                            } catch (UncheckedIOException hostGone) {
                                // Nobody left to tell.
                            }
                        }
                        onClosed.run();
                        return;
                    }
                    // Idle before the host can see the answer: its next request finds the link free.
                    receiving = false;
                    try {
                        if (response.length > 0) {
                            reporter.data(response, response.length);
                        }
                        reporter.messageEnd();
                    } catch (UncheckedIOException hostGone) {
                        // Nobody left to tell.
                    }
                },
                "sim-http-recv-" + target.hostHeader());
        t.setDaemon(true);
        t.start();
    }

    /** AT+HTTPCLOSE, a new HTTPSETUP, PPP loss: closes without a +HTTPCLOSED report. */
    void close() {
        closedByHost = true;
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a socket that failed: nothing more to do.
        }
    }
}
