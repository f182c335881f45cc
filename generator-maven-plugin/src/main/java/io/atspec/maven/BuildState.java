package io.atspec.maven;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the last successful run generated: the generator version, the output directory, and for
 * each spec (by its path relative to the source directory) a hash of its bytes (ContentHash) and the files
 * it produced. A spec whose hash and generator version are unchanged, and whose outputs are all
 * still there, needs neither parsing nor generation; outputs of a spec that is gone are known, so
 * they can be deleted.
 *
 * <p>Stored as a properties file (escaping for free), its lines sorted and without the date
 * comment {@link Properties#store} adds, so the same state gives the same bytes and an
 * up-to-date run does not rewrite it.
 *
 * @param generatorVersion {@code JavaGenerator.fingerprint()} of the run
 * @param outputDirectory the absolute output directory of the run
 * @param specs entries by spec path relative to the source directory
 */
public record BuildState(String generatorVersion, String outputDirectory, SortedMap<String, Entry> specs) {

    private static final String GENERATOR = "generator.version";
    private static final String OUTPUT = "output.directory";
    private static final String HASH = "spec.hash.";
    private static final String OUTPUTS = "spec.outputs.";
    private static final String BINDING = "spec.binding.";

    /**
     * @param hash a hash of the spec's bytes ({@link io.atspec.codegen.ContentHash})
     * @param outputs the generated files, relative to the output directory, '/' separators
     * @param binding the fully qualified name of the chapter's descriptor, which the service
     *     registration lists (kept so an unchanged spec need not be parsed to write it); empty if
     *     the spec generated none
     */
    public record Entry(String hash, List<String> outputs, String binding) {
        public Entry {
            outputs = List.copyOf(outputs);
        }

        public Entry(String hash, List<String> outputs) {
            this(hash, outputs, "");
        }
    }

    public BuildState {
        specs = Collections.unmodifiableSortedMap(new TreeMap<>(specs));
    }

    /** Whether entries of this state can be reused by a run of this generator into that directory. */
    public boolean reusableFor(String version, String output) {
        return generatorVersion.equals(version) && outputDirectory.equals(output);
    }

    public Optional<Entry> entry(String spec) {
        return Optional.ofNullable(specs.get(spec));
    }

    /**
     * Reads a state file. A missing, unreadable or malformed file gives empty: the run then
     * regenerates everything, which is always correct, only slower.
     */
    public static Optional<BuildState> load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Optional<BuildState> parse(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        String version = p.getProperty(GENERATOR);
        String output = p.getProperty(OUTPUT);
        if (version == null || output == null) {
            return Optional.empty();
        }
        SortedMap<String, Entry> specs = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(HASH)) {
                String spec = key.substring(HASH.length());
                String outputs = p.getProperty(OUTPUTS + spec, "");
                List<String> files = outputs.isEmpty() ? List.of() : Arrays.asList(outputs.split(","));
                specs.put(spec, new Entry(p.getProperty(key), files, p.getProperty(BINDING + spec, "")));
            }
        }
        return Optional.of(new BuildState(version, output, specs));
    }

    /** The file's text: deterministic, one property a line, sorted. */
    public String serialize() {
        Properties p = new Properties();
        p.setProperty(GENERATOR, generatorVersion);
        p.setProperty(OUTPUT, outputDirectory);
        for (Map.Entry<String, Entry> e : specs.entrySet()) {
            p.setProperty(HASH + e.getKey(), e.getValue().hash());
            // Output paths are Java file paths: a ',' cannot occur in them.
            p.setProperty(OUTPUTS + e.getKey(), String.join(",", e.getValue().outputs()));
            if (!e.getValue().binding().isEmpty()) {
                p.setProperty(BINDING + e.getKey(), e.getValue().binding());
            }
        }
        StringWriter out = new StringWriter();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new AssertionError("a StringWriter does not fail", e);
        }
        String body = out.toString()
                .lines()
                .filter(line -> !line.startsWith("#"))
                .sorted()
                .collect(Collectors.joining("\n", "", "\n"));
        return "# atspec-maven-plugin state: what the last run generated. Delete to regenerate everything.\n" + body;
    }

    /** Writes the state through {@code writer}: atomically, and only when it changed. */
    public void save(Path file, OutputWriter writer) throws IOException {
        writer.write(file, serialize());
    }
}
