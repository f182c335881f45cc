package io.atspec.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Collects URCs delivered by a channel; waits with a deadline, never sleeps. */
final class UrcRecorder implements UrcListener {
    final BlockingQueue<Urc> urcs = new LinkedBlockingQueue<>();
    final AtomicLong droppedReported = new AtomicLong();
    volatile Thread deliveryThread;

    @Override
    public void onUrc(Urc urc) {
        deliveryThread = Thread.currentThread();
        urcs.add(urc);
    }

    @Override
    public void onUrcsDropped(long count) {
        droppedReported.addAndGet(count);
    }

    Urc next() throws InterruptedException {
        Urc u = urcs.poll(10, TimeUnit.SECONDS);
        assertThat(u).as("a URC within 10 s").isNotNull();
        return u;
    }

    List<String> nextLines(int n) throws InterruptedException {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(next().line());
        }
        return l;
    }
}
