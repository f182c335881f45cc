package io.atspec.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * How badly the simulated serial link behaves on the way to the host (module -> host direction).
 * Immutable; the {@code with...} methods return changed copies. A running module takes a new
 * profile with {@link NeowaySimulator#faults(FaultProfile)}.
 *
 * @param bytesPerSecond the link rate; 0 means unlimited. A UART moves one byte per 10 bit times
 *                       (start, 8 data, stop), so 115200 baud is 11520 bytes/s: see {@link #baud(long)}.
 *                       Bytes reach the host when their transmission has ended, in pieces of at
 *                       most 1 ms of link time.
 * @param maxWriteChunk  the largest piece written (and flushed) at once; 0 means whole messages.
 *                       Small chunks make the host see responses split at every possible byte.
 * @param latency        added before every message the module writes (a response, a URC, an echo)
 * @param dropRate       probability (0..1) that a byte is lost on the link
 * @param corruptRate    probability (0..1) that a byte arrives as another (random) value
 * @param seed           seeds the random drops and corruptions, so a run is reproducible
 */
public record FaultProfile(
        long bytesPerSecond, int maxWriteChunk, Duration latency, double dropRate, double corruptRate, long seed) {

    public FaultProfile {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond must be >= 0, was " + bytesPerSecond);
        }
        if (maxWriteChunk < 0) {
            throw new IllegalArgumentException("maxWriteChunk must be >= 0, was " + maxWriteChunk);
        }
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + latency);
        }
        if (!(dropRate >= 0 && dropRate <= 1)) {
            throw new IllegalArgumentException("dropRate must be in 0..1, was " + dropRate);
        }
        if (!(corruptRate >= 0 && corruptRate <= 1)) {
            throw new IllegalArgumentException("corruptRate must be in 0..1, was " + corruptRate);
        }
    }

    /** A rate limit and chunking only (no latency, no byte errors). */
    public FaultProfile(long bytesPerSecond, int maxWriteChunk) {
        this(bytesPerSecond, maxWriteChunk, Duration.ZERO, 0, 0, 0);
    }

    /** A perfect link: whole messages, no rate limit. */
    public static FaultProfile none() {
        return new FaultProfile(0, 0);
    }

    /** A UART at {@code baud} (8N1: 10 bit times per byte), e.g. 115200 or 921600. */
    public static FaultProfile baud(long baud) {
        return none().withBaud(baud);
    }

    public FaultProfile withRate(long bytesPerSecond) {
        return new FaultProfile(bytesPerSecond, maxWriteChunk, latency, dropRate, corruptRate, seed);
    }

    /** The link rate of a UART at {@code baud}: baud / 10 bytes per second. */
    public FaultProfile withBaud(long baud) {
        if (baud < 10) {
            throw new IllegalArgumentException("baud must be >= 10, was " + baud);
        }
        return withRate(baud / 10);
    }

    public FaultProfile withChunks(int maxWriteChunk) {
        return new FaultProfile(bytesPerSecond, maxWriteChunk, latency, dropRate, corruptRate, seed);
    }

    public FaultProfile withLatency(Duration latency) {
        return new FaultProfile(bytesPerSecond, maxWriteChunk, latency, dropRate, corruptRate, seed);
    }

    /** Each byte is lost with probability {@code rate}, drawn from a generator seeded with {@code seed}. */
    public FaultProfile withDroppedBytes(double rate, long seed) {
        return new FaultProfile(bytesPerSecond, maxWriteChunk, latency, rate, corruptRate, seed);
    }

    /** Each byte is replaced by a random value with probability {@code rate} (seeded). */
    public FaultProfile withCorruptedBytes(double rate, long seed) {
        return new FaultProfile(bytesPerSecond, maxWriteChunk, latency, dropRate, rate, seed);
    }

    /** Whether bytes may be lost or changed. */
    public boolean damagesBytes() {
        return dropRate > 0 || corruptRate > 0;
    }
}
