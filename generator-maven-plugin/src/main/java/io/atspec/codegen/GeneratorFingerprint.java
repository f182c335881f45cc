package io.atspec.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of the class files that decide the generated output. Read from the class path as
 * resources, so it works from a jar and from a build directory alike.
 */
final class GeneratorFingerprint {

  /** Every class whose code shapes the output; a new writer is added here. */
  private static final List<Class<?>> WRITERS =
      List.of(
          ChapterWriter.class, Concatenation.class, DispatchWriter.class, Docs.class,
          EnumWriter.class, FacadeWriter.class, FieldRecords.class, Generated.class,
          JavaGenerator.class, Names.class, RequestWriter.class, ResponseWriter.class, Types.class,
          UrcWriter.class);

  private static final String DIGEST = compute();

  private GeneratorFingerprint() {}

  static String digest() {
    return DIGEST;
  }

  private static String compute() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Class<?> writer : WRITERS) {
        String resource = writer.getSimpleName() + ".class";
        try (InputStream in = writer.getResourceAsStream(resource)) {
          if (in == null) {
            // Without the class bytes, fall back to "always different": regenerate.
            return "unknown-" + System.nanoTime();
          }
          sha.update(in.readAllBytes());
        }
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (IOException | NoSuchAlgorithmException e) {
      return "unknown-" + System.nanoTime();
    }
  }
}
