package io.atspec.codegen;

import io.atspec.grammar.link.LinkedChapter;
import java.util.List;

/**
 * The back end: turns a linked chapter into Java sources. It reads the linked model only: every
 * name it needs was resolved, and every type name allocated, by the front end's linker. Deterministic: the same chapter
 * gives byte-identical files, in a stable order.
 */
public final class JavaGenerator {

    /** The release of the generator; {@link #fingerprint()} also tells builds of one release apart. */
    public static final String VERSION = "0.1.0";

    /**
     * Changes whenever generated output may change, so build tools know to regenerate: the
     * release plus a digest of the generator's own classes. A snapshot rebuilt with a changed
     * writer gets a new fingerprint without anyone remembering to bump {@link #VERSION}.
     */
    public static String fingerprint() {
        return GeneratorFingerprint.value();
    }

    /** Where the service registration of the chapters' descriptors goes, below a resources root. */
    public static final String SERVICE_FILE = "META-INF/services/" + BindingWriter.CHAPTER_BINDING.canonicalName();

    /** The text of the service registration: one descriptor class a line, as given. */
    public static String serviceFile(List<String> bindingClasses) {
        return String.join("\n", bindingClasses) + "\n";
    }

    /** The fully qualified name of the chapter's descriptor, as its service registration lists it. */
    public static String bindingClass(LinkedChapter chapter) {
        return chapter.javaPackage() + "." + chapter.names().binding();
    }

    /**
     * The service registration of these chapters' descriptors, as a file below a resources root:
     * for tools without the Maven plugin, which put their output directory on the class path.
     */
    public static GeneratedFile serviceRegistration(List<LinkedChapter> chapters) {
        List<String> classes =
                chapters.stream().map(JavaGenerator::bindingClass).sorted().toList();
        return new GeneratedFile(SERVICE_FILE, serviceFile(classes));
    }

    /**
     * @param chapter a linked chapter (one without errors)
     * @param specPath the spec file as named in {@code @Generated}, relative to the source
     *     directory ({@code neoway/http.atspec})
     */
    public List<GeneratedFile> generate(LinkedChapter chapter, String specPath) {
        return new ChapterWriter(chapter, specPath).files();
    }
}
