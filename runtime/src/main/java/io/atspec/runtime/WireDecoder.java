package io.atspec.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Frames a recorded or live byte stream offline, with no command pending: every line and every
 * decoded URC is handed to {@code sink} in order, as a {@link Urc}. The same framing engine as
 * {@link AtChannel}, usable for decoding captured traces (and for benchmarks).
 */
public final class WireDecoder {

    private WireDecoder() {}

    /** Runs until {@code in} ends; returns what was counted and skipped. */
    public static ChannelStats decode(
            InputStream in, AtChannelConfig config, Map<String, UrcDecoder> decoders, Consumer<Urc> sink)
            throws IOException {
        DecoderTable table = DecoderTable.empty(config.charset());
        for (Map.Entry<String, UrcDecoder> e : decoders.entrySet()) {
            table = table.with(e.getKey(), e.getValue());
        }
        DecoderTable t = table;
        Counters counters = new Counters();
        AtReader reader = new AtReader(
                in,
                new AtReader.Owner() {
                    @Override
                    public Exchange current() {
                        return null;
                    }

                    @Override
                    public DecoderTable decoders() {
                        return t;
                    }

                    @Override
                    public void onLine(Exchange ex, String line) {
                        Counters.inc(counters.urcsDelivered);
                        sink.accept(Urc.of(line));
                    }

                    @Override
                    public byte[] onPrompt(Exchange ex) {
                        return null;
                    }

                    @Override
                    public String mask(String text) {
                        return text;
                    }

                    @Override
                    public int longestSecret() {
                        return 0;
                    }

                    @Override
                    public long payloadDeadline(String prefix) {
                        return Long.MAX_VALUE; // offline: framing depends on the bytes alone
                    }

                    @Override
                    public void onResponsePayload(Exchange ex, Urc unit) {
                        onUrc(unit); // offline nothing is pending: never called
                    }

                    @Override
                    public void onUrc(Urc urc) {
                        Counters.inc(counters.urcsDelivered);
                        sink.accept(urc);
                    }
                },
                config,
                counters,
                "decoder");
        reader.run();
        return counters.snapshot();
    }
}
