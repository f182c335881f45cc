package io.atspec.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.neoway.http.RecvMode;
import io.atspec.runtime.AtChannel;
import io.atspec.runtime.TcpTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** 16 simulated modems behind one TCP listener, driven at once from 16 threads. */
class ManyModemsTest {

    private static final int MODEMS = 16;

    @Test
    void sixteenModemsAttachAndDownloadDistinctBodiesAtOnce() throws Exception {
        try (TestHttpServer http = new TestHttpServer();
                SimulatorServer simulator =
                        SimulatorServer.start(SimulatorConfig.defaults().withPppDelay(Duration.ZERO))) {
            List<byte[]> bodies = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < MODEMS; i++) {
                bodies.add(EndToEndTest.random(20_000 + 1_537 * i, 100 + i));
                paths.add(http.file("modem-" + i, bodies.get(i)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(MODEMS);
            CountDownLatch allConnected = new CountDownLatch(MODEMS);
            List<CompletableFuture<String>> digests = new ArrayList<>();
            try {
                for (int i = 0; i < MODEMS; i++) {
                    int n = i;
                    RecvMode mode = n % 2 == 0 ? RecvMode.LENGTH : RecvMode.DEFAULT;
                    digests.add(CompletableFuture.supplyAsync(
                            () -> {
                                try (AtChannel channel = AtChannel.open(
                                        TcpTransport.connect("127.0.0.1", simulator.port(), Duration.ofSeconds(5)))) {
                                    allConnected.countDown();
                                    await(allConnected); // every modem is up before any downloads: they really overlap
                                    LinkDriver.attach(channel);
                                    return LinkDriver.get(channel, http.port(), paths.get(n), mode)
                                            .bodySha256();
                                }
                            },
                            pool));
                }
                CompletableFuture.allOf(digests.toArray(CompletableFuture[]::new))
                        .get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            for (int i = 0; i < MODEMS; i++) {
                assertThat(digests.get(i).join()).as("modem %d", i).isEqualTo(HttpMessage.sha256(bodies.get(i)));
            }
            assertThat(simulator.modules()).hasSize(MODEMS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not every modem connected");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
