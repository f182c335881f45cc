package io.atspec.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecFilesTest {

    @TempDir
    Path dir;

    private void touch(String... names) throws Exception {
        for (String name : names) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x");
        }
    }

    private List<String> find(List<String> includes, List<String> excludes) throws Exception {
        return new SpecFiles(includes, excludes)
                .find(dir).stream().map(SpecFile::relativePath).toList();
    }

    @Test
    void defaultIncludesFindSpecsAtTheTopAndBelowSorted() throws Exception {
        touch(
                "top.atspec",
                "neoway/http.atspec",
                "neoway/network.atspec",
                "a/b/c/deep.atspec",
                "notes.txt",
                "x.atspec.bak");

        assertThat(find(null, null))
                .containsExactly("a/b/c/deep.atspec", "neoway/http.atspec", "neoway/network.atspec", "top.atspec");
    }

    @Test
    void excludesWin() throws Exception {
        touch("top.atspec", "neoway/http.atspec", "legacy/old.atspec", "legacy/deeper/older.atspec");

        assertThat(find(List.of(), List.of("legacy/**"))).containsExactly("neoway/http.atspec", "top.atspec");
        assertThat(find(List.of(), List.of("legacy/"))).containsExactly("neoway/http.atspec", "top.atspec");
        assertThat(find(List.of(), List.of("**/old.atspec")))
                .containsExactly("legacy/deeper/older.atspec", "neoway/http.atspec", "top.atspec");
    }

    @Test
    void explicitIncludes() throws Exception {
        touch("top.atspec", "neoway/http.atspec", "neoway/sub/more.atspec", "other/x.atspec");

        assertThat(find(List.of("neoway/*.atspec"), null)).containsExactly("neoway/http.atspec");
        assertThat(find(List.of("neoway/**/*.atspec"), null))
                .containsExactly("neoway/http.atspec", "neoway/sub/more.atspec");
        assertThat(find(List.of("top.atspec", "other\\*.atspec"), null))
                .containsExactly("other/x.atspec", "top.atspec");
    }

    @Test
    void aMissingDirectoryHoldsNoSpecs() throws Exception {
        assertThat(new SpecFiles(null, null).find(dir.resolve("nope"))).isEmpty();
    }

    @Test
    void variantsDropEachDoubleStarSegment() {
        assertThat(SpecFiles.variants("a/**/b/**/*.x"))
                .containsExactlyInAnyOrder("a/**/b/**/*.x", "a/b/**/*.x", "a/**/b/*.x", "a/b/*.x");
        assertThat(SpecFiles.variants("x**/y")).containsExactly("x**/y");
    }
}
