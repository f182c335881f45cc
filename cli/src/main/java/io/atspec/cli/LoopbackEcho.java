package io.atspec.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

/**
 * A TCP and a UDP echo server on 127.0.0.1 (ephemeral ports) for the demo: every TCP connection
 * and every datagram gets back exactly what it sent, on daemon threads, until {@link #close()}.
 */
final class LoopbackEcho implements AutoCloseable {

    private final ServerSocket tcp;
    private final DatagramSocket udp;

    private LoopbackEcho(ServerSocket tcp, DatagramSocket udp) {
        this.tcp = tcp;
        this.udp = udp;
        daemon(this::acceptAll, "loopback-tcp-echo");
        daemon(this::echoDatagrams, "loopback-udp-echo");
    }

    static LoopbackEcho start() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        ServerSocket tcp = new ServerSocket(0, 50, loopback);
        try {
            return new LoopbackEcho(tcp, new DatagramSocket(new InetSocketAddress(loopback, 0)));
        } catch (IOException e) {
            tcp.close();
            throw e;
        }
    }

    /** {@code 127.0.0.1} */
    String host() {
        return tcp.getInetAddress().getHostAddress();
    }

    int tcpPort() {
        return tcp.getLocalPort();
    }

    int udpPort() {
        return udp.getLocalPort();
    }

    private void acceptAll() {
        while (!tcp.isClosed()) {
            try {
                Socket s = tcp.accept();
                daemon(() -> echo(s), "loopback-tcp-echo-link");
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void echo(Socket s) {
        byte[] buf = new byte[8192];
        try (s;
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException gone) {
            // the module closed the link
        }
    }

    private void echoDatagrams() {
        byte[] buf = new byte[65536];
        while (!udp.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                udp.receive(p);
                byte[] copy = Arrays.copyOf(p.getData(), p.getLength());
                udp.send(new DatagramPacket(copy, copy.length, p.getSocketAddress()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() {
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        udp.close();
    }
}
