package io.atspec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HttpTargetTest {

    @Test
    void theManualsFormHostAndPath() {
        assertThat(HttpTarget.of("www.neoway.com.cn/en/index.aspx", OptionalInt.empty()))
                .isEqualTo(new HttpTarget("www.neoway.com.cn", 80, "/en/index.aspx"));
    }

    @Test
    void explicitPortWinsOverUrlPort() {
        assertThat(HttpTarget.of("http://127.0.0.1:81/x", OptionalInt.of(8080)))
                .isEqualTo(new HttpTarget("127.0.0.1", 8080, "/x"));
        assertThat(HttpTarget.of("127.0.0.1:81", OptionalInt.empty())).isEqualTo(new HttpTarget("127.0.0.1", 81, "/"));
    }

    @Test
    void aUrlWithoutHostIsRefusedWithTheUrlInTheMessage() {
        assertThatThrownBy(() -> HttpTarget.of("/only/path", OptionalInt.empty()))
                .hasMessageContaining("'/only/path'")
                .hasMessageContaining("no host");
    }
}
