package io.atspec.sim;

import io.atspec.neoway.tcp.LinkType;
import io.atspec.neoway.tcp.TcpSend;
import io.atspec.neoway.tcp.UdpSend;
import io.atspec.runtime.bind.AtRequest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What an AT+TCPSEND or AT+UDPSEND asks to send, whatever its form: the link and the bytes. (The
 * generated parser reads a line only when its length is that of its data.)
 */
record Outgoing(LinkType type, int n, byte[] data) {

    /** Command mode: 1..512 bytes, ASCII or HEX. */
    static final int MAX_INLINE = 512;
    /** Buffer mode, ASCII: 1..4096 bytes. */
    static final int MAX_BUFFERED = 4096;

    /** The send a parsed request describes; empty for any other request. */
    static Optional<Outgoing> of(AtRequest request) {
        if (request instanceof TcpSend.Buffer b) {
            return Optional.of(new Outgoing(LinkType.TCP, b.n(), b.data()));
        } else if (request instanceof TcpSend.Text t) {
            return Optional.of(new Outgoing(LinkType.TCP, t.n(), text(t.content())));
        } else if (request instanceof TcpSend.Hex h) {
            return Optional.of(new Outgoing(LinkType.TCP, h.n(), hex(h.hexContent())));
        } else if (request instanceof UdpSend.Buffer b) {
            return Optional.of(new Outgoing(LinkType.UDP, b.n(), b.data()));
        } else if (request instanceof UdpSend.Text t) {
            return Optional.of(new Outgoing(LinkType.UDP, t.n(), text(t.content())));
        } else if (request instanceof UdpSend.Hex h) {
            return Optional.of(new Outgoing(LinkType.UDP, h.n(), hex(h.hexContent())));
        }
        return Optional.empty();
    }

    private static byte[] text(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits);
    }

    /**
     * The bytes an inline content stands for: its text's, or half its hex digits with
     * {@code hex} (rounded up, so an odd count never matches an even length).
     */
    static int inlineLength(String content, boolean hex) {
        return hex ? (content.length() + 1) / 2 : text(content).length;
    }
}
