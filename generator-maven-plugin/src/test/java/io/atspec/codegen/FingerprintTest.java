package io.atspec.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fingerprint tells builds apart by the generator's own code, so it must read that code. */
class FingerprintTest {

    @Test
    void fingerprintIsTheReleasePlusADigestOfTheWriters() {
        String fingerprint = JavaGenerator.fingerprint();

        assertThat(fingerprint).startsWith(JavaGenerator.VERSION + "+").matches(".*\\+[0-9]+-[0-9a-f]{16}");
        assertThat(JavaGenerator.fingerprint()).isEqualTo(fingerprint);
    }
}
