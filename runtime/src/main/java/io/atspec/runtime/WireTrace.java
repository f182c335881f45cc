package io.atspec.runtime;

import java.util.List;

/** Escaping and masking for the wire trace and for messages: control characters visible, secrets hidden. */
public final class WireTrace {

    /** Replaces each secret value. */
    public static final String MASK = "***";

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

    static String escapeChar(char c) {
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
