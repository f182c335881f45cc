package io.atspec.cli;

import io.atspec.runtime.SerialTransport;
import io.atspec.runtime.TcpTransport;
import io.atspec.runtime.Transport;
import io.atspec.runtime.TransportException;
import io.atspec.sim.NeowaySimulator;
import io.atspec.sim.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** How to reach the module: a serial port, a TCP port (ser2net raw), or the simulator. */
final class ModemOptions {

    static final class Link {
        @Option(
                names = "--port",
                paramLabel = "<device>",
                description = "Serial port of the module, e.g. /dev/ttyUSB2.")
        String port;

        @Option(
                names = "--tcp",
                paramLabel = "<host:port>",
                converter = HostPort.Converter.class,
                description = "TCP port that carries the serial line (ser2net raw mode).")
        HostPort tcp;

        @Option(
                names = "--sim",
                description = "The built-in simulated Neoway module, in memory (real HTTP from this machine).")
        boolean sim;
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @ArgGroup(exclusive = true, multiplicity = "1")
    Link link;

    @Option(
            names = "--baud",
            paramLabel = "<rate>",
            defaultValue = "115200",
            description = "Serial baud rate (default: ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--trace", description = "Log the wire trace (TX/RX, secrets masked) to stderr.")
    boolean trace;

    @Option(
            names = "--timeout",
            paramLabel = "<seconds>",
            defaultValue = "60",
            description = "How long a response may take to complete (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    Duration completionTimeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** The module's link and, for --sim, the simulator to close with it (null for a real module). */
    record Opened(Transport transport, NeowaySimulator simulator, String description) {}

    Opened open() {
        if (link.sim) {
            NeowaySimulator module = NeowaySimulator.inMemory(SimulatorConfig.defaults());
            return new Opened(module.host(), module, "the simulated module (in memory)");
        }
        if (link.tcp != null) {
            try {
                return new Opened(
                        TcpTransport.connect(link.tcp.host(), link.tcp.port(), CONNECT_TIMEOUT),
                        null,
                        "tcp:" + link.tcp);
            } catch (TransportException e) {
                throw new CliException(
                        "cannot connect to " + link.tcp + ": " + Errors.connectReason(e, CONNECT_TIMEOUT), e);
            }
        }
        String device = link.port;
        if (device.startsWith("/") && !Files.exists(Path.of(device))) {
            throw new CliException("cannot open serial port " + device + ": no such device");
        }
        try {
            return new Opened(SerialTransport.of(device, baud), null, "serial port " + device);
        } catch (TransportException e) {
            throw new CliException(Errors.oneLine(e), e);
        } catch (RuntimeException | LinkageError e) {
            throw new CliException("cannot open serial port " + device + ": " + Errors.oneLine(e), e);
        }
    }
}
