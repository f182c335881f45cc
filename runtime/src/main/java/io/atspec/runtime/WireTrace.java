package io.atspec.runtime;

import java.util.List;

/** Escaping and masking for the wire trace and for messages: control characters visible, secrets hidden. */
public final class WireTrace {

    /** Replaces each secret value. */
    public static final String MASK = "***";

    /** How much of a value a message shows: longer values are cut here and their length given. */
    public static final int EXCERPT = 64;

    private WireTrace() {}

    /** {@code "AT\r"} -> {@code "AT\\r"}; other control bytes as {@code \xNN}. */
    public static String escape(CharSequence s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                sb.append(escapeChar(c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s.toString() : sb.toString();
    }

    /** Escapes raw bytes (ISO-8859-1 view), at most {@code max} of them. */
    public static String escape(byte[] b, int off, int len, int max) {
        int n = Math.min(len, max);
        StringBuilder sb = new StringBuilder(n + 16);
        for (int i = 0; i < n; i++) {
            int c = b[off + i] & 0xff;
            if (c < 0x20 || c >= 0x7f || c == '\\') {
                sb.append(c == '\r' ? "\\r" : c == '\n' ? "\\n" : c == '\\' ? "\\\\" : String.format("\\x%02X", c));
            } else {
                sb.append((char) c);
            }
        }
        if (len > n) {
            sb.append("...(").append(len).append(" bytes)");
        }
        return sb.toString();
    }

    /** One character as a message shows it: {@code \\r}, {@code \\x1B}. */
    public static String escapeChar(char c) {
        switch (c) {
            case '\r':
                return "\\r";
            case '\n':
                return "\\n";
            case '\t':
                return "\\t";
            case '\\':
                return "\\\\";
            default:
                return String.format("\\x%02X", (int) c);
        }
    }

    /** At most {@link #EXCERPT} characters of {@code s}, then its length: {@code "abc...(2049 chars)"}. */
    public static String cut(String s) {
        return s.length() <= EXCERPT ? s : s.substring(0, EXCERPT) + "...(" + s.length() + " chars)";
    }

    /** A value as a message shows it: cut to {@link #EXCERPT} characters, control characters escaped. */
    public static String excerpt(String s) {
        return escape(cut(s));
    }

    /** Each line cut and escaped, for "received so far" lists in messages. */
    static String excerpts(List<String> lines) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(excerpt(lines.get(i)));
        }
        return sb.append(']').toString();
    }

    public static String mask(String s, List<String> secrets) {
        if (secrets.isEmpty()) {
            return s;
        }
        String r = s;
        for (String secret : secrets) {
            r = r.replace(secret, MASK);
        }
        return r;
    }
}
