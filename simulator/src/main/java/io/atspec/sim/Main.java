package io.atspec.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Starts simulated modules on TCP until killed:
 * {@code java io.atspec.sim.Main [--port 5555] [--bind 127.0.0.1] [--ppp-delay-ms 100] [--cmee 0]
 * [--no-echo] [--no-sim] [--sim-pin] [--old-m590] [--rate 11520 | --baud 115200] [--chunk 16] [--latency-ms 5]
 * [--drop 0.001] [--corrupt 0.001] [--seed 42]}.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        SimulatorConfig config = SimulatorConfig.defaults();
        FaultProfile faults = FaultProfile.none();
        int port = 0;
        String bind = InetAddress.getLoopbackAddress().getHostAddress();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--bind" -> bind = value(args, ++i);
                case "--ppp-delay-ms" ->
                    config = config.withPppDelay(Duration.ofMillis(Long.parseLong(value(args, ++i))));
                case "--cmee" -> config = config.withCmeeMode(Integer.parseInt(value(args, ++i)));
                case "--no-echo" -> config = config.withEcho(false);
                case "--no-sim" -> config = config.withSimInserted(false);
                case "--sim-pin" -> config = config.withSimPinRequired(true);
                case "--old-m590" -> config = config.withFirmware(Firmware.OLD_M590);
                case "--rate" -> faults = faults.withRate(Long.parseLong(value(args, ++i)));
                case "--chunk" -> faults = faults.withChunks(Integer.parseInt(value(args, ++i)));
                case "--baud" -> faults = faults.withBaud(Long.parseLong(value(args, ++i)));
                case "--latency-ms" -> faults = faults.withLatency(Duration.ofMillis(Long.parseLong(value(args, ++i))));
                case "--drop" -> faults = faults.withDroppedBytes(Double.parseDouble(value(args, ++i)), faults.seed());
                case "--corrupt" ->
                    faults = faults.withCorruptedBytes(Double.parseDouble(value(args, ++i)), faults.seed());
                case "--seed" -> {
                    long seed = Long.parseLong(value(args, ++i));
                    faults = faults.withDroppedBytes(faults.dropRate(), seed)
                            .withCorruptedBytes(faults.corruptRate(), seed);
                }
                default ->
                    throw new IllegalArgumentException("unknown option '" + args[i]
                            + "'; known: --port --bind --ppp-delay-ms --cmee --no-echo --no-sim --sim-pin --old-m590"
                            + " --rate --chunk --baud"
                            + " --latency-ms --drop --corrupt --seed");
            }
        }
        try (SimulatorServer server =
                SimulatorServer.start(config.withFaults(faults), new InetSocketAddress(bind, port))) {
            System.out.println("Neoway simulator listening on " + server.address() + " (one module per connection)");
            new CountDownLatch(1).await();
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option " + args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
