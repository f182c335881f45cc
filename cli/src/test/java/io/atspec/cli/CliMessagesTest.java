package io.atspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tool's messages: what goes where, and what a mistake is called. */
class CliMessagesTest {

    static final String BAD_SPEC = """
            chapter bad "Bad" {
                package io.example.bad;
            }
            command AT+FOO as Foo "Foo" {
                timeout 1s;
                param mode: int 10..5 "mode";
                set: <mode>;
            }
            """;

    @Test
    void anUnknownOptionIsNamedEvenWhenARequiredParameterIsMissing() {
        for (String[] args : new String[][] {
            {"check", "--frobnicate"},
            {"generate", "x.atspec", "--frobnicate"},
            {"doc", "--frobnicate"},
            {"http", "get", "--frobnicate"},
            {"--frobnicate", "check"}
        }) {
            Run run = Run.of(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err())
                    .as(String.join(" ", args))
                    .startsWith("atspec: Unknown option: '--frobnicate'")
                    .doesNotContain("Missing required")
                    .contains("--help' for more information.");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void specDiagnosticsGoToStderrAndResultsToStdout(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.atspec");
        Files.writeString(bad, BAD_SPEC);

        Run check = Run.of("check", bad.toString());
        assertThat(check.err()).contains("bad.atspec:6:21: error: range 10..5 is empty");
        assertThat(check.out()).isEqualTo("1 spec file checked: 1 error, 0 warnings" + System.lineSeparator());

        Run generate =
                Run.of("generate", bad.toString(), "-d", dir.resolve("gen").toString());
        assertThat(generate.err()).contains("bad.atspec:6:21: error:").contains("nothing was generated");
        assertThat(generate.out()).isEmpty();

        Run doc = Run.of("doc", bad.toString(), "-o", dir.resolve("doc").toString());
        assertThat(doc.exit()).isEqualTo(1);
        assertThat(doc.err()).contains("bad.atspec:6:21: error:").contains("was not written");
        assertThat(doc.out()).isEmpty();
    }

    @Test
    void diagnosticPathsAreRelativeToTheWorkingDirectory() throws IOException {
        // Below the working directory (the module directory under Maven), given absolute.
        Path dir = Files.createTempDirectory(Path.of("target"), "diagnostics");
        try {
            Path bad = dir.resolve("bad.atspec");
            Files.writeString(bad, BAD_SPEC);
            Path relative = Path.of("").toAbsolutePath().relativize(bad.toAbsolutePath());
            String shown = relative + ":6:21: error: range 10..5 is empty";

            Run absolute = Run.of("check", bad.toAbsolutePath().toString());
            assertThat(absolute.err())
                    .startsWith(shown)
                    .doesNotContain(bad.toAbsolutePath().toString());

            Run roundabout = Run.of(
                    "check",
                    dir.resolve("../" + dir.getFileName() + "/./bad.atspec").toString());
            assertThat(roundabout.err()).startsWith(shown);
        } finally {
            Files.deleteIfExists(dir.resolve("bad.atspec"));
            Files.delete(dir);
        }
    }

    @Test
    void aUrlWithoutSchemeIsAUsageErrorBeforeTheModuleIsOpened() throws IOException {
        try (ServerSocketChannel module = listening()) {
            String tcp = "127.0.0.1:" + ((InetSocketAddress) module.getLocalAddress()).getPort();
            Run run = Run.of("http", "get", "--tcp", tcp, "not-a-url");
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err())
                    .startsWith("atspec: Invalid value for positional parameter at index 0 (<url>): 'not-a-url'"
                            + " is not a URL; give http://host[:port]/path or https://host[:port]/path")
                    .doesNotContain("AT+");
            assertThat(module.accept()).as("a connection to the module").isNull();
        }
        Run sim = Run.of("http", "get", "--sim", "not-a-url");
        assertThat(sim.exit()).isEqualTo(2);
        assertThat(sim.err()).doesNotContain("module ready").doesNotContain("AT+HTTPSETUP");
    }

    @Test
    void badUrlsAreNamedWithTheirFault() {
        Map<String, String> faults = new LinkedHashMap<>();
        faults.put("ftp://127.0.0.1/", "'ftp://127.0.0.1/': only http:// and https:// URLs are supported, not ftp://");
        faults.put("http:///index.html", "'http:///index.html' names no host");
        faults.put(
                "http://exa_mple.com/",
                "'exa_mple.com' is not a host name (letters, digits and hyphens, in labels between dots)");
        faults.put("http://300.1.1.1/", "'300.1.1.1' is not an IPv4 address (four numbers 0..255, e.g. 192.168.1.20)");
        faults.put("http://127.0.0.1:0/", "'http://127.0.0.1:0/': the port 0 is not in 1..65535");
        faults.put("https://user:secret@127.0.0.1/", "the module takes no user name or password in a URL");
        faults.put("http://127.0.0.1/a b", "the path has a space at index 2; percent-encode it (%20 for a space)");
        faults.forEach((url, message) -> assertUsageError(
                Run.of("http", "get", "--sim", url),
                "Invalid value for positional parameter at index 0 (<url>): " + Errors.quoted(url)));
        faults.forEach((url, message) -> assertUsageError(Run.of("http", "head", "--sim", url), message));
    }

    @Test
    void hostAndPortAreCheckedBeforeAnySocketOpens() {
        Map<String, String> faults = new LinkedHashMap<>();
        faults.put("127.0.0.1", "'127.0.0.1' is not host:port (e.g. 192.168.1.20:4001 or [::1]:4001)");
        faults.put("127.0.0.1:99999", "'127.0.0.1:99999': the port 99999 is not in 1..65535");
        faults.put("ser2net:raw", "'ser2net:raw': the port 'raw' is not a number 1..65535");
        faults.put("::1:4001", "'::1:4001': write an IPv6 address in brackets, e.g. [::1]:4001");
        faults.forEach((tcp, message) -> assertUsageError(
                Run.of("http", "get", "--tcp", tcp, "http://127.0.0.1/"),
                "Invalid value for option '--tcp': " + message));
    }

    @Test
    void aRefusedConnectionPrintsItsCauseOnce() throws IOException {
        int port;
        try (ServerSocketChannel closed = listening()) {
            port = ((InetSocketAddress) closed.getLocalAddress()).getPort();
        }
        Run run = Run.of("http", "get", "--tcp", "127.0.0.1:" + port, "http://127.0.0.1/");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .isEqualTo("atspec: error: cannot connect to 127.0.0.1:" + port + ": connection refused"
                        + System.lineSeparator());
    }

    @Test
    void anUnknownHostIsNamedOnce() {
        Run run = Run.of("http", "get", "--tcp", "no-such-host.invalid:4001", "http://127.0.0.1/");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip())
                .isEqualTo("atspec: error: cannot connect to no-such-host.invalid:4001: unknown host");
    }

    @Test
    void aMissingFileIsNamedOnceWithItsReason(@TempDir Path dir) {
        String missing = dir.resolve("body.json").toString();
        Run run = Run.of("http", "post", "--sim", "--data-file", missing, "http://127.0.0.1/");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip())
                .isEqualTo("atspec: error: cannot read " + missing + ": no such file or directory");

        // The CA file too is read before the module is opened.
        String ca = dir.resolve("ca.pem").toString();
        Run https = Run.of("http", "get", "--sim", "--ca", ca, "https://127.0.0.1/");
        assertThat(https.exit()).isEqualTo(1);
        assertThat(https.err().strip())
                .isEqualTo("atspec: error: cannot read the CA file " + ca + ": no such file or directory");
    }

    private static void assertUsageError(Run run, String message) {
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message).contains("--help' for more information.");
        assertThat(run.out()).isEmpty();
    }

    private static ServerSocketChannel listening() throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        channel.configureBlocking(false);
        return channel;
    }
}
