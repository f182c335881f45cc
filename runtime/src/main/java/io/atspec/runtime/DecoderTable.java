package io.atspec.runtime;

import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;

/** An immutable snapshot of registered URC decoders, matched on raw bytes at a line start. */
final class DecoderTable {
    private final Charset charset;

    final String[] prefixes;
    final byte[][] prefixBytes;
    final UrcDecoder[] decoders;
    /** Quick filter: can a line starting with this byte match any prefix? */
    final boolean[] firstByte = new boolean[256];

    /** No decoders; prefixes are matched in {@code charset}, the channel's one charset. */
    static DecoderTable empty(Charset charset) {
        return new DecoderTable(Map.of(), charset);
    }

    private DecoderTable(Map<String, UrcDecoder> map, Charset charset) {
        this.charset = charset;
        int n = map.size();
        prefixes = new String[n];
        prefixBytes = new byte[n][];
        decoders = new UrcDecoder[n];
        int i = 0;
        for (Map.Entry<String, UrcDecoder> e : map.entrySet()) {
            prefixes[i] = e.getKey();
            prefixBytes[i] = e.getKey().getBytes(charset);
            decoders[i] = e.getValue();
            firstByte[prefixBytes[i][0] & 0xff] = true;
            i++;
        }
    }

    DecoderTable with(String prefix, UrcDecoder decoder) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("a URC decoder needs a non-empty prefix");
        }
        Map<String, UrcDecoder> m = new LinkedHashMap<>();
        for (int i = 0; i < prefixes.length; i++) {
            m.put(prefixes[i], decoders[i]);
        }
        m.put(prefix, decoder);
        return new DecoderTable(m, charset);
    }

    DecoderTable without(String prefix) {
        Map<String, UrcDecoder> m = new LinkedHashMap<>();
        for (int i = 0; i < prefixes.length; i++) {
            if (!prefixes[i].equals(prefix)) {
                m.put(prefixes[i], decoders[i]);
            }
        }
        return new DecoderTable(m, charset);
    }

    boolean isEmpty() {
        return prefixes.length == 0;
    }
}
