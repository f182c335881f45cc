package io.atspec.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.codegen.GeneratedFile;
import io.atspec.grammar.link.LinkedChapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental run on real specs (the real front end) with a small fake back end, so the
 * bookkeeping is tested independently of what the generator emits.
 */
class SpecBuildTest {

    private static final String DEMO = """
      chapter %s "Demo" { package com.acme.%s; }
      enum Mode "m" { 0 OFF "off"; 1 ON "on"; }
      command AT+DEMO as Demo "Demo command" { section 1.1; timeout 300ms; param mode: Mode "mode"; set: <mode>; query -> +DEMO: <mode>; }
      urc +DEMOURC as DemoReport "a report" { param n: int 0..9 "n"; report: <n>; }
      """;

    @TempDir
    Path dir;

    private Path src;
    private Path out;
    private Path state;
    private final AtomicInteger generations = new AtomicInteger();
    private final RecordingLog log = new RecordingLog();
    private String version = "1";
    private String extra = "";

    /** One file per command and URC, in the chapter's package, naming the spec path. */
    private final BiFunction<LinkedChapter, String, List<GeneratedFile>> fake = (chapter, specPath) -> {
        generations.incrementAndGet();
        String dir = chapter.javaPackage().replace('.', '/') + "/";
        List<GeneratedFile> files = new ArrayList<>();
        chapter.commands().forEach(c -> files.add(file(dir, c.javaName(), specPath)));
        chapter.urcs().forEach(u -> files.add(file(dir, u.javaName(), specPath)));
        return files;
    };

    private GeneratedFile file(String dir, String name, String specPath) {
        return new GeneratedFile(dir + name + ".java", "// from " + specPath + extra + "\nclass " + name + " {}\n");
    }

    @BeforeEach
    void setUp() {
        src = dir.resolve("src/main/atspec");
        out = dir.resolve("target/generated-sources/atspec");
        state = dir.resolve("target/atspec-state/default.properties");
    }

