package io.atspec.benchmarks;

import io.atspec.runtime.AtChannel;
import io.atspec.runtime.AtCommand;
import io.atspec.runtime.AtResponse;
import io.atspec.runtime.InMemoryTransport;
import io.atspec.runtime.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One command through AtChannel, answered at once by an in-memory responder: the host's write of
 * the command line puts {@code +CSQ: 20,0 / OK} straight into the host's input. Measures the
 * channel's own overhead (caller -> write -> reader -> caller), sampled for percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoundTripBenchmark {

    private AtChannel channel;
    private final AtCommand csq = AtCommand.builder("AT+CSQ")
            .expect("+CSQ:")
            .timeout(Duration.ofSeconds(5))
            .build();

    @Setup
    public void setup() {
        channel = AtChannel.open(new AnsweringTransport("\r\n+CSQ: 20,0\r\n\r\nOK\r\n"));
    }

    @TearDown
    public void tearDown() {
        channel.close();
    }

    @Benchmark
    public AtResponse execute() {
        return channel.execute(csq);
    }

    /** Answers every CR-terminated line with a fixed response, written on the caller's thread. */
    static final class AnsweringTransport implements Transport {
        private final InMemoryTransport.Pair pair = InMemoryTransport.pair();
        private final byte[] answer;

        AnsweringTransport(String answer) {
            this.answer = answer.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public InputStream input() {
            return pair.host().input();
        }

        @Override
        public OutputStream output() {
            OutputStream device = pair.device().output();
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    if (b == '\r') {
                        device.write(answer);
                    }
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (len > 0 && b[off + len - 1] == '\r') {
                        device.write(answer);
                    }
                }
            };
        }

        @Override
        public String describe() {
            return "memory:answering";
        }

        @Override
        public void close() {
            pair.host().close();
        }
    }
}
