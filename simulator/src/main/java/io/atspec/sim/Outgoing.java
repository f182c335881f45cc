package io.atspec.sim;

import io.atspec.neoway.tcp.LinkType;
import io.atspec.neoway.tcp.TcpSend;
import io.atspec.neoway.tcp.UdpSend;
import io.atspec.runtime.bind.AtRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What an AT+TCPSEND or AT+UDPSEND asks to send, whatever its form: the link, the bytes, and
 * the length the line announced (which must match them).
 */
record Outgoing(LinkType type, int n, byte[] data, int announced) {

    /** Command mode: 1..512 bytes, ASCII or HEX. */
    static final int MAX_INLINE = 512;
    /** Buffer mode, ASCII: 1..4096 bytes. */
    static final int MAX_BUFFERED = 4096;

    /** The send a parsed request describes; empty for any other request. */
    static Optional<Outgoing> of(AtRequest request) {
        if (request instanceof TcpSend.Buffer b) {
            return Optional.of(new Outgoing(LinkType.TCP, b.n(), b.data(), b.data().length));
        } else if (request instanceof TcpSend.Text t) {
            return Optional.of(new Outgoing(LinkType.TCP, t.n(), text(t.content()), t.textLength()));
        } else if (request instanceof TcpSend.Hex h) {
            return Optional.of(new Outgoing(LinkType.TCP, h.n(), hex(h.hexContent()), h.hexLength()));
        } else if (request instanceof UdpSend.Buffer b) {
            return Optional.of(new Outgoing(LinkType.UDP, b.n(), b.data(), b.data().length));
        } else if (request instanceof UdpSend.Text t) {
            return Optional.of(new Outgoing(LinkType.UDP, t.n(), text(t.content()), t.textLength()));
        } else if (request instanceof UdpSend.Hex h) {
            return Optional.of(new Outgoing(LinkType.UDP, h.n(), hex(h.hexContent()), h.hexLength()));
        }
        return Optional.empty();
    }

    /** Whether the announced length is the data's (DATA LENGTH ERROR otherwise). */
    boolean lengthMatches() {
        return announced == data.length;
    }

    private static byte[] text(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hex(String digits) {
        return digits.length() % 2 == 0 ? HexFormat.of().parseHex(digits) : new byte[0];
    }
}
