package io.atspec.codegen;

import java.util.zip.Adler32;
import java.util.zip.CRC32C;

/**
 * A 64-bit checksum of bytes (CRC-32C and Adler-32 side by side), with their length, for telling
 * whether inputs changed between builds. Not a cryptographic digest, and it need not be one: it
 * guards against forgetting, not against an attacker. Both checksums run as JVM intrinsics, so an
 * up-to-date build pays neither the 35 ms start-up of the first SHA-256 in a fresh JVM nor a
 * byte loop in the interpreter.
 */
public final class ContentHash {

    private final CRC32C crc = new CRC32C();
    private final Adler32 adler = new Adler32();
    private long length;

    /** The hash of {@code bytes}, as {@code <length>-<16 hex digits>}. */
    public static String of(byte[] bytes) {
        return new ContentHash().add(bytes).value();
    }

    public ContentHash add(byte[] bytes) {
        crc.update(bytes);
        adler.update(bytes);
        length += bytes.length;
        return this;
    }

    public String value() {
        // Not String.format: its first call in a fresh JVM costs some 20 ms of Formatter start-up.
        // Padded: a hash whose top digits are zero keeps its 16 digits.
        String hex = Long.toHexString((crc.getValue() << 32) | adler.getValue());
        return length + "-" + "0".repeat(16 - hex.length()) + hex;
    }
}
