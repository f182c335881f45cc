package io.atspec.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * A raw TCP byte stream, e.g. a ser2net port in raw mode. A write to a peer that stopped reading
 * blocks; the channel bounds it: when a command's deadline passes during its write, the channel
 * closes the transport, which ends the blocked write with an exception.
 */
public final class TcpTransport implements Transport {
    private final Socket socket;
    private final String name;

    private TcpTransport(Socket socket, String name) {
        this.socket = socket;
        this.name = name;
    }

    /** Connects within {@code timeout}; a {@link TransportException} names the address on failure. */
    public static TcpTransport connect(String host, int port, Duration timeout) {
        String name = "tcp:" + host + ":" + port;
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true); // AT lines are small: do not let Nagle delay them
            s.setKeepAlive(true);
            s.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
            throw new TransportException(
                    "cannot connect to " + name + " within " + timeout.toMillis() + " ms: " + e, e);
        }
        return new TcpTransport(s, name);
    }

    /** Wraps an already connected socket (e.g. one accepted by a test server). */
    public static TcpTransport of(Socket connected) {
        return new TcpTransport(connected, "tcp:" + connected.getRemoteSocketAddress());
    }

    @Override
    public InputStream input() throws IOException {
        return socket.getInputStream();
    }

    @Override
    public OutputStream output() throws IOException {
        return socket.getOutputStream();
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
