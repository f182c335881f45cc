package io.atspec.cli;

import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A TCP endpoint, {@code host:port}, checked while the command line is parsed: a typo is a usage
 * error before any socket opens, not a connection failure. The host is a DNS name, an IPv4
 * address, or an IPv6 address in brackets ({@code [::1]:4001}).
 */
record HostPort(String host, int port) {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern NUMERIC = Pattern.compile("[0-9.]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(?:%[A-Za-z0-9_.-]+)?");

    static HostPort parse(String text) {
        String hostPart;
        String portPart;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || !text.startsWith(":", close + 1)) {
                throw shape(text);
            }
            hostPart = text.substring(1, close);
            portPart = text.substring(close + 2);
            if (!IPV6.matcher(hostPart).matches() || !hostPart.contains(":")) {
                throw new IllegalArgumentException(
                        Errors.quoted(text) + ": " + Errors.quoted(hostPart) + " in brackets is not an IPv6 address");
            }
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                throw shape(text);
            }
            hostPart = text.substring(0, colon);
            portPart = text.substring(colon + 1);
            if (hostPart.contains(":")) {
                throw new IllegalArgumentException(
                        Errors.quoted(text) + ": write an IPv6 address in brackets, e.g. [::1]:4001");
            }
            checkHost(hostPart, text);
        }
        return new HostPort(hostPart, port(portPart, text));
    }

    /**
     * Checks a host name (RFC 1123 labels) or IPv4 address; {@code whole} is what the user
     * wrote, for the message.
     */
    static void checkHost(String host, String whole) {
        if (host.isEmpty()) {
            throw new IllegalArgumentException(Errors.quoted(whole) + " names no host");
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (NUMERIC.matcher(name).matches()) {
            if (!isIpv4(name)) {
                throw new IllegalArgumentException(Errors.quoted(whole) + ": " + Errors.quoted(host)
                        + " is not an IPv4 address (four numbers 0..255, e.g. 192.168.1.20)");
            }
            return;
        }
        boolean labelsOk = name.length() <= 253;
        for (String label : name.split("\\.", -1)) {
            labelsOk &= LABEL.matcher(label).matches();
        }
        if (!labelsOk) {
            throw new IllegalArgumentException(Errors.quoted(whole) + ": " + Errors.quoted(host)
                    + " is not a host name (letters, digits and hyphens, in labels between dots)");
        }
    }

    /** A port number 1..65535; {@code whole} is what the user wrote, for the message. */
    static int port(String digits, String whole) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(
                    Errors.quoted(whole) + ": the port " + Errors.quoted(digits) + " is not a number 1..65535");
        }
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(Errors.quoted(whole) + ": the port " + port + " is not in 1..65535");
        }
        return port;
    }

    private static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException shape(String text) {
        return new IllegalArgumentException(
                Errors.quoted(text) + " is not host:port (e.g. 192.168.1.20:4001 or [::1]:4001)");
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** picocli's hook: a bad value is a usage error naming the option. */
    static final class Converter implements ITypeConverter<HostPort> {
        @Override
        public HostPort convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
