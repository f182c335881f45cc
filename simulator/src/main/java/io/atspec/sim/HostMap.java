package io.atspec.sim;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where the module's HTTP(S) clients connect for a url's host: the simulator's DNS. A name (or
 * {@code name:port}) can be mapped to a socket address, e.g. the manual's
 * {@code www.neoway.com.cn} to a test server on loopback; a name can be made unknown (a DNS
 * failure); every other name goes to the default address if one is set, else to the host's own
 * resolver. The url's host stays what the module sends in the {@code Host} header and the TLS
 * server name. Immutable; the {@code with...} methods return changed copies.
 */
public final class HostMap {

    private static final HostMap SYSTEM = new HostMap(Map.of(), Set.of(), Optional.empty());

    private final Map<String, InetSocketAddress> names;
    private final Set<String> unknown;
    private final Optional<InetSocketAddress> fallback;

    private HostMap(Map<String, InetSocketAddress> names, Set<String> unknown, Optional<InetSocketAddress> fallback) {
        this.names = names;
        this.unknown = unknown;
        this.fallback = fallback;
    }

    /** No mappings: every name goes to the host's resolver. */
    public static HostMap system() {
        return SYSTEM;
    }

    /** {@code name} (any port) or {@code name:port} (that port only, preferred) connects to {@code address}. */
    public HostMap with(String nameOrNameAndPort, InetSocketAddress address) {
        Map<String, InetSocketAddress> copy = new TreeMap<>(names);
        copy.put(key(nameOrNameAndPort), java.util.Objects.requireNonNull(address, "address"));
        return new HostMap(Map.copyOf(copy), unknown, fallback);
    }

    /** {@code name} does not resolve: connecting to it fails as a DNS failure does. */
    public HostMap withUnknown(String name) {
        Set<String> copy = new TreeSet<>(unknown);
        copy.add(key(name));
        return new HostMap(names, Set.copyOf(copy), fallback);
    }

    /** Every name neither mapped nor unknown connects to {@code address} (no lookup at all). */
    public HostMap withDefault(InetSocketAddress address) {
        return new HostMap(names, unknown, Optional.of(java.util.Objects.requireNonNull(address, "address")));
    }

    /**
     * The address to connect to for {@code host} and {@code port}.
     *
     * @throws UnknownHostException the name is unknown here, or the host's resolver does not know it
     */
    public InetSocketAddress resolve(String host, int port) throws UnknownHostException {
        String name = key(host);
        if (unknown.contains(name)) {
            throw new UnknownHostException(host + " (unknown to the simulator's host map)");
        }
        InetSocketAddress mapped = names.get(name + ":" + port);
        if (mapped == null) {
            mapped = names.get(name);
        }
        if (mapped == null && fallback.isPresent()) {
            mapped = fallback.get();
        }
        if (mapped != null) {
            return mapped;
        }
        InetSocketAddress resolved = new InetSocketAddress(host, port);
        if (resolved.isUnresolved()) {
            throw new UnknownHostException(host);
        }
        return resolved;
    }

    private static String key(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a host name must not be empty");
        }
        return name.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "HostMap" + names + (unknown.isEmpty() ? "" : " unknown " + unknown)
                + fallback.map(f -> " default " + f).orElse("");
    }
}
