package io.atspec.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The secrets of the commands a channel has sent, so that a line is masked even when it arrives
 * with no command pending (a late echo, a garbage or overlong line, a URC repeating a key).
 * Bounded: the oldest are forgotten first. Written by callers, read by the reader and timer.
 */
final class KnownSecrets {
    private static final int MAX = 256;

    private final LinkedHashSet<String> order = new LinkedHashSet<>();
    /** Longest first, so that a secret containing another is masked whole. */
    private volatile List<String> snapshot = List.of();

    void addAll(List<String> secrets) {
        if (secrets.isEmpty() || snapshot.containsAll(secrets)) {
            return;
        }
        synchronized (order) {
            for (String s : secrets) {
                order.remove(s);
                order.add(s);
            }
            while (order.size() > MAX) {
                order.remove(order.iterator().next());
            }
            List<String> l = new ArrayList<>(order);
            l.sort((a, b) -> b.length() - a.length());
            snapshot = List.copyOf(l);
        }
    }

    String mask(String s) {
        return WireTrace.mask(s, snapshot);
    }

    List<String> all() {
        return snapshot;
    }

    int longest() {
        List<String> l = snapshot;
        return l.isEmpty() ? 0 : l.get(0).length();
    }
}
