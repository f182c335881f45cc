package io.atspec.sim;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The module's small file system, in memory, one per simulated module: where
 * {@code AT+HTTPSCFG="cacert",<file>} reads its CA certificate (PEM), where AT+HTTPGET /
 * AT+HTTPSGET and {@code AT+FILEHTTPACTION=0,...} / {@code AT+FILEHTTPSACTION=0,...} store what
 * they download, and where {@code AT+FILEHTTPACTION=1,<length>,<type>,<file>} reads what it posts.
 * Paths are relative to the root: a leading {@code /} is ignored. Tests reach it through
 * {@link NeowaySimulator#files()}.
 */
public final class ModuleFiles {

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    ModuleFiles() {}

    /** Creates or replaces {@code name}. */
    public void put(String name, byte[] content) {
        files.put(key(name), content.clone());
    }

    /** The content of {@code name}, if it exists. */
    public Optional<byte[]> get(String name) {
        byte[] content = files.get(key(name));
        return content == null ? Optional.empty() : Optional.of(content.clone());
    }

    public boolean exists(String name) {
        return files.containsKey(key(name));
    }

    public boolean delete(String name) {
        return files.remove(key(name)) != null;
    }

    /** Every file name, sorted. */
    public Set<String> names() {
        return new TreeSet<>(files.keySet());
    }

    /** Writes {@code data} at {@code offset} of {@code name}, growing it (zero-filled) as needed. */
    void write(String name, long offset, byte[] data) {
        if (offset < 0 || offset + data.length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("offset " + offset + " is outside a module file");
        }
        files.compute(key(name), (k, old) -> {
            byte[] base = old == null ? new byte[0] : old;
            int end = (int) offset + data.length;
            byte[] grown = base.length >= end ? base.clone() : Arrays.copyOf(base, end);
            System.arraycopy(data, 0, grown, (int) offset, data.length);
            return grown;
        });
    }

    private static String key(String name) {
        String k = name.strip();
        while (k.startsWith("/")) {
            k = k.substring(1);
        }
        if (k.isEmpty()) {
            throw new IllegalArgumentException("empty file name");
        }
        return k;
    }

    /** The file a download from {@code target} lands in: the last segment of its path, else {@code index.html}. */
    static String downloadName(HttpTarget target) {
        String path = target.path();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? "index.html" : last;
    }
}
