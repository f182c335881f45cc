package io.atspec.runtime;

import java.util.Objects;

/** Serial line settings: path, baud rate, frame format, flow control. */
public record SerialSettings(
        String path, int baud, int dataBits, Parity parity, StopBits stopBits, FlowControl flowControl) {

    public enum Parity {
        NONE,
        ODD,
        EVEN,
        MARK,
        SPACE
    }

    public enum StopBits {
        ONE,
        ONE_POINT_FIVE,
        TWO
    }

    public enum FlowControl {
        NONE,
        RTS_CTS,
        XON_XOFF
    }

    public SerialSettings {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
        Objects.requireNonNull(flowControl, "flowControl");
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive: " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("dataBits must be 5..8: " + dataBits);
        }
    }

    /** 8 data bits, no parity, one stop bit, no flow control. */
    public static SerialSettings of(String path, int baud) {
        return new SerialSettings(path, baud, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE);
    }

    public SerialSettings withFrame(int dataBits, Parity parity, StopBits stopBits) {
        return new SerialSettings(path, baud, dataBits, parity, stopBits, flowControl);
    }

    public SerialSettings withFlowControl(FlowControl f) {
        return new SerialSettings(path, baud, dataBits, parity, stopBits, f);
    }
}
