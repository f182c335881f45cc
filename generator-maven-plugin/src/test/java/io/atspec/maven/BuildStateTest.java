package io.atspec.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStateTest {

    @TempDir
    Path dir;

    private static BuildState sample() {
        TreeMap<String, BuildState.Entry> specs = new TreeMap<>();
        specs.put("neoway/http.atspec", new BuildState.Entry("ab12", List.of("io/x/A.java", "io/x/B.java")));
        specs.put("odd name=with:chars.atspec", new BuildState.Entry("cd34", List.of("io/y/C.java")));
        specs.put("empty.atspec", new BuildState.Entry("ef56", List.of()));
        return new BuildState("0.1.0", "/tmp/out dir", specs);
    }

    @Test
    void roundTripsThroughAFile() throws Exception {
        Path file = dir.resolve("state/default.properties");
        sample().save(file, new OutputWriter());

        assertThat(BuildState.load(file)).contains(sample());
    }

    @Test
    void serializesDeterministicallyWithoutADate() {
        String text = sample().serialize();

        assertThat(text).isEqualTo(sample().serialize());
        assertThat(text.lines().filter(l -> l.startsWith("#"))).hasSize(1);
        assertThat(text).doesNotContain("20" + "2"); // no Properties.store date comment
    }

    @Test
    void anUnchangedStateIsNotRewritten() throws Exception {
        Path file = dir.resolve("s.properties");
        OutputWriter writer = new OutputWriter();
        sample().save(file, writer);

        assertThat(writer.write(file, sample().serialize())).isFalse();
    }

    @Test
    void missingOrMalformedFilesGiveNoState() throws Exception {
        assertThat(BuildState.load(dir.resolve("none.properties"))).isEmpty();

        Path junk = dir.resolve("junk.properties");
        Files.writeString(junk, "just some text\n");
        assertThat(BuildState.load(junk)).isEmpty();

        Path badEscape = dir.resolve("bad.properties");
        Files.writeString(badEscape, "generator.version=\\uZZZZ\n");
        assertThat(BuildState.load(badEscape)).isEmpty();
    }

    @Test
    void reusableOnlyForTheSameGeneratorAndOutputDirectory() {
        BuildState state = sample();

        assertThat(state.reusableFor("0.1.0", "/tmp/out dir")).isTrue();
        assertThat(state.reusableFor("0.2.0", "/tmp/out dir")).isFalse();
        assertThat(state.reusableFor("0.1.0", "/tmp/other")).isFalse();
    }
}
