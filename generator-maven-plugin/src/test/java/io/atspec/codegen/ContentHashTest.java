package io.atspec.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    @Test
    void sameBytesSameHashAndAnyChangeChangesIt() {
        byte[] spec = "command AT+X as X { timeout 1s; exec; }".getBytes(StandardCharsets.UTF_8);
        byte[] edited = "command AT+X as X { timeout 2s; exec; }".getBytes(StandardCharsets.UTF_8);

        assertThat(ContentHash.of(spec)).isEqualTo(ContentHash.of(spec.clone()));
        assertThat(ContentHash.of(edited)).isNotEqualTo(ContentHash.of(spec));
        assertThat(ContentHash.of(new byte[0])).isNotEqualTo(ContentHash.of(new byte[1]));
    }

    @Test
    void theDigestAlwaysHasSixteenHexDigits() {
        // One in sixteen inputs has a CRC with a zero top digit, which used to be dropped.
        for (int i = 0; i < 200; i++) {
            byte[] bytes = Integer.toString(i).getBytes(StandardCharsets.UTF_8);

            assertThat(ContentHash.of(bytes)).as("input %d", i).matches("[0-9]+-[0-9a-f]{16}");
        }
    }

    @Test
    void addingInPiecesEqualsAddingAtOnce() {
        byte[] whole = "abcdef".getBytes(StandardCharsets.UTF_8);

        String pieces = new ContentHash()
                .add("abc".getBytes(StandardCharsets.UTF_8))
                .add("def".getBytes(StandardCharsets.UTF_8))
                .value();

        assertThat(pieces).isEqualTo(ContentHash.of(whole)).startsWith("6-");
    }

    @Test
    void theDigestAlwaysHasSixteenHexDigitsLeadingZerosIncluded() {
        // The first of these inputs whose checksum starts with a zero nibble lost a digit.
        for (int i = 0; i < 256; i++) {
            assertThat(ContentHash.of(new byte[] {(byte) i})).as("byte %d", i).matches("1-[0-9a-f]{16}");
        }
    }
}
