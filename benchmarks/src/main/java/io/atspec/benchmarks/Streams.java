package io.atspec.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** The byte streams the ingest benchmarks feed: exactly {@link #SIZE} bytes each. */
final class Streams {
    static final int SIZE = 1 << 20;

    private Streams() {}

    /** Short URC lines, the mix a modem sends while registered and idle. */
    static byte[] urcHeavy() {
        String[] lines = {
            "+CREG: 1,\"00C3\",\"0010\"",
            "+CSQ: 20,0",
            "+XIIC:    1,10.107.216.162",
            "GPRS DISCONNECTION",
            "+HTTPCLOSED: HTTP Link Closed",
            "+CGATT: 1",
            "+PBREADY",
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream(SIZE + 64);
        int i = 0;
        while (out.size() < SIZE - 64) {
            out.writeBytes(("\r\n" + lines[i++ % lines.length] + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        return pad(out);
    }

    /** {@code +HTTPRECV: 1024,<1024 raw bytes>} repeated; the data contains CR LF and OK. */
    static byte[] payloads() {
        Random r = new Random(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(SIZE + 2048);
        byte[] head = "\r\n+HTTPRECV: 1024,".getBytes(StandardCharsets.US_ASCII);
        while (out.size() < SIZE - 1100) {
            byte[] data = new byte[1024];
            r.nextBytes(data);
            System.arraycopy("\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII), 0, data, 100, 6);
            out.writeBytes(head);
            out.writeBytes(data);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        return pad(out);
    }

    /** Pads with CR LF (skipped by every reader) to exactly SIZE bytes. */
    private static byte[] pad(ByteArrayOutputStream out) {
        byte[] b = Arrays.copyOf(out.toByteArray(), SIZE);
        for (int i = out.size(); i < SIZE; i++) {
            b[i] = (byte) ((i - out.size()) % 2 == 0 ? '\r' : '\n');
        }
        return b;
    }
}
