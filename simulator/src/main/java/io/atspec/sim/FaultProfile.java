package io.atspec.sim;

/**
 * How badly the simulated serial link behaves on the way to the host.
 *
 * @param bytesPerSecond the link rate; 0 means unlimited (a UART at 115200 baud moves about
 *                       11520 bytes/s, which is where real modules lose URCs)
 * @param maxWriteChunk  the largest piece written (and flushed) at once; 0 means whole messages.
 *                       Small chunks make the host see responses split at every possible byte.
 */
public record FaultProfile(long bytesPerSecond, int maxWriteChunk) {

    public FaultProfile {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond must be >= 0, was " + bytesPerSecond);
        }
        if (maxWriteChunk < 0) {
            throw new IllegalArgumentException("maxWriteChunk must be >= 0, was " + maxWriteChunk);
        }
    }

    /** A perfect link: whole messages, no rate limit. */
    public static FaultProfile none() {
        return new FaultProfile(0, 0);
    }

    public FaultProfile withRate(long bytesPerSecond) {
        return new FaultProfile(bytesPerSecond, maxWriteChunk);
    }

    public FaultProfile withChunks(int maxWriteChunk) {
        return new FaultProfile(bytesPerSecond, maxWriteChunk);
    }
}
