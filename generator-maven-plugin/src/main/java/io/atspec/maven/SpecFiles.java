package io.atspec.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the spec files below a source directory with Maven-style include and exclude patterns
 * ({@code **}{@code /*.atspec}, {@code legacy/**}).
 *
 * <p>java.nio glob is used rather than plexus DirectoryScanner because Maven 3.9 no longer puts
 * plexus-utils on a plugin's class path. The two differ in one place that matters: in Ant and
 * Maven patterns {@code **}{@code /} also matches no directory at all ({@code **}{@code /*.atspec}
 * matches {@code http.atspec}), while for java.nio it needs at least one '/'. So each pattern is
 * expanded into every variant with some of its {@code **}{@code /} removed, and a file matches the
 * pattern when it matches any variant.
 */
public final class SpecFiles {

    /** The includes used when the POM names none. */
    public static final List<String> DEFAULT_INCLUDES = List.of("**/*.atspec");

    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;

    public SpecFiles(List<String> includes, List<String> excludes) {
        FileSystem fs = FileSystems.getDefault();
        this.includes = matchers(fs, includes == null || includes.isEmpty() ? DEFAULT_INCLUDES : includes);
        this.excludes = matchers(fs, excludes == null ? List.of() : excludes);
    }

    /**
     * The matching regular files below {@code directory}, sorted by relative path so that runs and
     * diagnostics come in the same order on every machine. A missing directory holds no specs.
     */
    public List<SpecFile> find(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<SpecFile> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                Path relative = directory.relativize(file);
                if (matches(relative)) {
                    found.add(new SpecFile(slashes(relative), file));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        found.sort(Comparator.comparing(SpecFile::relativePath));
        return List.copyOf(found);
    }

    /** Whether a path relative to the source directory is included and not excluded. */
    public boolean matches(Path relative) {
        return includes.stream().anyMatch(m -> m.matches(relative))
                && excludes.stream().noneMatch(m -> m.matches(relative));
    }

    static String slashes(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static List<PathMatcher> matchers(FileSystem fs, List<String> patterns) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            for (String variant : variants(normalize(pattern))) {
                matchers.add(fs.getPathMatcher("glob:" + variant));
            }
        }
        return matchers;
    }

    /** Maven conventions: '\' is a separator too, and a trailing '/' means everything below it. */
    private static String normalize(String pattern) {
        String p = pattern.trim().replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p.endsWith("/") ? p + "**" : p;
    }

    /** The pattern with every subset of its "**&#47;" segments removed (2^n variants, n is tiny). */
    static List<String> variants(String pattern) {
        List<String> out = new ArrayList<>();
        out.add(pattern);
        int from = 0;
        int at;
        while ((at = pattern.indexOf("**/", from)) >= 0) {
            if (at == 0 || pattern.charAt(at - 1) == '/') {
                int index = at;
                List<String> more = new ArrayList<>();
                for (String v : out) {
                    // Positions shift in variants that already lost an earlier "**/": cut from the end.
                    int fromEnd = pattern.length() - index;
                    int cut = v.length() - fromEnd;
                    more.add(v.substring(0, cut) + v.substring(cut + 3));
                }
                out.addAll(more);
            }
            from = at + 3;
        }
        return out;
    }
}
