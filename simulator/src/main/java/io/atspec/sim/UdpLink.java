package io.atspec.sim;

import io.atspec.neoway.tcp.LinkType;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.util.Arrays;

/** A UDP link: a socket connected to one peer; every datagram it receives is one report or one read. */
final class UdpLink extends SocketLink {

    /** The largest datagram over IPv4. */
    private static final int MAX_DATAGRAM = 65507;

    private DatagramSocket socket;

    UdpLink(int n, SocketLinks links, SocketReports reports) {
        super(n, links, reports, ReceiveBuffer.datagrams());
    }

    @Override
    LinkType type() {
        return LinkType.UDP;
    }

    @Override
    synchronized void open(InetSocketAddress address) throws IOException {
        socket = new DatagramSocket();
        socket.connect(address);
    }

    @Override
    void receiveUntilEnd(int chunkSize) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[MAX_DATAGRAM], MAX_DATAGRAM);
        while (!socket.isClosed()) {
            try {
                socket.receive(packet);
            } catch (PortUnreachableException nobodyThere) {
                // An ICMP answer to an earlier datagram: UDP does not care, the link stays.
                continue;
            }
            // A report carries at most one chunk (the spec's bound on <length>): the rest is cut.
            int n = Math.min(packet.getLength(), links().settings().dataBytesFor(chunkSize));
            received(Arrays.copyOf(packet.getData(), n));
        }
    }

    @Override
    void write(byte[] data) throws IOException {
        socket.send(new DatagramPacket(data, data.length));
    }

    @Override
    synchronized void closeSocket() {
        if (socket != null) {
            socket.close();
        }
    }
}
