package io.atspec.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.atspec.neoway.http.HttpAction;
import io.atspec.neoway.http.HttpActionOutcome;
import io.atspec.neoway.http.HttpCommands;
import io.atspec.neoway.http.HttpPara;
import io.atspec.neoway.http.HttpSetup;
import io.atspec.neoway.http.RecvMode;
import io.atspec.neoway.network.Cgdcont;
import io.atspec.neoway.network.NetworkCommands;
import io.atspec.neoway.network.PdpType;
import io.atspec.neoway.network.Xiic;
import io.atspec.runtime.AtChannel;
import io.atspec.sim.FaultProfile;
import io.atspec.sim.NeowaySimulator;
import io.atspec.sim.SimulatorConfig;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
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
 * Goodput of a 512 KiB HTTP download through the simulator with its serial link limited to
 * 921600 baud (92160 bytes/s), recvmode 1 ({@code +HTTPRECV: <length>,<data>}), through the
 * generated facades on an in-memory channel. One operation = HTTPPARA url/port/recvmode,
 * HTTPSETUP, HTTPACTION=0 until {@code +HTTPCLOSED}: every byte the link carries for one download.
 *
 * <p>Goodput = 524288 body bytes / time per operation; as a fraction of the link rate:
 * {@code 524288 / (seconds/op * 92160)}. {@code main} runs the same download and prints that
 * fraction directly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class SimulatorGoodputBenchmark {

    static final int BODY_BYTES = 512 * 1024;

    @Param("921600")
    public long baud;

    @Param("1024")
    public int recvChunkSize;

    private HttpServer server;
    private NeowaySimulator module;
    private AtChannel channel;
    private HttpCommands http;
    private byte[] body;

    @Setup
    public void setUp() throws Exception {
        body = new byte[BODY_BYTES];
        new Random(512).nextBytes(body);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/512k", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        module = NeowaySimulator.inMemory(SimulatorConfig.defaults()
                .withPppDelay(Duration.ZERO)
                .withRecvChunkSize(recvChunkSize)
                .withFaults(FaultProfile.baud(baud)));
        channel = AtChannel.open(module.host());
        NetworkCommands net = new NetworkCommands(channel);
        net.cgdcont(Cgdcont.set(1, PdpType.IP, "CMNET"));
        net.xiic(Xiic.activate());
        http = new HttpCommands(channel);
    }

    @TearDown
    public void tearDown() {
        channel.close();
        module.close();
        server.stop(0);
    }

    /** One whole download; returns the response bytes received (headers + body). */
    @Benchmark
    public byte[] download512KiB() {
        http.httpPara(HttpPara.url("127.0.0.1/512k"));
        http.httpPara(HttpPara.port(server.getAddress().getPort()));
        http.httpPara(HttpPara.recvmode(RecvMode.LENGTH));
        http.httpSetup(HttpSetup.exec());
        HttpActionOutcome outcome = http.httpAction(HttpAction.get(), Duration.ofSeconds(120));
        byte[] response = outcome.data();
        byte[] tail = Arrays.copyOfRange(response, response.length - BODY_BYTES, response.length);
        if (!Arrays.equals(tail, body)) {
            throw new IllegalStateException("the body arrived damaged");
        }
        return response;
    }

    /** {@code java -cp benchmarks/target/benchmarks.jar io.atspec.benchmarks.SimulatorGoodputBenchmark [runs] [baud] [chunk]}. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        SimulatorGoodputBenchmark b = new SimulatorGoodputBenchmark();
        b.baud = args.length > 1 ? Long.parseLong(args[1]) : 921600;
        b.recvChunkSize = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
        b.setUp();
        try {
            double linkBytesPerSecond = b.baud / 10.0;
            for (int i = 0; i < runs; i++) {
                long wire0 = b.channel.stats().bytesRead();
                long t0 = System.nanoTime();
                byte[] response = b.download512KiB();
                double seconds = (System.nanoTime() - t0) / 1e9;
                long wire = b.channel.stats().bytesRead() - wire0;
                System.out.printf(
                        "run %d: the link carried %d bytes (%.2f %% framing, echo and commands) at %.0f B/s%n",
                        i + 1, wire, 100.0 * (wire - BODY_BYTES) / wire, wire / seconds);
                double goodput = BODY_BYTES / seconds;
                System.out.printf(
                        "run %d: %d body bytes (%d with headers) in %.3f s = %.0f B/s = %.2f %% of %.0f B/s (%d baud, chunk %d)%n",
                        i + 1,
                        BODY_BYTES,
                        response.length,
                        seconds,
                        goodput,
                        100 * goodput / linkBytesPerSecond,
                        linkBytesPerSecond,
                        b.baud,
                        b.recvChunkSize);
            }
        } finally {
            b.tearDown();
        }
    }
}
