package io.atspec.sim;

import io.atspec.neoway.tcp.DataMode;
import io.atspec.neoway.tcp.ReceiveMode;
import java.util.HexFormat;
import java.util.Objects;

/**
 * AT+RECVMODE=<n>,<mode>: whether client sockets push what they receive (1, the default) or keep
 * it for AT+TCPREAD / AT+UDPREAD (0), and whether data reaches the host as ASCII (raw bytes) or
 * HEX (two upper-case hex digits per byte). In HEX the reports' length counts the hex digits
 * written, so that a report's length always says how many bytes follow it on the wire (the facts
 * do not say which count a module uses).
 */
record ReceiveSettings(ReceiveMode mode, DataMode dataMode) {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    ReceiveSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(dataMode, "dataMode");
    }

    /** As at boot: pushed, ASCII. Not remembered across restarts. */
    static ReceiveSettings atBoot() {
        return new ReceiveSettings(ReceiveMode.DIRECT, DataMode.ASCII);
    }

    boolean pushed() {
        return mode == ReceiveMode.DIRECT;
    }

    /** The bytes as the host sees them. */
    byte[] encode(byte[] data) {
        return dataMode == DataMode.HEX
                ? HEX.formatHex(data).getBytes(java.nio.charset.StandardCharsets.US_ASCII)
                : data;
    }

    /** How many received bytes fit in a report or read of at most {@code wireBytes} bytes. */
    int dataBytesFor(int wireBytes) {
        return dataMode == DataMode.HEX ? Math.max(1, wireBytes / 2) : wireBytes;
    }
}
