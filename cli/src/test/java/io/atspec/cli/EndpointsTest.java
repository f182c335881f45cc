package io.atspec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** HostPort and HttpUrl: what passes, and what it is read as. */
class EndpointsTest {

    @Test
    void hostPortsThatPass() {
        assertThat(HostPort.parse("192.168.1.20:4001")).isEqualTo(new HostPort("192.168.1.20", 4001));
        assertThat(HostPort.parse("ser2net.example.com:65535")).isEqualTo(new HostPort("ser2net.example.com", 65535));
        assertThat(HostPort.parse("localhost:1")).isEqualTo(new HostPort("localhost", 1));
        assertThat(HostPort.parse("[::1]:4001")).isEqualTo(new HostPort("::1", 4001));
        assertThat(HostPort.parse("[::1]:4001").toString()).isEqualTo("[::1]:4001");
    }

    @Test
    void hostPortsThatFail() {
        for (String bad : new String[] {
            "",
            ":4001",
            "host:",
            "host",
            "host:-1",
            "host:1x",
            "-host:1",
            "host-:1",
            "a..b:1",
            "1.2.3:1",
            "[::1]4001",
            "[x]:1",
            "h\u00e9:1"
        }) {
            assertThatThrownBy(() -> HostPort.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void urlsThatPass() {
        assertThat(HttpUrl.parse("http://127.0.0.1:8080/a?b=1#top"))
                .isEqualTo(new HttpUrl(false, "127.0.0.1", 8080, "/a?b=1"));
        assertThat(HttpUrl.parse("HTTPS://Example.COM")).isEqualTo(new HttpUrl(true, "Example.COM", 443, "/"));
        assertThat(HttpUrl.parse("http://example.com?q")).isEqualTo(new HttpUrl(false, "example.com", 80, "?q"));
    }

    @Test
    void aLongValueIsCutInTheMessage() {
        String longHost = "a".repeat(300);
        assertThatThrownBy(() -> HttpUrl.parse("http://" + longHost + "/"))
                .hasMessageStartingWith("'http://aaaa")
                .hasMessageContaining("...'")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(250));
    }
}
