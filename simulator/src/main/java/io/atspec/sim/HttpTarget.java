package io.atspec.sim;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * Where an HTTP request goes, from HTTPPARA's url ({@code host[:port][/path]}, with or without
 * {@code http://}) and port. An explicit AT+HTTPPARA=port wins; then a port in the url; then 80,
 * the port the manual's examples connect to when none was set.
 */
record HttpTarget(String host, int port, String path) {

    static HttpTarget of(String url, OptionalInt port) {
        return of(url, port, 80);
    }

    /** {@link #of(String, OptionalInt)} with another default port (443 for HTTPSPARA's url). */
    static HttpTarget of(String url, OptionalInt port, int defaultPort) {
        String rest = url.strip();
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://")) {
            rest = rest.substring("http://".length());
        } else if (lower.startsWith("https://")) {
            rest = rest.substring("https://".length());
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        String host = authority;
        int urlPort = defaultPort;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0) {
            host = authority.substring(0, colon);
            try {
                urlPort = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("url '" + url + "' has a port that is not a number", e);
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("url '" + url + "' names no host");
        }
        return new HttpTarget(host, port.orElse(urlPort), path);
    }

    /** The Host header value: the port only when it is not 80. */
    String hostHeader() {
        return port == 80 ? host : host + ":" + port;
    }
}
