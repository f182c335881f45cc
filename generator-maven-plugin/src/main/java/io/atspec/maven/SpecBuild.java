package io.atspec.maven;

import io.atspec.codegen.ContentHash;
import io.atspec.codegen.GeneratedFile;
import io.atspec.codegen.GeneratorFingerprint;
import io.atspec.codegen.JavaGenerator;
import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.Diagnostic;
import io.atspec.grammar.SpecCompiler;
import io.atspec.grammar.link.LinkedChapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * One incremental generation run: spec files in, Java sources and a new {@link BuildState} out.
 * Kept apart from the Mojo so it can be tested on a temporary directory without Maven.
 *
 * <p>The run goes in phases so that nothing is half-written: every changed spec is compiled (all
 * diagnostics collected and logged); only when no spec has an error is anything generated, in
 * memory; only then are files written, stale outputs deleted and the state saved.
 */
public final class SpecBuild {

    private final String generatorVersion;
    private final BiFunction<LinkedChapter, String, List<GeneratedFile>> generator;
    private final Function<Path, String> displayName;
    private final OutputWriter writer = new OutputWriter();
    private final Log log;
    private final boolean failOnWarning;

    /**
     * @param generatorVersion changes whenever the generator's output may change
     * @param generator the back end: chapter and spec path (for {@code @Generated}) to files
     * @param displayName how a spec file is named in diagnostics (relative to the project)
     */
    public SpecBuild(
            String generatorVersion,
            BiFunction<LinkedChapter, String, List<GeneratedFile>> generator,
            Function<Path, String> displayName,
            Log log) {
        this(generatorVersion, generator, displayName, log, false);
    }

    private SpecBuild(
            String generatorVersion,
            BiFunction<LinkedChapter, String, List<GeneratedFile>> generator,
            Function<Path, String> displayName,
            Log log,
            boolean failOnWarning) {
        this.generatorVersion = generatorVersion;
        this.generator = generator;
        this.displayName = displayName;
        this.log = log;
        this.failOnWarning = failOnWarning;
    }

    /**
     * The same run, but a spec warning fails it as an error would: all diagnostics logged, nothing
     * written, and (since no state is saved) the spec checked again on the next build.
     */
    public SpecBuild failOnWarning(boolean fail) {
        return new SpecBuild(generatorVersion, generator, displayName, log, fail);
    }

    /** The run with the real generator; a fresh JavaGenerator each time, nothing shared. */
    public static SpecBuild withJavaGenerator(Function<Path, String> displayName, Log log) {
        // The generator is made only when a spec changed: an up-to-date build loads none of it.
        return new SpecBuild(
                GeneratorFingerprint.value(),
                (chapter, specPath) -> new JavaGenerator().generate(chapter, specPath),
                displayName,
                log);
    }

    /** What a run did, for the summary line and for tests. */
    public record Result(int specs, int regenerated, int written, int unchanged, int deleted) {
        public boolean upToDate() {
            return regenerated == 0 && written == 0 && deleted == 0;
        }
    }

    private record Compiled(SpecFile spec, String hash, LinkedChapter chapter) {}

    public Result run(List<SpecFile> specs, Path outputDirectory, Path stateFile)
            throws MojoExecutionException, MojoFailureException {
        return run(specs, outputDirectory, Optional.empty(), stateFile);
    }

    /**
     * As {@link #run(List, Path, Path)}, and writes the service registration of every chapter's
     * descriptor ({@link JavaGenerator#SERVICE_FILE}) below {@code resourcesDirectory}: atomically
     * and only when it changed, like the sources; deleted when no chapter is left.
     */
    public Result run(List<SpecFile> specs, Path outputDirectory, Optional<Path> resourcesDirectory, Path stateFile)
            throws MojoExecutionException, MojoFailureException {
        Path output = outputDirectory.toAbsolutePath().normalize();
        Optional<BuildState> previous = BuildState.load(stateFile);
        boolean reusable = previous.map(s -> s.reusableFor(generatorVersion, output.toString()))
                .orElse(false);

        SortedMap<String, BuildState.Entry> entries = new TreeMap<>();
        Map<String, List<GeneratedFile>> generated = new LinkedHashMap<>();
        List<CompilationResult> results = new ArrayList<>();
        List<Compiled> changed = new ArrayList<>();
        for (SpecFile spec : specs) {
            byte[] bytes = read(spec.file());
            String hash = ContentHash.of(bytes);
            Optional<BuildState.Entry> before = reusable ? previous.get().entry(spec.relativePath()) : Optional.empty();
            if (before.isPresent()
                    && before.get().hash().equals(hash)
                    && allExist(output, before.get().outputs())) {
                entries.put(spec.relativePath(), before.get());
                continue;
            }
            CompilationResult result = SpecCompiler.parse(displayName.apply(spec.file()), bytes);
            results.add(result);
            result.linked().ifPresent(chapter -> changed.add(new Compiled(spec, hash, chapter)));
        }
        // Every spec is compiled before anything is generated: spec errors are reported even if
        // the generator would trip on another spec, and no generation is wasted on a failing run.
        report(results);

        for (Compiled c : changed) {
            List<GeneratedFile> files = generate(c.chapter(), c.spec());
            generated.put(c.spec().relativePath(), files);
            entries.put(
                    c.spec().relativePath(),
                    new BuildState.Entry(
                            c.hash(),
                            files.stream().map(GeneratedFile::relativePath).toList(),
                            JavaGenerator.bindingClass(c.chapter())));
        }
        checkOutputs(entries, output);

        int written = 0;
        int unchanged = 0;
        try {
            for (List<GeneratedFile> files : generated.values()) {
                for (GeneratedFile file : files) {
                    if (writer.write(output.resolve(file.relativePath()), file.content())) {
                        written++;
                    } else {
                        unchanged++;
                    }
                }
            }
            int deleted = deleteStale(previous, output, entries);
            if (resourcesDirectory.isPresent()) {
                writeServiceFile(resourcesDirectory.get(), entries);
            }
            new BuildState(generatorVersion, output.toString(), entries).save(stateFile, writer);
            return new Result(specs.size(), generated.size(), written, unchanged, deleted);
        } catch (IOException e) {
            throw new MojoExecutionException("atspec: cannot write to " + output + ": " + e.getMessage(), e);
        }
    }

