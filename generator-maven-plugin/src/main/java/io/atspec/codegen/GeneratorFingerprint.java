package io.atspec.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A digest of the class files that decide the generated output. Read from the class path as
 * resources, so it works from a jar and from a build directory alike.
 */
public final class GeneratorFingerprint {

    /**
     * Every class whose code shapes the output; a new writer is added here. Names, not class
     * literals: an up-to-date build reads their bytes without loading them (or JavaPoet).
     */
    private static final List<String> WRITERS = List.of(
            "ArrayAwareEquality",
            "BindingWriter",
            "ChapterWriter",
            "DerivedLengths",
            "DispatchWriter",
            "Docs",
            "EnumWriter",
            "ExceptionWriter",
            "FacadeWriter",
            "FieldRecords",
            "Generated",
            "JavaGenerator",
            "LineReaders",
            "Names",
            "ReportOutcomes",
            "RequestWriter",
            "ResponseDecoders",
            "ResponseWriter",
            "ShapedLines",
            "Shapes",
            "ToStringMethod",
            "Types",
            "UrcWriter");

    private static final String DIGEST = compute();

    private GeneratorFingerprint() {}

    static String digest() {
        return DIGEST;
    }

    /**
     * {@link JavaGenerator#fingerprint()} without loading the generator: an up-to-date build
     * never needs the writers or JavaPoet in memory.
     */
    public static String value() {
        return JavaGenerator.VERSION + "+" + DIGEST;
    }

    private static String compute() {
        try {
            ContentHash hash = new ContentHash();
            for (String writer : WRITERS) {
                try (InputStream in = GeneratorFingerprint.class.getResourceAsStream(writer + ".class")) {
                    if (in == null) {
                        // Without the class bytes, fall back to "always different": regenerate.
                        return "unknown-" + System.nanoTime();
                    }
                    hash.add(in.readAllBytes());
                }
            }
            return hash.value();
        } catch (IOException e) {
            return "unknown-" + System.nanoTime();
        }
    }
}
