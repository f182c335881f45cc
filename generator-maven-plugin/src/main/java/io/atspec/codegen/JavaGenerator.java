package io.atspec.codegen;

import io.atspec.grammar.model.Chapter;
import java.util.List;

/**
 * The back end: turns a validated chapter into Java sources. Deterministic: the same chapter
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

    /**
     * @param chapter a chapter without errors
     * @param specPath the spec file as named in {@code @Generated}, relative to the source
     *     directory ({@code neoway/http.atspec})
     */
    public List<GeneratedFile> generate(Chapter chapter, String specPath) {
        return new ChapterWriter(chapter, specPath).files();
    }
}
