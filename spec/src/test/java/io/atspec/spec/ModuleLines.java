package io.atspec.spec;

import io.atspec.grammar.model.TranscriptLine;
import io.atspec.grammar.model.TranscriptLine.Direction;
import io.atspec.runtime.AtChannelConfig;
import io.atspec.runtime.Urc;
import io.atspec.runtime.UrcDecoder;
import io.atspec.runtime.WireDecoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lines an example shows the module writing, framed as a channel frames them: by the
 * runtime's reader with the chapters' own URC decoders, so a raw or length-framed URC takes its
 * payload from the lines after its header exactly as the spec declares. No framing rule is
 * written here. Shared by the example replays of the spec module and the simulator.
 */
public final class ModuleLines {

    /** Stands in for the rest of a payload an example stops inside; removed by the reader after. */
    private static final byte[] MISSING = new byte[65536];

    private ModuleLines() {}

    /** The index after the run of received lines that starts at {@code from}. */
    public static int end(List<TranscriptLine> lines, int from) {
        int end = from;
        while (end < lines.size() && lines.get(end).direction() == Direction.RECEIVED) {
            end++;
        }
        return end;
    }

    /**
     * Frames lines {@code from} (inclusive) to {@code to} (exclusive): what the module wrote, one
     * CR LF between lines as a module writes a payload that runs over several lines.
     *
     * <p>An example may stop inside a length-framed payload (the manual's do, after a response
     * header): the missing bytes are then NULs, which the reader drops once the payload is read.
     */
    public static List<Urc> frame(List<TranscriptLine> lines, int from, int to, Map<String, UrcDecoder> decoders) {
        StringBuilder text = new StringBuilder("\r\n");
        for (int i = from; i < to; i++) {
            text.append(lines.get(i).text()).append("\r\n");
        }
        byte[] wire = text.toString().getBytes(StandardCharsets.UTF_8);
        try {
            try {
                return decode(wire, decoders);
            } catch (EOFException stopsInsideAPayload) {
                ByteArrayOutputStream padded = new ByteArrayOutputStream();
                padded.writeBytes(wire);
                padded.writeBytes(MISSING);
                padded.writeBytes(new byte[] {'\r', '\n'});
                return decode(padded.toByteArray(), decoders);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the module's lines from " + where(lines.get(from))
                            + " do not frame as the chapter's decoders say: " + e.getMessage(),
                    e);
        }
    }

    private static List<Urc> decode(byte[] wire, Map<String, UrcDecoder> decoders) throws IOException {
        List<Urc> framed = new ArrayList<>();
        WireDecoder.decode(new ByteArrayInputStream(wire), AtChannelConfig.defaults(), decoders, u -> {
            if (u.payload() != null || !u.line().isEmpty()) {
                framed.add(u); // empty: between the CR LF that end one line and those that start the next
            }
        });
        return framed;
    }

    /** {@code line 12 '+CSQ: 20,0'}: where a transcript line is, for messages. */
    public static String where(TranscriptLine line) {
        return "line " + line.location().line() + " '" + line.text() + "'";
    }
}
