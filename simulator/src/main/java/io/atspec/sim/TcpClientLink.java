package io.atspec.sim;

import io.atspec.neoway.tcp.LinkType;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;

/** A TCP client link: connects, then reads the server's bytes in pieces until it closes. */
final class TcpClientLink extends SocketLink {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket = new Socket();
    private final KeepAlive keepAlive;

    TcpClientLink(int n, SocketLinks links, SocketReports reports, KeepAlive keepAlive) {
        super(n, links, reports, ReceiveBuffer.stream());
        this.keepAlive = keepAlive;
    }

    @Override
    LinkType type() {
        return LinkType.TCP;
    }

    @Override
    void open(InetSocketAddress address) throws IOException {
        keepAlive.applyTo(socket);
        socket.setTcpNoDelay(true);
        socket.connect(address, (int) CONNECT_TIMEOUT.toMillis());
    }

    @Override
    void receiveUntilEnd(int chunkSize) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[chunkSize];
        int n;
        while ((n = in.read(buf, 0, links().settings().dataBytesFor(chunkSize))) > 0) {
            received(Arrays.copyOf(buf, n));
        }
    }

    @Override
    void write(byte[] data) throws IOException {
        socket.getOutputStream().write(data);
        socket.getOutputStream().flush();
    }

    @Override
    void closeSocket() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do.
        }
    }
}