    private void spec(String name, String chapter) throws Exception {
        Path file = src.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, DEMO.formatted(chapter, chapter));
    }

    private SpecBuild.Result run() throws Exception {
        List<SpecFile> specs = new SpecFiles(null, null).find(src);
        return new SpecBuild(version, fake, p -> dir.relativize(p).toString(), log).run(specs, out, state);
    }

    private SpecBuild.Result runWithResources(Path resources) throws Exception {
        List<SpecFile> specs = new SpecFiles(null, null).find(src);
        return new SpecBuild(version, fake, p -> dir.relativize(p).toString(), log)
                .run(specs, out, java.util.Optional.of(resources), state);
    }

    @Test
    void theServiceFileListsEveryChaptersDescriptorAndIsKeptWhileUnchanged() throws Exception {
        Path resources = dir.resolve("target/generated-resources/atspec");
        Path service = resources.resolve("META-INF/services/io.atspec.runtime.bind.ChapterBinding");
        spec("b/two.atspec", "two");
        spec("a/one.atspec", "one");

        runWithResources(resources);
        assertThat(service).content().isEqualTo("com.acme.one.OneChapter\ncom.acme.two.TwoChapter\n");
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(service, old);

        // One spec changes: the other is not parsed again, yet its descriptor stays listed.
        Files.writeString(src.resolve("a/one.atspec"), DEMO.formatted("one", "one") + "// changed\n");
        runWithResources(resources);
        assertThat(generations).hasValue(3);
        assertThat(service).content().isEqualTo("com.acme.one.OneChapter\ncom.acme.two.TwoChapter\n");
        assertThat(Files.getLastModifiedTime(service)).isEqualTo(old);

        Files.delete(src.resolve("a/one.atspec"));
        runWithResources(resources);
        assertThat(service).content().isEqualTo("com.acme.two.TwoChapter\n");

        Files.delete(src.resolve("b/two.atspec"));
        runWithResources(resources);
        assertThat(service).doesNotExist();
    }

    @Test
    void generatesThenStaysUpToDateWithoutTouchingFiles() throws Exception {
        spec("neoway/one.atspec", "one");

        SpecBuild.Result first = run();
        assertThat(first.written()).isEqualTo(2);
        Path demo = out.resolve("com/acme/one/Demo.java");
        assertThat(demo).content().contains("// from neoway/one.atspec");
        assertThat(out.resolve("com/acme/one/DemoReport.java")).exists();
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(demo, old);
        Files.setLastModifiedTime(state, old);

        SpecBuild.Result second = run();

        assertThat(second.upToDate()).isTrue();
        assertThat(generations).hasValue(1);
        assertThat(Files.getLastModifiedTime(demo)).isEqualTo(old);
        assertThat(Files.getLastModifiedTime(state)).isEqualTo(old);
    }

    @Test
    void aNewGeneratorVersionRegeneratesButOnlyWritesChangedFiles() throws Exception {
        spec("one.atspec", "one");
        run();
        Path demo = out.resolve("com/acme/one/Demo.java");
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(demo, old);

        version = "2";
        SpecBuild.Result result = run();

        assertThat(generations).hasValue(2);
        assertThat(result.written()).isZero();
        assertThat(result.unchanged()).isEqualTo(2);
        assertThat(Files.getLastModifiedTime(demo)).isEqualTo(old);
    }

    @Test
    void aChangedSpecIsRegeneratedAlone() throws Exception {
        spec("one.atspec", "one");
        spec("two.atspec", "two");
        run();

        Files.writeString(src.resolve("two.atspec"), "// a comment\n" + DEMO.formatted("two", "two"));
        SpecBuild.Result result = run();

        assertThat(result.regenerated()).isEqualTo(1);
        assertThat(generations).hasValue(3);
    }

    @Test
    void aDeletedOutputIsRegenerated() throws Exception {
        spec("one.atspec", "one");
        run();
        Files.delete(out.resolve("com/acme/one/Demo.java"));

        SpecBuild.Result result = run();

        assertThat(result.written()).isEqualTo(1);
        assertThat(out.resolve("com/acme/one/Demo.java")).exists();
    }

    @Test
    void outputsOfARenamedSpecAreDeletedAndTheirPackagesPruned() throws Exception {
        spec("one.atspec", "one");
        spec("keep.atspec", "keep");
        run();

        Files.delete(src.resolve("one.atspec"));
        spec("renamed.atspec", "renamed");
        SpecBuild.Result result = run();

        assertThat(result.deleted()).isEqualTo(2);
        assertThat(out.resolve("com/acme/one")).doesNotExist();
        assertThat(out.resolve("com/acme/keep/Demo.java")).exists();
        assertThat(out.resolve("com/acme/renamed/Demo.java")).exists();
    }

    @Test
    void aSpecMovedWithTheSameOutputsKeepsThem() throws Exception {
        spec("one.atspec", "one");
        run();

        Files.move(src.resolve("one.atspec"), src.resolve("moved.atspec"));
        SpecBuild.Result result = run();

        assertThat(result.deleted()).isZero();
        assertThat(out.resolve("com/acme/one/Demo.java")).content().contains("// from moved.atspec");
    }

    @Test
    void removingEverySpecRemovesEveryOutput() throws Exception {
        spec("one.atspec", "one");
        run();

        Files.delete(src.resolve("one.atspec"));
        run();

        assertThat(out.resolve("com")).doesNotExist();
    }

    @Test
    void errorsOfEverySpecAreLoggedAndNothingIsWritten() throws Exception {
        spec("good.atspec", "good");
        Files.writeString(
                src.resolve("bad1.atspec"),
                "chapter b1 \"B\" { package com.acme.b1; }\nenum X \"x\" { 0 A \"a\"; 0 B \"b\"; }\n");
        Files.writeString(
                src.resolve("bad2.atspec"),
                "chapter b2 \"B\" { package com.acme.b2; }\ncommand AT+X as X \"x\" { param p: Nope \"p\"; set: <p>; }\n");

        assertThatThrownBy(this::run).isInstanceOf(MojoFailureException.class).hasMessageContaining("in 2 spec files");

        assertThat(log.errors).anyMatch(e -> e.startsWith("src/main/atspec/bad1.atspec:2:"));
        assertThat(log.errors).anyMatch(e -> e.startsWith("src/main/atspec/bad2.atspec:2:") && e.contains("^"));
        assertThat(out).doesNotExist();
        assertThat(state).doesNotExist();
        assertThat(generations).as("no generation on a failing run").hasValue(0);
    }

    private static final String WARNED =
            "chapter w \"W\" { package com.acme.w; }\n" + "command AT+W as W \"w\" { section 1.1; exec; }\n";

    @Test
    void aWarningIsLoggedAndTheSpecGenerated() throws Exception {
        Files.createDirectories(src);
        Files.writeString(src.resolve("w.atspec"), WARNED);

        SpecBuild.Result result = run();

        assertThat(log.warnings)
                .anyMatch(w -> w.startsWith("src/main/atspec/w.atspec:2:") && w.contains("has no timeout"));
        assertThat(result.regenerated()).isEqualTo(1);
    }

    @Test
    void failOnWarningFailsOnAWarningAndWritesNothing() throws Exception {
        spec("good.atspec", "good");
        Files.writeString(src.resolve("w.atspec"), WARNED);
        List<SpecFile> specs = new SpecFiles(null, null).find(src);

        assertThatThrownBy(() -> new SpecBuild(
                                version, fake, p -> dir.relativize(p).toString(), log)
                        .failOnWarning(true)
                        .run(specs, out, state))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("atspec: 1 warning in 1 spec file and failOnWarning is set; nothing was generated"
                        + " (see the diagnostics above)");

        assertThat(log.warnings).anyMatch(w -> w.startsWith("src/main/atspec/w.atspec:2:"));
        assertThat(out).doesNotExist();
        assertThat(state)
                .as("no state, so the next build checks the spec again")
                .doesNotExist();
    }

    @Test
    void twoSpecsGeneratingOneFileFail() throws Exception {
        spec("a.atspec", "same");
        spec("b.atspec", "same");

        assertThatThrownBy(this::run)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("a.atspec and b.atspec both generate com/acme/same/Demo.java");
        assertThat(out).doesNotExist();
    }

    @Test
    void aSpecGeneratingOneFileTwiceFails() throws Exception {
        spec("a.atspec", "a");
        BiFunction<LinkedChapter, String, List<GeneratedFile>> twice =
                (chapter, specPath) -> List.of(file("x/", "Same", specPath), file("x/", "Same", specPath));

        assertThatThrownBy(() -> new SpecBuild("1", twice, p -> p.toString(), log)
                        .run(new SpecFiles(null, null).find(src), out, state))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("a.atspec generates x/Same.java twice");
        assertThat(out).doesNotExist();
    }

    @Test
    void aCorruptStateRegeneratesEverything() throws Exception {
        spec("one.atspec", "one");
        run();
        Files.writeString(state, "garbage");

        SpecBuild.Result result = run();

        assertThat(result.regenerated()).isEqualTo(1);
        assertThat(result.written()).isZero();
    }

    /** Collects what the run logs, one entry per message. */
    static final class RecordingLog extends SystemStreamLog {
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override
        public void error(CharSequence content) {
            errors.add(content.toString());
            super.error(content);
        }

        @Override
        public void warn(CharSequence content) {
            warnings.add(content.toString());
            super.warn(content);
        }
    }
}
