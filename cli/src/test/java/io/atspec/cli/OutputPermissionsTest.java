package io.atspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code atspec doc} and {@code atspec generate} write gets the permissions of any new file of
 * the process (0644 under umask 0022), not a temporary file's 0600. The JVM cannot change its
 * umask, so the expectation is a file created the ordinary way next to them.
 */
class OutputPermissionsTest {

    @TempDir
    Path dir;

    private Set<PosixFilePermission> plainFilePermissions() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        return Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
    }

    @Test
    void docOutputHasTheDefaultPermissions() throws Exception {
        Set<PosixFilePermission> expected = plainFilePermissions();

        Run run = Run.of("doc", SpecCommandsTest.HTTP, "-o", dir.resolve("ref").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.getPosixFilePermissions(dir.resolve("ref/http.md"))).isEqualTo(expected);
    }

    @Test
    void generatedSourcesHaveTheDefaultPermissions() throws Exception {
        Set<PosixFilePermission> expected = plainFilePermissions();

        Run run = Run.of(
                "generate", SpecCommandsTest.HTTP, "-d", dir.resolve("out").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            assertThat(files.filter(Files::isRegularFile).toList())
                    .isNotEmpty()
                    .allSatisfy(file -> assertThat(Files.getPosixFilePermissions(file))
                            .as(file.toString())
                            .isEqualTo(expected));
        }
    }
}
