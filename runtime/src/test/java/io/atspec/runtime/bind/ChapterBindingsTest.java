package io.atspec.runtime.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.runtime.testing.ChapterServices;
import io.atspec.runtime.testing.EmptyChapter;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChapterBindingsTest {

    @TempDir
    Path dir;

    /** A class path holding only a services file that registers {@code providers}. */
    private ClassLoader registering(String folder, Class<?>... providers) throws IOException {
        Path classes = ChapterServices.register(dir.resolve(folder), providers);
        return new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
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

    public static final class Alpha extends EmptyChapter {
        public Alpha() {
            super("alpha", "io.test.alpha");
        }
    }

    public static final class OtherAlpha extends EmptyChapter {
        public OtherAlpha() {
            super("alpha", "io.other.alpha");
        }
    }

    public static final class NotAChapter {}

    public static final class Zulu extends EmptyChapter {
        public Zulu() {
            super("zulu", "io.test.zulu");
        }
    }
}
