package io.atspec.runtime;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * One end of an in-memory link. {@link #pair()} gives two connected ends: what one writes the
 * other reads. Closing either end closes both directions (like unplugging a cable).
 */
public final class InMemoryTransport implements Transport {

    /** Two connected ends: {@code host} for the channel, {@code device} for a (scripted) modem. */
    public record Pair(InMemoryTransport host, InMemoryTransport device) {}

    private final BytePipe inbound;
    private final BytePipe outbound;
    private final String name;

    private InMemoryTransport(BytePipe inbound, BytePipe outbound, String name) {
        this.inbound = inbound;
        this.outbound = outbound;
        this.name = name;
    }

    public static Pair pair() {
        BytePipe toDevice = new BytePipe();
        BytePipe toHost = new BytePipe();
        return new Pair(
                new InMemoryTransport(toHost, toDevice, "memory:host"),
                new InMemoryTransport(toDevice, toHost, "memory:device"));
    }

    @Override
    public InputStream input() {
        return inbound.in;
    }

    @Override
    public OutputStream output() {
        return outbound.out;
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void close() {
        inbound.close();
        outbound.close();
    }
}
