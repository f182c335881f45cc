package io.atspec.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An in-memory one-way byte pipe. Unbounded (it grows), so a writer never blocks and a test can
 * never deadlock on a full pipe. Closing either end makes reads return -1 once drained and
 * writes fail.
 */
final class BytePipe {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private byte[] data = new byte[8192];
    private int head;
    private int tail;
    private boolean closed;
    /** Bumped on every write, so a reader can spin briefly without taking the lock. */
    private volatile int writes;

    final InputStream in = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            spinForData();
            lock.lock();
            try {
                while (head == tail) {
                    if (closed) {
                        return -1;
                    }
                    try {
                        readable.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while reading");
                    }
                }
                int n = Math.min(len, tail - head);
                System.arraycopy(data, head, b, off, n);
                head += n;
                if (head == tail) {
                    head = 0;
                    tail = 0;
                }
                return n;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int available() {
            lock.lock();
            try {
                return tail - head;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            BytePipe.this.close();
        }
    };

    final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            lock.lock();
            try {
                if (closed) {
                    throw new IOException("pipe closed");
                }
                if (data.length - tail < len) {
                    int live = tail - head;
                    if (data.length - live < len || head == 0) {
                        data = Arrays.copyOfRange(data, head, head + Math.max(data.length * 2, live + len));
                    } else {
                        System.arraycopy(data, head, data, 0, live);
                    }
                    head = 0;
                    tail = live;
                }
                System.arraycopy(b, off, data, tail, len);
                tail += len;
                writes++;
                readable.signal();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            BytePipe.this.close();
        }
    };

    /**
     * An in-memory peer usually answers within microseconds: spinning up to ~20 us before
     * parking saves two thread wake-ups per exchange.
     */
    private void spinForData() {
        int seen = writes;
        lock.lock();
        try {
            if (head != tail || closed) {
                return;
            }
        } finally {
            lock.unlock();
        }
        long deadline = System.nanoTime() + 20_000;
        while (writes == seen && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
