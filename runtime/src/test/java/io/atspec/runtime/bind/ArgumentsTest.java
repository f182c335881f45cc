package io.atspec.runtime.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.runtime.AtArgumentException;
import io.atspec.runtime.WireFormat;
import org.junit.jupiter.api.Test;

/** What generated requests refuse before anything is written (issue 11, items 8 and 9). */
class ArgumentsTest {

    private static String unquoted(String value) {
        return Arguments.text("AT+HTTPPARA", "url", value, 1, 2048, false, false);
    }

    @Test
    void anUnquotedValueCannotChainACommand() {
        assertThatThrownBy(() -> unquoted("a.com;+CFUN=0"))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContaining("AT+HTTPPARA")
                .hasMessageContaining("<url>")
                .hasMessageContaining("'a.com;+CFUN=0'")
                .hasMessageContaining("';'")
                .hasMessageContaining("index 5");
    }

    @Test
    void anUnquotedValueCannotHoldAQuoteOrAddAnArgument() {
        assertThatThrownBy(() -> unquoted("a\"b"))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContaining("quote");
        assertThatThrownBy(() -> unquoted("a.com,5"))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContaining("','");
        // The last field whose spec says it runs to the end of the line may hold commas.
        assertThat(Arguments.text("AT+X", "rest", "a,b", 0, -1, false, false, true))
                .isEqualTo("a,b");
        assertThatThrownBy(() -> Arguments.text("AT+X", "rest", "a;b", 0, -1, false, false, true))
                .isInstanceOf(AtArgumentException.class);
    }

    @Test
    void aQuotedValueCannotHoldAQuoteButMayHoldSeparators() {
        assertThat(Arguments.text("AT+X", "p", "a,b;c", 0, -1, true, false)).isEqualTo("\"a,b;c\"");
        assertThatThrownBy(() -> Arguments.text("AT+X", "p", "a\"b", 0, -1, true, false))
                .isInstanceOf(AtArgumentException.class);
    }

    @Test
    void wireFormatUnquotedRefusesTheSameSeparators() {
        assertThatThrownBy(() -> WireFormat.unquoted("url", "a.com;+CFUN=0")).isInstanceOf(AtArgumentException.class);
        assertThatThrownBy(() -> WireFormat.unquoted("url", "a,b")).isInstanceOf(AtArgumentException.class);
        assertThatThrownBy(() -> WireFormat.unquoted("url", "a\"b")).isInstanceOf(AtArgumentException.class);
    }

    @Test
    void anOverLengthValueIsCutInTheMessage() {
        String url = "u".repeat(2049);
        assertThatThrownBy(() -> unquoted(url))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContaining("2049 bytes")
                .hasMessageContaining("u".repeat(64))
                .hasMessageNotContaining("u".repeat(65))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(250));
    }

    @Test
    void aSecretValueNeverAppearsAndControlCharactersAreEscaped() {
        assertThatThrownBy(() -> Arguments.text("AT+X", "pwd", "s3cret\r", 0, 4, true, true))
                .satisfies(
                        e -> assertThat(e.getMessage()).doesNotContain("s3cret").doesNotContain("\r"));
        assertThatThrownBy(() -> Arguments.hex("AT+X", "md5", "zz\u001b", 0, -1, false))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
        assertThatThrownBy(() -> Arguments.hex("AT+X", "md5", "zz" + "0".repeat(100), 0, -1, false))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }
}
