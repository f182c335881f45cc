package io.atspec.benchmarks;

import io.atspec.runtime.AtChannelConfig;
import io.atspec.runtime.ChannelStats;
import io.atspec.runtime.UrcDecoder;
import io.atspec.runtime.WireDecoder;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Bytes per second through the reader. Each invocation frames one 1 MiB stream and counts as
 * {@link Streams#SIZE} operations, so the score (ops/s) is bytes per second.
 * The baseline is what a user writes instead: BufferedReader.readLine plus a regex per line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IngestBenchmark {

    private static final Pattern URC = Pattern.compile("^(\\+?[A-Z ]+):?\\s*(.*)$");
    private static final Map<String, UrcDecoder> DECODERS = Map.of("+HTTPRECV:", UrcDecoder.lengthFramed());

    private byte[] urcHeavy;
    private byte[] payloads;
    private final AtChannelConfig config = AtChannelConfig.defaults();

    @Setup
    public void setup() {
        urcHeavy = Streams.urcHeavy();
        payloads = Streams.payloads();
    }

    @Benchmark
    @OperationsPerInvocation(Streams.SIZE)
    public ChannelStats urcLinesAtspec(Blackhole bh) throws IOException {
        return WireDecoder.decode(new ByteArrayInputStream(urcHeavy), config, DECODERS, bh::consume);
    }

    @Benchmark
    @OperationsPerInvocation(Streams.SIZE)
    public int urcLinesBaseline(Blackhole bh) throws IOException {
        return baseline(urcHeavy, bh);
    }

    @Benchmark
    @OperationsPerInvocation(Streams.SIZE)
    public ChannelStats payloadsAtspec(Blackhole bh) throws IOException {
        return WireDecoder.decode(new ByteArrayInputStream(payloads), config, DECODERS, bh::consume);
    }

    /** For scale only: line reading cannot frame length-counted data correctly at all. */
    @Benchmark
    @OperationsPerInvocation(Streams.SIZE)
    public int payloadsBaseline(Blackhole bh) throws IOException {
        return baseline(payloads, bh);
    }

    private static int baseline(byte[] data, Blackhole bh) throws IOException {
        BufferedReader r =
                new BufferedReader(new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.UTF_8));
        int n = 0;
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = URC.matcher(line);
            if (m.matches()) {
                bh.consume(new String[] {m.group(1), m.group(2)});
                n++;
            } else {
                bh.consume(line);
            }
        }
        return n;
    }
}
