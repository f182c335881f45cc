package io.atspec.benchmarks;

import io.atspec.codegen.GeneratedFile;
import io.atspec.codegen.JavaGenerator;
import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.SpecCompiler;
import io.atspec.grammar.link.LinkedChapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How long the build spends on the two reference chapters (http and network) once the JVM is
 * warm, as in a Maven daemon or an IDE rebuilding on save: the whole front end and back end
 * ({@link #parseCheckGenerate}: lexing, parsing, semantic checks, example replay, JavaPoet),
 * and the back end alone ({@link #generateOnly}). File reading and writing are left out.
 *
 * <p>The specs are read from {@code spec/src/main/atspec/neoway} below the working directory
 * (run from the repository root), or from the directory named by {@code -Datspec.specDir=...}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GeneratorBenchmark {

    private static final List<String> SPECS = List.of("http.atspec", "network.atspec");

    private final List<String> names = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final List<LinkedChapter> chapters = new ArrayList<>();
    private final JavaGenerator generator = new JavaGenerator();

    @Setup
    public void readSpecs() throws IOException {
        Path dir = specDir();
        for (String spec : SPECS) {
            String text = Files.readString(dir.resolve(spec), StandardCharsets.UTF_8);
            CompilationResult result = SpecCompiler.parse(spec, text);
            if (result.hasErrors()) {
                throw new IllegalStateException(result.render());
            }
            names.add("neoway/" + spec);
            texts.add(text);
            chapters.add(result.linked().orElseThrow());
        }
    }

    private static Path specDir() {
        String configured = System.getProperty("atspec.specDir");
        if (configured != null) {
            return Path.of(configured);
        }
        for (String candidate : List.of("spec/src/main/atspec/neoway", "../spec/src/main/atspec/neoway")) {
            if (Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException(
                "cannot find the reference specs: run from the repository root or pass -Datspec.specDir=<dir with http.atspec>");
    }

    /** Both chapters from text to generated sources, as the plugin does for a changed spec. */
    @Benchmark
    public void parseCheckGenerate(Blackhole sink) {
        for (int i = 0; i < texts.size(); i++) {
            CompilationResult result = SpecCompiler.parse(names.get(i), texts.get(i));
            LinkedChapter chapter = result.linked().orElseThrow();
            consume(sink, generator.generate(chapter, names.get(i)));
        }
    }

    /** Both chapters, already checked, to generated sources: JavaPoet and the writers only. */
    @Benchmark
    public void generateOnly(Blackhole sink) {
        for (int i = 0; i < chapters.size(); i++) {
            consume(sink, generator.generate(chapters.get(i), names.get(i)));
        }
    }

    private static void consume(Blackhole sink, List<GeneratedFile> files) {
        for (GeneratedFile file : files) {
            sink.consume(file.content().length());
        }
    }
}
