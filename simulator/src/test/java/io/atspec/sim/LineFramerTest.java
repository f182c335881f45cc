package io.atspec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineFramerTest {

    private static LineFramer framer(String input, int max) {
        return new LineFramer(new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1)), max);
    }

    @Test
    void linesEndAtCrAndTheLfOfCrLfIsDropped() throws Exception {
        LineFramer f = framer("AT\rATE0\r\nAT+CSQ\r", 100);
        assertThat(f.readLine().text()).isEqualTo("AT");
        assertThat(f.readLine().text()).isEqualTo("ATE0");
        assertThat(f.readLine().text()).isEqualTo("AT+CSQ");
        assertThat(f.readLine()).isNull();
    }

    @Test
    void nulAndStrayLfAreNoise() throws Exception {
        assertThat(framer("A\0T\n+CSQ\r", 100).readLine().text()).isEqualTo("AT+CSQ");
    }

    @Test
    void anOverlongLineIsCutAndFlagged() throws Exception {
        LineFramer f = framer("AT+HTTPPARA=url,abcdefgh\rAT\r", 10);
        LineFramer.Line line = f.readLine();
        assertThat(line.overlong()).isTrue();
        assertThat(line.text()).hasSize(10);
        assertThat(f.readLine().text()).isEqualTo("AT");
    }

    @Test
    void payloadBytesAreDataIncludingCrLfAndOk() throws Exception {
        LineFramer f = framer("AT+HTTPACTION=2,6\r\r\nOK\r\nAT\r", 100);
        assertThat(f.readLine().text()).isEqualTo("AT+HTTPACTION=2,6");
        assertThat(new String(f.readExactly(6), StandardCharsets.US_ASCII)).isEqualTo("\r\nOK\r\n");
        assertThat(f.readLine().text()).isEqualTo("AT");
    }

    @Test
    void aPayloadCutShortSaysHowMuchCame() throws Exception {
        LineFramer f = framer("abc", 100);
        assertThatThrownBy(() -> f.readExactly(5))
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("3 of 5");
    }
}
