package io.atspec.neoway.tcp.socket;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.IntSupplier;

/**
 * A TCP link's bytes as an {@link InputStream}: what the module pushed, or (receive mode 0)
 * what AT+TCPREAD fetches when the module says data waits. Returns -1 once the server has closed
 * the link and everything it sent has been read. Waits at most the socket's timeout.
 */
final class LinkInput extends InputStream {

    private final LinkInbox link;
    private final LinkCommands commands;
    private final IntSupplier timeoutMillis;
    private byte[] piece = new byte[0];
    private int at;
    private boolean ended;

    LinkInput(LinkInbox link, LinkCommands commands, IntSupplier timeoutMillis) {
        this.link = link;
        this.commands = commands;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (at == piece.length && !fill()) {
            return -1;
        }
        int n = Math.min(len, piece.length - at);
        System.arraycopy(piece, at, b, off, n);
        at += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return (int) Math.min(Integer.MAX_VALUE, piece.length - at + link.held());
    }

    /** The next piece; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        while (true) {
            LinkInbox.Next next = link.next(timeoutMillis.getAsInt());
            if (next instanceof LinkInbox.Next.Data d) {
                piece = d.bytes();
                at = 0;
                if (piece.length > 0) {
                    return true;
                }
            } else if (next instanceof LinkInbox.Next.ReadModule) {
                byte[] got = readModule();
                if (got.length > 0) {
                    link.waitingInModule(); // more may wait: read again before waiting for a notice
                    piece = got;
                    at = 0;
                    return true;
                }
            } else {
                ended = true;
                return false;
            }
        }
    }

    private byte[] readModule() throws IOException {
        try {
            return commands.read(link.type(), link.number(), LinkCommands.MAX_TCP_READ);
        } catch (IOException e) {
            link.throwIfBroken(); // the data link dropped: say so rather than the read's ERROR
            if (link.closedByServer()) {
                return new byte[0]; // the module let the closed link go: nothing more to read
            }
            throw e;
        }
    }

    @Override
    public void close() {
        Arrays.fill(piece, (byte) 0);
    }
}
