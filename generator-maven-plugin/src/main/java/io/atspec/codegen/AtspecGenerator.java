package io.atspec.codegen;

import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.SpecCompiler;
import io.atspec.grammar.link.LinkedChapter;
import io.atspec.maven.OutputWriter;
import io.atspec.maven.SpecFile;
import io.atspec.maven.SpecFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The generator for build tools other than Maven (Gradle, Bazel, Ant, a script): every
 * {@code .atspec} file below a source directory to Java sources below an output directory, as
 * the Maven plugin's {@code generate} goal does, without Maven on the class path.
 *
 * <pre>
 * java -cp atspec-maven-plugin.jar:atspec-spec-grammar.jar:antlr4-runtime.jar:javapoet.jar \
 *     io.atspec.codegen.AtspecGenerator src/main/atspec build/generated/sources/atspec
 * </pre>
 *
 * <p>The chapters' service registration ({@code META-INF/services/...}) is written below the
 * output directory too: put that directory on the class path as resources, so that tools find the
 * chapters ({@code ChapterBindings.load()}).
 *
 * <p>Every spec is checked first; on an error nothing is written. A file is written only when its
 * content changes. Unlike the plugin it keeps no state: it does not delete what a removed spec
 * generated, so a build tool that caches outputs should give it a directory of its own and clean
 * that directory when a spec is removed.
 */
public final class AtspecGenerator {

    /** What a run did. */
    public record Result(int specs, int errors, int warnings, int files, int written) {
        /** Whether the sources were generated (no spec had an error). */
        public boolean generated() {
            return errors == 0;
        }
    }

    private AtspecGenerator() {}

    /**
     * Arguments: the source directory and the output directory. Diagnostics go to stderr, a
     * summary to stdout. Exit status 0 when generated, 1 on spec errors or I/O failures, 2 on
     * wrong arguments.
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java io.atspec.codegen.AtspecGenerator <spec directory> <output directory>");
            System.exit(2);
        }
        try {
            Result result = generate(Path.of(args[0]), Path.of(args[1]), System.err);
            System.out.println(summary(result, args[1]));
            System.exit(result.generated() ? 0 : 1);
        } catch (IOException e) {
            System.err.println("atspec: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Generates the bindings of every {@code .atspec} file below {@code sourceDirectory} (its
     * subdirectories too) into {@code outputDirectory}.
     *
     * @param diagnostics where each diagnostic is printed, as {@code file:line:col: error: ...}
     *     with its source line and a caret
     * @throws IOException when a spec cannot be read or a file cannot be written
     */
    public static Result generate(Path sourceDirectory, Path outputDirectory, PrintStream diagnostics)
            throws IOException {
        List<SpecFile> specs = new SpecFiles(null, null).find(sourceDirectory);
        List<CompilationResult> results = new ArrayList<>();
        int errors = 0;
        int warnings = 0;
        for (SpecFile spec : specs) {
            CompilationResult result = SpecCompiler.parse(spec.file().toString(), Files.readAllBytes(spec.file()));
            if (!result.diagnostics().isEmpty()) {
                diagnostics.println(result.render());
            }
            errors += result.errors().size();
            warnings += result.warnings().size();
            results.add(result);
        }
        if (errors > 0) {
            return new Result(specs.size(), errors, warnings, 0, 0);
        }
        // Sorted by path, and one owner per path: two specs writing one file is a user error.
        Map<String, GeneratedFile> files = new TreeMap<>();
        Map<String, String> owners = new TreeMap<>();
        JavaGenerator generator = new JavaGenerator();
        for (int i = 0; i < specs.size(); i++) {
            SpecFile spec = specs.get(i);
            for (GeneratedFile file : generator.generate(results.get(i).linked().orElseThrow(), spec.relativePath())) {
                String other = owners.putIfAbsent(file.relativePath(), spec.relativePath());
                if (other != null) {
                    diagnostics.println("atspec: " + other + " and " + spec.relativePath() + " both generate "
                            + file.relativePath() + "; give their chapters different packages or type names");
                    return new Result(specs.size(), 1, warnings, 0, 0);
                }
                files.put(file.relativePath(), file);
            }
        }
        List<LinkedChapter> chapters =
                results.stream().map(r -> r.linked().orElseThrow()).toList();
        if (!chapters.isEmpty()) {
            GeneratedFile registration = JavaGenerator.serviceRegistration(chapters);
            files.put(registration.relativePath(), registration);
        }
        Path output = outputDirectory.toAbsolutePath().normalize();
        OutputWriter writer = new OutputWriter();
        int written = 0;
        for (GeneratedFile file : files.values()) {
            Path target = output.resolve(file.relativePath()).normalize();
            if (!target.startsWith(output)) {
                throw new IOException("the generator named a file outside " + output + ": " + file.relativePath());
            }
            written += writer.write(target, file.content()) ? 1 : 0;
        }
        return new Result(specs.size(), 0, warnings, files.size(), written);
    }

    static String summary(Result result, String output) {
        String specs = result.specs() + " spec" + (result.specs() == 1 ? "" : "s");
        if (!result.generated()) {
            return "atspec: " + result.errors() + " error" + (result.errors() == 1 ? "" : "s") + " in " + specs
                    + "; nothing was generated";
        }
        return "atspec: " + specs + ", " + result.files() + " files in " + output + ": " + result.written()
                + " written, " + (result.files() - result.written()) + " unchanged";
    }
}
