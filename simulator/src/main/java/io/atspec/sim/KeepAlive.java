package io.atspec.sim;

import java.io.IOException;
import java.net.Socket;
import jdk.net.ExtendedSocketOptions;

/**
 * AT+TCPKEEPALIVE=<mode>[,<time>[,<interval>[,<keepcount>]]]: applied to the TCP links set up
 * afterwards, as the facts say ("set before connecting"). The real socket gets SO_KEEPALIVE and,
 * where the platform supports them, the idle time, interval and probe count.
 */
record KeepAlive(boolean on, int time, int interval, int count) {

    /** Off, 120 s, 75 s, 9 probes: the defaults of the facts. */
    static KeepAlive atBoot() {
        return new KeepAlive(false, 120, 75, 9);
    }

    void applyTo(Socket socket) throws IOException {
        socket.setKeepAlive(on);
        if (!on) {
            return;
        }
        if (socket.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
            socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, time);
            socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, interval);
            socket.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, count);
        }
    }
}
