package io.atspec.runtime.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading the fields of a command line, a value that runs to the end of the line included. */
class FieldsTest {

    @Test
    void aRestValueTakesEveryFieldFromItsIndexJoinedWithCommas() {
        Fields fields = Fields.ofArguments("AT+X=url,a.com/x?a=1,2,3", "url,a.com/x?a=1,2,3", "X");

        assertThat(fields.size()).isEqualTo(4);
        assertThat(fields.text(0, "para")).isEqualTo("url");
        assertThat(fields.rest(1, "url")).isEqualTo("a.com/x?a=1,2,3");
    }

    @Test
    void aRestValueWithoutCommasIsItsOneField() {
        Fields fields = Fields.ofArguments("AT+X=url,a.com", "url,a.com", "X");

        assertThat(fields.rest(1, "url")).isEqualTo("a.com");
    }

    @Test
    void aMissingRestValueIsAParseError() {
        Fields fields = Fields.ofArguments("AT+X=url", "url", "X");

        assertThatThrownBy(() -> fields.rest(1, "url"))
                .isInstanceOf(WireParseException.class)
                .hasMessageContaining("<url> is missing");
    }
}
