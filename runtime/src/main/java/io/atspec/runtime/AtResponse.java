package io.atspec.runtime;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command received: its information lines (echo stripped) and the final result.
 *
 * @param payloads the counted payloads of response lines read by one of the command's
 *     {@linkplain AtCommand#responseDecoders() response decoders}, by the index of their line
 */
public record AtResponse(List<String> lines, FinalResult finalResult, Map<Integer, byte[]> payloads) {

    public AtResponse {
        lines = List.copyOf(lines);
        Map<Integer, byte[]> copy = new HashMap<>();
        payloads.forEach((index, bytes) -> copy.put(index, bytes.clone()));
        payloads = Map.copyOf(copy);
    }

    /** Lines without payloads. */
    public AtResponse(List<String> lines, FinalResult finalResult) {
        this(lines, finalResult, Map.of());
    }

    /** The first line starting with {@code prefix}, or null. */
    public String line(String prefix) {
        for (String l : lines) {
            if (l.startsWith(prefix)) {
                return l;
            }
        }
        return null;
    }

    /**
     * A copy of the payload that followed line {@code index} ({@code +SOCKREAD: 0,12,} then 12
     * bytes), or null when that line has none.
     */
    public byte[] payload(int index) {
        byte[] bytes = payloads.get(index);
        return bytes == null ? null : bytes.clone();
    }

    /** A copy of every payload: the record keeps its own. */
    @Override
    public Map<Integer, byte[]> payloads() {
        Map<Integer, byte[]> copy = new HashMap<>();
        payloads.forEach((index, bytes) -> copy.put(index, bytes.clone()));
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AtResponse r)
                || !lines.equals(r.lines)
                || !finalResult.equals(r.finalResult)
                || !payloads.keySet().equals(r.payloads.keySet())) {
            return false;
        }
        for (Map.Entry<Integer, byte[]> e : payloads.entrySet()) {
            if (!Arrays.equals(e.getValue(), r.payloads.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = lines.hashCode() * 31 + finalResult.hashCode();
        for (Map.Entry<Integer, byte[]> e : payloads.entrySet()) {
            h += e.getKey() ^ Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        return "AtResponse[lines=" + lines + ", finalResult=" + finalResult
                + (payloads.isEmpty() ? "" : ", payload bytes at lines " + payloads.keySet()) + "]";
    }
}
