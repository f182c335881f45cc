package io.atspec.neoway.tcp.socket;

import io.atspec.runtime.AtChannel;
import io.atspec.runtime.AtFramingException;
import io.atspec.runtime.Urc;
import io.atspec.runtime.UrcDecoder;

/**
 * Interim: frames {@code <prefix> <n>,<length>,<data>} (exactly {@code <length>} raw bytes after
 * the second comma) until the chapter's generated bindings count a payload that follows other
 * fields themselves (contract A1). Today's generated decoder takes the text before the first
 * comma as the length, so the link number would be read as a 0-byte length. A line that ends
 * before the second comma ({@code +TCPRECV: 0}, {@code +TCPREAD: 0,0}) is a plain line.
 */
final class CountedFraming {

    /** The reports and answers that carry a link's data; their declared maximum length. */
    private static final String[] PREFIXES = {"+TCPRECV:", "+UDPRECV:", "+TCPREAD:", "+UDPREAD:"};

    private static final int MAX_LENGTH = 4096;

    private CountedFraming() {}

    /** Registers the decoder for every prefix that carries data (after the facade's own). */
    static void register(AtChannel channel) {
        for (String prefix : PREFIXES) {
            channel.registerDecoder(prefix, afterLink(MAX_LENGTH));
        }
    }

    static UrcDecoder afterLink(int max) {
        return (prefix, in) -> {
            String link = in.readUntil(',');
            if (!in.foundDelimiter()) {
                return Urc.of(prefix, prefix + link + in.readLine());
            }
            String length = in.readUntil(',');
            if (!in.foundDelimiter()) {
                return Urc.of(prefix, prefix + link + "," + length + in.readLine());
            }
            int n;
            try {
                n = Integer.parseInt(length.trim());
            } catch (NumberFormatException e) {
                throw new AtFramingException(prefix + " length is not a number: '" + cut(length) + "'");
            }
            if (n < 0 || n > max) {
                throw new AtFramingException(prefix + " length " + n + " is outside 0.." + max);
            }
            return Urc.withPayload(prefix, prefix + link + "," + length + ",", in.readExactly(n));
        };
    }

    private static String cut(String s) {
        return s.length() <= 20 ? s : s.substring(0, 17) + "...";
    }
}
