package io.atspec.runtime;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortTimeoutException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A serial port through jSerialComm (a UART, a USB modem port, or a pseudo-terminal). */
public final class SerialTransport implements Transport {
    /** Reads wake up this often to notice close(); data is returned as soon as it arrives. */
    private static final int READ_POLL_MS = 200;
    /**
     * Writes wake up this often (never 0, which blocks forever while CTS is held low) to notice
     * close(); the channel closes the transport when a write outlives its command's deadline.
     */
    private static final int WRITE_POLL_MS = 200;

    private final SerialPort port;
    private final SerialSettings settings;
    private final InputStream input;
    private final OutputStream output;
    private volatile boolean closed;

    private SerialTransport(SerialPort port, SerialSettings settings) {
        this.port = port;
        this.settings = settings;
        this.input = new PortInput(port.getInputStream());
        this.output = new PortOutput();
    }

    public static SerialTransport of(String path, int baud) {
        return open(SerialSettings.of(path, baud));
    }

    /** Opens the port; a {@link TransportException} names the port when it cannot be opened. */
    public static SerialTransport open(SerialSettings s) {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(s.path());
        } catch (RuntimeException e) {
            throw new TransportException("cannot open serial port " + s.path() + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(s.baud(), s.dataBits(), stopBits(s.stopBits()), parity(s.parity()));
        port.setFlowControl(flow(s.flowControl()));
        port.setComPortTimeouts(
                SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, READ_POLL_MS, WRITE_POLL_MS);
        if (!port.openPort()) {
            throw new TransportException("cannot open serial port " + s.path() + " (" + s.baud() + " baud): error "
                    + port.getLastErrorCode() + " at native line " + port.getLastErrorLocation()
                    + " (missing device, no permission, or in use?)");
        }
        return new SerialTransport(port, s);
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public String describe() {
        return "serial:" + settings.path();
    }

    public SerialSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        closed = true;
        port.closePort();
    }

    private static int stopBits(SerialSettings.StopBits b) {
        return switch (b) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    private static int parity(SerialSettings.Parity p) {
        return switch (p) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    private static int flow(SerialSettings.FlowControl f) {
        return switch (f) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case XON_XOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        };
    }

    /** Turns jSerialComm's read timeouts into "keep waiting" and a closed port into end of stream. */
    private final class PortInput extends InputStream {
        private final InputStream raw;

        PortInput(InputStream raw) {
            this.raw = raw;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0; // jSerialComm answers 0 here too; the loop below would wait forever
            }
            while (!closed) {
                try {
                    int n = raw.read(b, off, len);
                    if (n != 0) {
                        return n;
                    }
                } catch (SerialPortTimeoutException e) {
                    // no data within the poll interval: check closed and wait again
                } catch (IOException e) {
                    if (closed) {
                        return -1;
                    }
                    throw new IOException("reading " + settings.path() + " failed: " + e.getMessage(), e);
                }
            }
            return -1;
        }
    }

    /** Writes in bounded steps: a write held up by flow control ends with an IOException once closed. */
    private final class PortOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int done = 0;
            while (done < len) {
                if (closed) {
                    throw new IOException("writing " + settings.path() + " failed: the port was closed");
                }
                int n = port.writeBytes(b, len - done, off + done);
                if (n < 0) {
                    if (closed) {
                        throw new IOException("writing " + settings.path() + " failed: the port was closed");
                    }
                    throw new IOException("writing " + settings.path() + " failed: error " + port.getLastErrorCode());
                }
                done += n; // 0 after WRITE_POLL_MS: flow control holds the line; look at closed again
            }
        }
    }
}
