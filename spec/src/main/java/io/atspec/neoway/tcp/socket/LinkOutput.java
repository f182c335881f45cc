package io.atspec.neoway.tcp.socket;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A TCP link's bytes to the server as an {@link OutputStream}: each write is sent at once, split
 * into AT+TCPSEND commands of at most {@value LinkCommands#MAX_SEND} bytes (the module's maximum
 * in buffer mode), and returns once the module has reported every piece sent
 * ({@code +TCPSEND: <n>,<length>}). Unbuffered, like a socket's stream: wrap it in a
 * {@link java.io.BufferedOutputStream} for many small writes.
 */
final class LinkOutput extends OutputStream {

    private final LinkInbox link;
    private final LinkCommands commands;

    LinkOutput(LinkInbox link, LinkCommands commands) {
        this.link = link;
        this.commands = commands;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        for (int from = off; from < off + len; from += LinkCommands.MAX_SEND) {
            link.checkWritable();
            int to = Math.min(off + len, from + LinkCommands.MAX_SEND);
            try {
                commands.send(link.type(), link.number(), Arrays.copyOfRange(b, from, to));
            } catch (IOException e) {
                link.checkWritable(); // a broken or closed link says why
                throw e;
            }
        }
    }
}
