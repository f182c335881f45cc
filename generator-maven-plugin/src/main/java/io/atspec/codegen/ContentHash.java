package io.atspec.codegen;

/**
 * A 64-bit FNV-1a hash of bytes, with their length, for telling whether inputs changed between
 * builds. Not a cryptographic digest, and it need not be one: it guards against forgetting, not
 * against an attacker. It is used instead of SHA-256 because the first SHA-256 in a fresh JVM
 * costs some 35 ms of security-provider start-up, most of an up-to-date plugin run.
 */
public final class ContentHash {

  private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long PRIME = 0x100000001b3L;

  private long hash = OFFSET_BASIS;
  private long length;

  /** The hash of {@code bytes}, as {@code <length>-<16 hex digits>}. */
  public static String of(byte[] bytes) {
    return new ContentHash().add(bytes).value();
  }

  public ContentHash add(byte[] bytes) {
    long h = hash;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= PRIME;
    }
    hash = h;
    length += bytes.length;
    return this;
  }

  public String value() {
    return length + "-" + String.format("%016x", hash);
  }
}
