package io.atspec.sim;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real UDP socket on loopback that sends every datagram back to its sender and keeps a copy. */
final class UdpEcho implements AutoCloseable {

    private final DatagramSocket socket;
    private final LinkedBlockingQueue<byte[]> received = new LinkedBlockingQueue<>();

    UdpEcho() throws IOException {
        this(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
    }

    /** On a socket of the caller's (e.g. bound to a TCP peer's port number). */
    UdpEcho(DatagramSocket socket) {
        this.socket = socket;
        Thread t = new Thread(this::run, "udp-echo");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    /** The next datagram that arrived (waits up to 5 s). */
    byte[] next() throws InterruptedException {
        byte[] d = received.poll(5, TimeUnit.SECONDS);
        if (d == null) {
            throw new AssertionError("no datagram reached the UDP echo on port " + port());
        }
        return d;
    }

    private void run() {
        byte[] buf = new byte[65536];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(p);
                byte[] copy = java.util.Arrays.copyOf(p.getData(), p.getLength());
                received.add(copy);
                socket.send(new DatagramPacket(copy, copy.length, p.getSocketAddress()));
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
