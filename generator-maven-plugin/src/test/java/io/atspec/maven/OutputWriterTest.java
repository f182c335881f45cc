package io.atspec.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {

    @TempDir
    Path dir;

    private final OutputWriter writer = new OutputWriter();

    @Test
    void writesANewFileAndItsDirectories() throws Exception {
        Path file = dir.resolve("com/example/A.java");

        assertThat(writer.write(file, "class A {}\n")).isTrue();

        assertThat(file).hasContent("class A {}");
        assertThat(Files.readString(file)).isEqualTo("class A {}\n");
    }

    @Test
    void leavesAnUnchangedFileAndItsTimestampAlone() throws Exception {
        Path file = dir.resolve("A.java");
        writer.write(file, "class A {}\n");
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, old);

        assertThat(writer.write(file, "class A {}\n")).isFalse();

        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
    }

    @Test
    void replacesAChangedFileWithoutLeavingTemporaryFiles() throws Exception {
        Path file = dir.resolve("A.java");
        writer.write(file, "class A {}\n");

        assertThat(writer.write(file, "class A { int x; }\n")).isTrue();

        assertThat(Files.readString(file)).isEqualTo("class A { int x; }\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    /**
     * A generated file gets the permissions any new file of the process gets (0644 under umask
     * 0022), not the 0600 of a temporary file. The JVM cannot change its umask, so the expectation
     * is a file created the ordinary way in the same directory.
     */
    @Test
    void newAndReplacedFilesGetTheProcessDefaultPermissions() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        Path file = dir.resolve("com/example/A.java");
        Path replaced = dir.resolve("B.java");
        writer.write(replaced, "class B {}\n");

        writer.write(file, "class A {}\n");
        writer.write(replaced, "class B { int x; }\n");

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(expected);
        assertThat(Files.getPosixFilePermissions(replaced)).isEqualTo(expected);
        if (!EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)
                .containsAll(expected)) {
            // The umask lets others read (0022 gives rw-r--r--): a temp file's rw------- is wrong.
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isNotEqualTo("rw-------");
        }
    }

    @Test
    void sameLengthDifferentBytesIsAChange() throws Exception {
        Path file = dir.resolve("A.java");
        writer.write(file, "abc");

        assertThat(writer.write(file, "abd")).isTrue();
        assertThat(Files.readString(file)).isEqualTo("abd");
    }

    @Test
    void writesUtf8() throws Exception {
        Path file = dir.resolve("A.java");
        writer.write(file, "// température\n");

        assertThat(Files.readAllBytes(file)).isEqualTo("// température\n".getBytes("UTF-8"));
    }

    @Test
    void deletePrunesDirectoriesLeftEmptyButNotTheRoot() throws Exception {
        Path root = dir.resolve("out");
        Path gone = root.resolve("com/example/one/A.java");
        Path kept = root.resolve("com/example/two/B.java");
        writer.write(gone, "a");
        writer.write(kept, "b");

        assertThat(writer.delete(gone, root)).isTrue();

        assertThat(root.resolve("com/example/one")).doesNotExist();
        assertThat(kept).exists();

        assertThat(writer.delete(kept, root)).isTrue();
        assertThat(root.resolve("com")).doesNotExist();
        assertThat(root).isDirectory();
    }

    @Test
    void deletingAMissingFileIsNotAnError() throws Exception {
        assertThat(writer.delete(dir.resolve("x/Y.java"), dir)).isFalse();
    }
}
