package io.atspec.runtime.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.runtime.Urc;
import io.atspec.runtime.UrcDecoder;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChapterBindingsTest {

    @TempDir
    Path dir;

    /** A class path holding only a services file that registers {@code providers}. */
    private ClassLoader registering(String folder, Class<?>... providers) throws IOException {
        Path services = dir.resolve(folder).resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder lines = new StringBuilder("# test chapters\n");
        for (Class<?> p : providers) {
            lines.append(p.getName()).append('\n');
        }
        Files.writeString(services.resolve(ChapterBinding.class.getName()), lines);
        return new URLClassLoader(
                new URL[] {dir.resolve(folder).toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void findsTheRegisteredChaptersSortedByName() throws IOException {
        ClassLoader loader = registering("one", Zulu.class, Alpha.class);
        assertThat(ChapterBindings.load(loader))
                .extracting(ChapterBinding::name)
                .containsExactly("alpha", "zulu");
    }

    @Test
    void theNoArgumentLoadUsesTheContextClassLoader() throws IOException {
        ClassLoader loader = registering("ctx", Alpha.class);
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            assertThat(ChapterBindings.load()).extracting(ChapterBinding::name).containsExactly("alpha");
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @Test
    void aClassPathWithoutChaptersHasNone() throws IOException {
        assertThat(ChapterBindings.load(registering("none"))).isEmpty();
    }

    @Test
    void twoChaptersWithOneNameAreAnErrorNamingBoth() throws IOException {
        ClassLoader loader = registering("two", Alpha.class, OtherAlpha.class);
        assertThatThrownBy(() -> ChapterBindings.load(loader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("two chapters are named 'alpha': io.test.alpha (" + Alpha.class.getName()
                        + ") and io.other.alpha (" + OtherAlpha.class.getName()
                        + "); keep one bindings jar per chapter on the class path");
    }

    @Test
    void aRegisteredClassThatIsNoChapterIsAClearError() throws IOException {
        ClassLoader loader = registering("bad", NotAChapter.class);
        assertThatThrownBy(() -> ChapterBindings.load(loader))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot load a chapter binding: ")
                .hasMessageContaining(NotAChapter.class.getName());
    }

    /** A chapter that knows nothing but its name and package. */
    abstract static class Named implements ChapterBinding {
        private final String name;
        private final String javaPackage;

        Named(String name, String javaPackage) {
            this.name = name;
            this.javaPackage = javaPackage;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String javaPackage() {
            return javaPackage;
        }

        @Override
        public Set<String> commandNames() {
            return Set.of();
        }

        @Override
        public Map<String, UrcDecoder> urcDecoders() {
            return Map.of();
        }

        @Override
        public List<String> rebootIndications() {
            return List.of();
        }

        @Override
        public Optional<AtRequest> parseRequest(String line, byte[] payload) {
            return Optional.empty();
        }

        @Override
        public OptionalInt promptLength(String line) {
            return OptionalInt.empty();
        }

        @Override
        public Optional<Object> parseResponse(AtRequest request, String line) {
            return Optional.empty();
        }

        @Override
        public Optional<Object> parseUrc(Urc urc) {
            return Optional.empty();
        }

        @Override
        public Optional<String> explainError(String commandName, String code) {
            return Optional.empty();
        }

        @Override
        public Optional<String> explainError(String code) {
            return Optional.empty();
        }
    }

    public static final class Alpha extends Named {
        public Alpha() {
            super("alpha", "io.test.alpha");
        }
    }

    public static final class OtherAlpha extends Named {
        public OtherAlpha() {
            super("alpha", "io.other.alpha");
        }
    }

    public static final class NotAChapter {}

    public static final class Zulu extends Named {
        public Zulu() {
            super("zulu", "io.test.zulu");
        }
    }
}
