package io.atspec.sim;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * What a link keeps for the host in receive mode 0 (AT+RECVMODE=0) until AT+TCPREAD or
 * AT+UDPREAD takes it: a TCP link keeps a byte stream, a UDP link whole datagrams. The link's
 * receiver thread adds, the command loop takes: every method is synchronized.
 */
interface ReceiveBuffer {

    void add(byte[] data);

    /** At most {@code max} bytes (TCP) or the next datagram cut to {@code max} (UDP); empty when nothing waits. */
    byte[] take(int max);

    boolean isEmpty();

    /** AT+RECVMODE=... clears what is waiting. */
    void clear();

    /** A TCP link's: reads take any part of what arrived, in order. */
    static ReceiveBuffer stream() {
        return new ReceiveBuffer() {
            private final ByteArrayOutputStream waiting = new ByteArrayOutputStream();

            @Override
            public synchronized void add(byte[] data) {
                waiting.writeBytes(data);
            }

            @Override
            public synchronized byte[] take(int max) {
                byte[] all = waiting.toByteArray();
                int n = Math.min(max, all.length);
                waiting.reset();
                waiting.write(all, n, all.length - n);
                return Arrays.copyOf(all, n);
            }

            @Override
            public synchronized boolean isEmpty() {
                return waiting.size() == 0;
            }

            @Override
            public synchronized void clear() {
                waiting.reset();
            }
        };
    }

    /** A UDP link's: one read, one datagram (what does not fit in {@code max} is lost, as a datagram's tail). */
    static ReceiveBuffer datagrams() {
        return new ReceiveBuffer() {
            private final Deque<byte[]> waiting = new ArrayDeque<>();

            @Override
            public synchronized void add(byte[] data) {
                waiting.addLast(data.clone());
            }

            @Override
            public synchronized byte[] take(int max) {
                byte[] next = waiting.pollFirst();
                return next == null ? new byte[0] : Arrays.copyOf(next, Math.min(max, next.length));
            }

            @Override
            public synchronized boolean isEmpty() {
                return waiting.isEmpty();
            }

            @Override
            public synchronized void clear() {
                waiting.clear();
            }
        };
    }
}
