package io.atspec.sim;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real TCP server on loopback that the test drives: it accepts every connection the module
 * makes, and the test takes them in order ({@link #accept()}) to read what the module sent and to
 * write or close when it chooses. With {@link #echo()} every connection echoes on its own thread.
 */
final class TcpPeer implements AutoCloseable {

    private final ServerSocket listener;
    private final LinkedBlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
    private final List<Socket> all = new ArrayList<>();
    private final boolean echo;

    private TcpPeer(boolean echo) throws IOException {
        this.echo = echo;
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptAll, "tcp-peer");
        t.setDaemon(true);
        t.start();
    }

    /** Connections wait for the test. */
    static TcpPeer driven() throws IOException {
        return new TcpPeer(false);
    }

    /** Every connection sends back what it receives, until the module closes it. */
    static TcpPeer echo() throws IOException {
        return new TcpPeer(true);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** A port nobody listens on: connecting to it is refused. */
    static int refusedPort() throws IOException {
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return gone.getLocalPort();
        }
    }

    /** The next connection the module made (waits up to 5 s). */
    Socket accept() throws InterruptedException {
        Socket s = accepted.poll(5, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("the module made no connection to the peer on port " + port());
        }
        return s;
    }

    /** Exactly {@code n} bytes from {@code connection}. */
    static byte[] read(Socket connection, int n) throws IOException {
        connection.setSoTimeout(5000);
        byte[] data = connection.getInputStream().readNBytes(n);
        if (data.length < n) {
            throw new AssertionError("the peer got " + data.length + " of " + n + " bytes");
        }
        return data;
    }

    /** Whether the module has closed {@code connection} (the peer reads end of stream). */
    static boolean closedByModule(Socket connection) throws IOException {
        connection.setSoTimeout(5000);
        return connection.getInputStream().read() < 0;
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                synchronized (all) {
                    all.add(s);
                }
                if (echo) {
                    Thread t = new Thread(() -> echoOn(s), "tcp-peer-echo");
                    t.setDaemon(true);
                    t.start();
                }
                accepted.add(s);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void echoOn(Socket s) {
        byte[] buf = new byte[8192];
        try (InputStream in = s.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                s.getOutputStream().write(buf, 0, n);
                s.getOutputStream().flush();
            }
        } catch (IOException gone) {
            // the module closed the link
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        synchronized (all) {
            for (Socket s : all) {
                s.close();
            }
        }
    }
}
