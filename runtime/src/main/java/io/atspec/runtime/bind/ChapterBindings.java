package io.atspec.runtime.bind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the chapters on a class path ({@link ServiceLoader} over {@link ChapterBinding}), sorted
 * by name, so that tools handle every chapter a team compiled without a list in Java.
 */
public final class ChapterBindings {

    private ChapterBindings() {}

    /** The chapters visible to the thread context class loader. */
    public static List<ChapterBinding> load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return load(loader != null ? loader : ChapterBindings.class.getClassLoader());
    }

    /**
     * The chapters visible to {@code loader}, sorted by name.
     *
     * @throws IllegalStateException if two chapters share a name (two bindings jars of the same
     *     chapter, or two specs that chose one name), or a registered chapter cannot be loaded
     */
    public static List<ChapterBinding> load(ClassLoader loader) {
        List<ChapterBinding> found = new ArrayList<>();
        try {
            for (ChapterBinding chapter : ServiceLoader.load(ChapterBinding.class, loader)) {
                found.add(chapter);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("cannot load a chapter binding: " + e.getMessage(), e);
        }
        return sorted(found);
    }

    /** The chapters sorted by name; two with one name are an error naming both packages. */
    static List<ChapterBinding> sorted(List<ChapterBinding> chapters) {
        Map<String, ChapterBinding> byName = new HashMap<>();
        for (ChapterBinding c : chapters) {
            ChapterBinding before = byName.putIfAbsent(c.name(), c);
            if (before != null) {
                throw new IllegalStateException("two chapters are named '" + c.name() + "': "
                        + describe(before) + " and " + describe(c)
                        + "; keep one bindings jar per chapter on the class path");
            }
        }
        List<ChapterBinding> result = new ArrayList<>(chapters);
        result.sort(Comparator.comparing(ChapterBinding::name));
        return List.copyOf(result);
    }

    private static String describe(ChapterBinding c) {
        return c.javaPackage() + " (" + c.getClass().getName() + ")";
    }
}
