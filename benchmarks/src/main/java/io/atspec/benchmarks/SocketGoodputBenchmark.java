package io.atspec.benchmarks;

import io.atspec.neoway.tcp.socket.NeowaySocket;
import io.atspec.neoway.tcp.socket.NeowaySockets;
import io.atspec.runtime.AtChannel;
import io.atspec.sim.FaultProfile;
import io.atspec.sim.NeowaySimulator;
import io.atspec.sim.SimulatorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TCP goodput of 512 KiB through a {@link NeowaySocket} on the simulator, its serial link at
 * 921600 baud both ways (92160 bytes/s: the module's side by {@code FaultProfile.baud}, the
 * host's by {@link PacedTransport}), receive mode 1, one link to a loopback server. Receive: the
 * server writes 512 KiB, the socket reads them ({@code +TCPRECV: 0,<length>,<data>}, pieces of
 * {@code recvChunkSize}). Send: the socket writes 512 KiB (AT+TCPSEND per 4096 bytes, each
 * after its prompt and waited for by its {@code +TCPSEND} report), the server reads them.
 *
 * <p>Goodput = 524288 bytes / time per operation; as a fraction of the link rate:
 * {@code 524288 / (seconds/op * 92160)}. {@code main} prints that fraction directly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class SocketGoodputBenchmark {

    static final int BYTES = 512 * 1024;

    @Param("921600")
    public long baud;

    @Param("1024")
    public int recvChunkSize;

    private byte[] data;
    private ServerSocket listener;
    private Socket server;
    private final Semaphore serverSends = new Semaphore(0);
    private final Semaphore serverReceived = new Semaphore(0);
    private NeowaySimulator module;
    private AtChannel channel;
    private NeowaySocket socket;

    @Setup
    public void setUp() throws Exception {
        data = new byte[BYTES];
        new Random(512).nextBytes(data);
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        module = NeowaySimulator.inMemory(SimulatorConfig.defaults()
                .withPppDelay(Duration.ZERO)
                .withRecvChunkSize(recvChunkSize)
                .withFaults(FaultProfile.baud(baud)));
        channel = AtChannel.open(new PacedTransport(module.host(), baud / 10));
        NeowaySockets sockets = NeowaySockets.open(channel);
        socket = sockets.connect("127.0.0.1", listener.getLocalPort(), Duration.ofSeconds(30));
        socket.setSoTimeout(120_000);
        server = listener.accept();
        daemon(this::serverWrites, "server-writes");
        daemon(this::serverReads, "server-reads");
    }

    @TearDown
    public void tearDown() throws IOException {
        socket.close();
        channel.close();
        module.close();
        server.close();
        listener.close();
    }

    /** The server sends 512 KiB; returns once the socket has read them all, checked. */
    @Benchmark
    public byte[] receive512KiB() throws IOException {
        serverSends.release();
        InputStream in = socket.getInputStream();
        byte[] got = in.readNBytes(BYTES);
        if (!Arrays.equals(got, data)) {
            throw new IllegalStateException("the data arrived damaged: " + got.length + " bytes");
        }
        return got;
    }

    /** The socket sends 512 KiB; returns once every piece is reported sent and the server has them. */
    @Benchmark
    public void send512KiB() throws Exception {
        socket.getOutputStream().write(data);
        if (!serverReceived.tryAcquire(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server did not get the 512 KiB");
        }
    }

    private void serverWrites() {
        try {
            OutputStream out = server.getOutputStream();
            while (true) {
                serverSends.acquire();
                out.write(data);
                out.flush();
            }
        } catch (IOException | InterruptedException ended) {
            // torn down
        }
    }

    private void serverReads() {
        byte[] buf = new byte[65536];
        long got = 0;
        try {
            InputStream in = server.getInputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                got += n;
                while (got >= BYTES) {
                    got -= BYTES;
                    serverReceived.release();
                }
            }
        } catch (IOException ended) {
            // torn down
        }
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * {@code java -cp benchmarks/target/benchmarks.jar io.atspec.benchmarks.SocketGoodputBenchmark
     * [runs] [baud] [recvChunkSize]}: each run receives, then sends, 512 KiB and prints the goodput
     * as a fraction of the link rate.
     */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        SocketGoodputBenchmark b = new SocketGoodputBenchmark();
        b.baud = args.length > 1 ? Long.parseLong(args[1]) : 921600;
        b.recvChunkSize = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        b.setUp();
        try {
            double link = b.baud / 10.0;
            for (int i = 0; i < runs; i++) {
                long read0 = b.channel.stats().bytesRead();
                long t0 = System.nanoTime();
                b.receive512KiB();
                double receive = (System.nanoTime() - t0) / 1e9;
                long wire = b.channel.stats().bytesRead() - read0;
                long t1 = System.nanoTime();
                b.send512KiB();
                double send = (System.nanoTime() - t1) / 1e9;
                System.out.printf(
                        "run %d: receive %d bytes in %.3f s = %.0f B/s = %.2f %% of %.0f B/s (the link carried %d"
                                + " bytes, %.2f %% framing); send %.3f s = %.0f B/s = %.2f %% (%d baud, chunk %d)%n",
                        i + 1,
                        BYTES,
                        receive,
                        BYTES / receive,
                        100 * BYTES / receive / link,
                        link,
                        wire,
                        100.0 * (wire - BYTES) / wire,
                        send,
                        BYTES / send,
                        100 * BYTES / send / link,
                        b.baud,
                        b.recvChunkSize);
            }
        } finally {
            b.tearDown();
        }
    }
}
