package io.atspec.runtime.testing;

import io.atspec.runtime.bind.ChapterBinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Class directories that register chapter bindings, as a bindings jar does: only the services
 * file, the classes themselves come from the test's class path.
 */
public final class ChapterServices {

    private ChapterServices() {}

    /** Writes {@code dir/META-INF/services/...ChapterBinding} naming {@code chapters}; returns {@code dir}. */
    public static Path register(Path dir, Class<?>... chapters) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder lines = new StringBuilder("# chapters for a test\n");
        for (Class<?> c : chapters) {
            lines.append(c.getName()).append('\n');
        }
        Files.writeString(services.resolve(ChapterBinding.class.getName()), lines);
        return dir;
    }
}
