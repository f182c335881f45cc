package io.atspec.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes generated files so that builds stay incremental and never see half a file.
 *
 * <p>A file whose bytes would not change is not touched: its timestamp is what tells javac, the
 * IDE and the compiler plugin's stale-source check that nothing needs recompiling. A file that
 * does change is written to a temporary file in the same directory and then moved over the old
 * one, so a reader (an IDE indexing the directory, a build killed midway) sees the old or the new
 * content, never a truncated one.
 */
public final class OutputWriter {

    /**
     * Writes {@code content} as UTF-8 to {@code file} unless it already holds exactly that.
     *
     * @return whether the file was written
     */
    public boolean write(Path file, String content) throws IOException {
        return write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Same as {@link #write(Path, String)} for bytes. */
    public boolean write(Path file, byte[] bytes) throws IOException {
        if (sameContent(file, bytes)) {
            return false;
        }
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // Same directory, so the move is a rename on one file system and can be atomic.
        Path temp = createTemporary(directory, file.getFileName().toString());
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return true;
    }

    /**
     * A new, empty, uniquely named file next to the target. Created as an ordinary new file, not
     * with {@link Files#createTempFile}: that one is always owner-only (0600), and after the move
     * the generated file would keep it whatever the umask says. Created this way it gets the
     * process's default permissions (0644 under umask 0022), as a file written in place would.
     */
    private static Path createTemporary(Path directory, String name) throws IOException {
        while (true) {
            Path temp = directory.resolve("." + name + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                // Another writer's temporary file, or a leftover of a killed build: try another
                // name. CREATE_NEW semantics make the name unique, so it need not be unguessable.
            }
        }
    }

    /**
     * Deletes {@code file}, then each parent directory up to (not including) {@code root} that the
     * deletion left empty, so a removed spec does not leave an empty package tree behind.
     *
     * @return whether the file existed
     */
    public boolean delete(Path file, Path root) throws IOException {
        boolean existed = Files.deleteIfExists(file);
        Path stop = root.toAbsolutePath().normalize();
        Path dir = file.toAbsolutePath().normalize().getParent();
        while (dir != null && !dir.equals(stop) && dir.startsWith(stop)) {
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException e) {
                break; // still holds other outputs: so do all its parents
            }
            dir = dir.getParent();
        }
        return existed;
    }

    private static boolean sameContent(Path file, byte[] bytes) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) != bytes.length) {
            return false;
        }
        return Arrays.equals(Files.readAllBytes(file), bytes);
    }
}
