package io.atspec.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A chapter's generated files compiled into a temporary directory ({@code -Xlint:all -Werror}),
 * its classes loadable by name until it is closed, which deletes them.
 */
final class CompiledChapter implements AutoCloseable {
    private final Path classes;
    private final List<String> diagnostics;
    private final URLClassLoader loader;

    CompiledChapter(List<GeneratedFile> files) {
        try {
            classes = Files.createTempDirectory("atspec-chapter");
            diagnostics = JavaCompilation.compile(files, classes);
            loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, CompiledChapter.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the compiler said: empty when the bindings compile without a warning. */
    List<String> diagnostics() {
        return diagnostics;
    }

    Class<?> type(String name) throws ClassNotFoundException {
        return loader.loadClass(name);
    }

    @Override
    public void close() throws IOException {
        loader.close();
        JavaCompilation.deleteTree(classes);
    }
}
