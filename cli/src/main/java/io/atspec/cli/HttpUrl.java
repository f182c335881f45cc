package io.atspec.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An {@code http://} or {@code https://} URL as the module takes it, checked while the command
 * line is parsed. The scheme is required: without one, a typo such as {@code not-a-url} would be
 * taken for a host name and fail only at the module, as an AT+HTTPSETUP error.
 */
record HttpUrl(boolean https, String host, int port, String path) {

    private static final Pattern SHAPE = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)([/?][^#]*)?(#.*)?");
    private static final String EXPECTED = "http://host[:port]/path or https://host[:port]/path";

    static HttpUrl parse(String text) {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(Errors.quoted(text) + " is not a URL; give " + EXPECTED);
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(
                    Errors.quoted(text) + ": only http:// and https:// URLs are supported, not " + scheme + "://");
        }
        String authority = m.group(2);
        if (authority.contains("@")) {
            throw new IllegalArgumentException(
                    Errors.quoted(text) + ": the module takes no user name or password in a URL");
        }
        if (authority.startsWith("[")) {
            throw new IllegalArgumentException(
                    Errors.quoted(text) + ": the module's URLs take a host name or an IPv4 address, not IPv6");
        }
        boolean https = scheme.equals("https");
        int colon = authority.lastIndexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        HostPort.checkHost(host, text);
        int port = colon < 0 ? (https ? 443 : 80) : HostPort.port(authority.substring(colon + 1), text);
        String path = m.group(3) == null ? "/" : m.group(3);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException(Errors.quoted(text) + ": the path has "
                        + (c == ' ' ? "a space" : "a control character") + " at index " + i
                        + "; percent-encode it (%20 for a space)");
            }
        }
        return new HttpUrl(https, host, port, path);
    }

    /**
     * picocli's hook for a URL kept as the user wrote it (the HTTP client reads the text): a bad
     * URL is a usage error naming the parameter.
     */
    static final class Checked implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                parse(value);
                return value;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