    /**
     * Logs every diagnostic of every compiled spec (errors as errors, warnings as warnings), then
     * fails when there was an error (or a warning, with {@link #failOnWarning}). A spec error is the user's to fix, not a plugin bug: it ends
     * the build with MojoFailureException and the diagnostics, never with a stack trace.
     */
    private void report(List<CompilationResult> results) throws MojoFailureException {
        int errors = 0;
        int warnings = 0;
        int failedSpecs = 0;
        for (CompilationResult result : results) {
            for (Diagnostic d : result.diagnostics()) {
                switch (d.severity()) {
                    case ERROR -> log.error(d.render());
                    case WARNING -> log.warn(d.render());
                }
            }
            errors += result.errors().size();
            warnings += result.warnings().size();
            boolean failed =
                    result.hasErrors() || (failOnWarning && !result.warnings().isEmpty());
            failedSpecs += failed ? 1 : 0;
        }
        if (errors > 0) {
            throw new MojoFailureException("atspec: "
                    + plural(errors, "error")
                    + " in "
                    + plural(failedSpecs, "spec file")
                    + "; nothing was generated (see the diagnostics above)");
        }
        if (failOnWarning && warnings > 0) {
            throw new MojoFailureException("atspec: "
                    + plural(warnings, "warning")
                    + " in "
                    + plural(failedSpecs, "spec file")
                    + " and failOnWarning is set; nothing was generated (see the diagnostics above)");
        }
    }

    /**
     * Two specs generating the same file would silently overwrite each other (and the loser's
     * stale-output bookkeeping would then delete the winner's file): refuse. A path leaving the
     * output directory would be a generator bug; refuse that too rather than write outside it.
     */
    private static void checkOutputs(Map<String, BuildState.Entry> entries, Path output) throws MojoFailureException {
        Map<String, String> owner = new TreeMap<>();
        for (Map.Entry<String, BuildState.Entry> e : entries.entrySet()) {
            for (String file : e.getValue().outputs()) {
                if (!output.resolve(file).normalize().startsWith(output)
                        || Path.of(file).isAbsolute()) {
                    throw new MojoFailureException(
                            "atspec: " + e.getKey() + " would generate " + file + " outside " + output);
                }
                String other = owner.putIfAbsent(file, e.getKey());
                if (e.getKey().equals(other)) {
                    throw new MojoFailureException(
                            "atspec: " + other + " generates " + file + " twice; two of its types have the same"
                                    + " Java name (a clash the spec checker should have reported)");
                }
                if (other != null) {
                    throw new MojoFailureException("atspec: " + other + " and " + e.getKey() + " both generate " + file
                            + "; give their chapters different packages or type names");
                }
            }
        }
    }

    /**
     * Deletes what the last run generated that this run no longer does: the outputs of a removed
     * or renamed spec, or a type dropped from a spec. Only files the state lists are deleted, so a
     * file the plugin did not write is never touched; and only in the same output directory.
     */
    private int deleteStale(Optional<BuildState> previous, Path output, Map<String, BuildState.Entry> entries)
            throws IOException {
        if (previous.isEmpty() || !previous.get().outputDirectory().equals(output.toString())) {
            return 0;
        }
        Set<String> current = new TreeSet<>();
        entries.values().forEach(e -> current.addAll(e.outputs()));
        int deleted = 0;
        for (BuildState.Entry old : previous.get().specs().values()) {
            for (String file : old.outputs()) {
                if (!current.contains(file)
                        && output.resolve(file).normalize().startsWith(output)
                        && writer.delete(output.resolve(file), output)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    private void writeServiceFile(Path resources, Map<String, BuildState.Entry> entries) throws IOException {
        Path root = resources.toAbsolutePath().normalize();
        Path file = root.resolve(JavaGenerator.SERVICE_FILE);
        List<String> bindings = entries.values().stream()
                .map(BuildState.Entry::binding)
                .filter(b -> !b.isEmpty())
                .sorted()
                .toList();
        if (bindings.isEmpty()) {
            writer.delete(file, root);
        } else {
            writer.write(file, JavaGenerator.serviceFile(bindings));
        }
    }

    /** A generator exception is an atspec bug, not a spec error: keep its trace, name the spec. */
    private List<GeneratedFile> generate(LinkedChapter chapter, SpecFile spec) throws MojoExecutionException {
        try {
            return generator.apply(chapter, spec.relativePath());
        } catch (RuntimeException e) {
            throw new MojoExecutionException(
                    "atspec: the generator failed on " + displayName.apply(spec.file())
                            + " (a bug in atspec, not in the spec): " + e,
                    e);
        }
    }

    private static boolean allExist(Path output, List<String> files) {
        return files.stream().allMatch(f -> Files.isRegularFile(output.resolve(f)));
    }

    private byte[] read(Path file) throws MojoExecutionException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "atspec: cannot read " + displayName.apply(file) + ": " + e.getMessage(), e);
        }
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
