package io.atspec.sim;

import io.atspec.neoway.tcp.LinkType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The unsolicited lines of the TCP/UDP chapter, written through {@link ModuleOutput} so that one
 * never splits another line: set-up results, sent reports, received data (pushed or a notice)
 * and the server's close. {@code +TCP...} or {@code +UDP...} after the link's type.
 */
final class SocketReports {

    private final ModuleOutput out;

    SocketReports(ModuleOutput out) {
        this.out = out;
    }

    /** {@code +TCPSETUP: <n>,OK} or {@code ,FAIL}. */
    void setUp(LinkType type, int n, boolean connected) {
        out.line(name(type, "SETUP") + n + (connected ? ",OK" : ",FAIL"));
    }

    /** {@code +TCPSEND: <n>,<length>}: the data is sent. */
    void sent(LinkType type, int n, int length) {
        out.line(name(type, "SEND") + n + "," + length);
    }

    /** Receive mode 0: {@code +TCPRECV: <n>}, data waits for AT+TCPREAD. */
    void waiting(LinkType type, int n) {
        out.line(name(type, "RECV") + n);
    }

    /**
     * Receive mode 1: {@code CR LF +TCPRECV: <n>,<length>,<data> CR LF} in one write, {@code <data>}
     * exactly {@code <length>} bytes whatever they hold (CR LF, OK, another header).
     */
    void pushed(LinkType type, int n, byte[] data) {
        out.raw(countedLine(name(type, "RECV") + n + "," + data.length + ",", data));
    }

    /** {@code +TCPCLOSE: <n>,Link Closed}: the server closed the link. */
    void closedByServer(int n) {
        out.line("+TCPCLOSE: " + n + ",Link Closed");
    }

    /** {@code CR LF header data CR LF}: a counted answer or report, as bytes. */
    static byte[] countedLine(String header, byte[] data) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(header.length() + data.length + 4);
        line.writeBytes(("\r\n" + header).getBytes(StandardCharsets.US_ASCII));
        line.writeBytes(data);
        line.writeBytes(new byte[] {'\r', '\n'});
        return line.toByteArray();
    }

    /** {@code +TCPSETUP: }, {@code +UDPRECV: }, ... */
    static String name(LinkType type, String what) {
        return "+" + type.code() + what + ": ";
    }
}
