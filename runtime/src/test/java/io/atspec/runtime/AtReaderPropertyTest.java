package io.atspec.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random streams built from valid pieces (URC lines, length-framed payloads, raw-mode payloads)
 * and noise (garbage, control bytes, NULs, lone CR/LF, overlong lines), cut into random chunks:
 * the reader never throws, never hangs, and every intact piece arrives intact and in order.
 */
class AtReaderPropertyTest {

    private static final AtChannelConfig CONFIG = AtChannelConfig.defaults().withMaxLineLength(128);
    private static final Map<String, UrcDecoder> DECODERS = Map.of(
            "+LEN:", UrcDecoder.lengthFramed(),
            "+RAW:", UrcDecoder.rawUntil("+END:"));

    /** A piece of the stream: its bytes and the URCs it must produce (none for noise). */
    record Piece(byte[] bytes, List<Urc> expected) {
        @Override
        public String toString() {
            return WireTrace.escape(bytes, 0, bytes.length, 60);
        }
    }

    @Property(tries = 400)
    void intactPiecesArriveIntactAndInOrder(@ForAll("streams") List<Piece> pieces, @ForAll long chunkSeed)
            throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<Urc> expected = new ArrayList<>();
        for (Piece p : pieces) {
            all.writeBytes(p.bytes());
            expected.addAll(p.expected());
        }
        List<Urc> got = new ArrayList<>();
        // "Never hangs": the decode runs apart, and the test waits for it with a deadline.
        ChannelStats stats = CompletableFuture.supplyAsync(() -> decode(all.toByteArray(), chunkSeed, got))
                .get(10, TimeUnit.SECONDS);
        assertThat(isSubsequence(expected, got))
                .as("expected %s in order within %s", expected, got)
                .isTrue();
        assertThat(stats.framingErrors()).isZero();
        assertThat(stats.bytesRead()).isEqualTo(all.size());
    }

    private static ChannelStats decode(byte[] bytes, long chunkSeed, List<Urc> got) {
        try {
            return WireDecoder.decode(new ChunkedInput(bytes, chunkSeed), CONFIG, DECODERS, got::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean isSubsequence(List<Urc> expected, List<Urc> got) {
        int i = 0;
        for (Urc u : got) {
            if (i < expected.size() && expected.get(i).equals(u)) {
                i++;
            }
        }
        return i == expected.size();
    }

    @Provide
    Arbitrary<List<Piece>> streams() {
        return Arbitraries.oneOf(urcLine(), lengthFramed(), raw(), noise())
                .list()
                .ofMaxSize(30);
    }

    private Arbitrary<Piece> urcLine() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60);
        return Combinators.combine(Arbitraries.integers().between(0, 99), text).as((n, t) -> {
            String line = "+U" + n + ": " + t;
            return new Piece(("\r\n" + line + "\r\n").getBytes(StandardCharsets.UTF_8), List.of(Urc.of(line)));
        });
    }

    private Arbitrary<Piece> lengthFramed() {
        return anyBytes(600).map(data -> {
            String head = "+LEN: " + data.length + ",";
            return new Piece(
                    concat(("\r\n" + head).getBytes(StandardCharsets.US_ASCII), data, crlf()),
                    List.of(Urc.withPayload("+LEN:", head, data)));
        });
    }

    private Arbitrary<Piece> raw() {
        return anyBytes(600)
                .filter(d -> !new String(d, StandardCharsets.ISO_8859_1).contains("\r\n+END")
                        && !new String(d, StandardCharsets.ISO_8859_1).startsWith("+END"))
                .map(data -> new Piece(
                        concat(
                                "\r\n+RAW:\r\n".getBytes(StandardCharsets.US_ASCII),
                                data,
                                "\r\n+END: closed\r\n".getBytes(StandardCharsets.US_ASCII)),
                        List.of(Urc.withPayload("+RAW:", "+RAW:", data), Urc.of("+END: closed"))));
    }

    /** Garbage without '+', so it can never look like a decoder header. */
    private Arbitrary<Piece> noise() {
        Arbitrary<Byte> b = Arbitraries.oneOf(
                Arbitraries.bytes().filter(x -> x != '+'),
                Arbitraries.of((byte) '\r', (byte) '\n', (byte) 0, (byte) 'O', (byte) 'K', (byte) '>'));
        return b.list().ofMaxSize(300).map(l -> {
            byte[] out = new byte[l.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = l.get(i);
            }
            return new Piece(out, List.of());
        });
    }

    private static Arbitrary<byte[]> anyBytes(int max) {
        Arbitrary<Byte> b = Arbitraries.oneOf(
                Arbitraries.bytes(),
                Arbitraries.of((byte) '\r', (byte) '\n', (byte) 'O', (byte) 'K', (byte) '+', (byte) 0));
        return b.list().ofMaxSize(max).map(l -> {
            byte[] out = new byte[l.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = l.get(i);
            }
            return out;
        });
    }

    private static byte[] crlf() {
        return new byte[] {'\r', '\n'};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    /** Returns the bytes in random chunks of 1..64 bytes. */
    static final class ChunkedInput extends InputStream {
        private final byte[] data;
        private final Random random;
        private int pos;

        ChunkedInput(byte[] data, long seed) {
            this.data = data;
            this.random = new Random(seed);
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, data.length - pos), 1 + random.nextInt(random.nextBoolean() ? 3 : 64));
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public String toString() {
            return Arrays.toString(Arrays.copyOf(data, Math.min(20, data.length)));
        }
    }
}
