package io.atspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModemCommandsTest {

    static LoopbackServer server;
    static byte[] page;
    static byte[] big;

    @BeforeAll
    static void start() throws IOException {
        page = "<html><body>hello, module</body></html>\r\nOK\r\n+HTTPCLOSED: not really\r\n"
                .getBytes(StandardCharsets.UTF_8);
        big = new byte[150_000];
        new Random(7).nextBytes(big);
        server = LoopbackServer.start()
                .serve("/page.html", page, "text/html")
                .serve("/big.bin", big, "application/octet-stream");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String url(String path) {
        return "http://" + server.authority() + path;
    }

    @Test
    void httpGetThroughTheSimulatedModule() {
        Run run = Run.of("http", "get", "--sim", url("/page.html"));
        assertThat(run.exit()).as(run.err()).isZero();
        String out = new String(run.stdout(), StandardCharsets.ISO_8859_1);
        assertThat(out).startsWith("HTTP 200 OK" + System.lineSeparator()).contains("Content-type: text/html");
        // Status line and headers first, then a blank line, then the body verbatim.
        byte[] printed =
                java.util.Arrays.copyOfRange(run.stdout(), run.stdout().length - page.length, run.stdout().length);
        assertThat(HttpCommand.sha256(printed)).isEqualTo(HttpCommand.sha256(page));
        assertThat(run.err()).contains("module ready: SIM ready");
    }

    @Test
    void httpGetBodyOnlyAndToAFile(@TempDir Path dir) throws IOException {
        Run bodyOnly = Run.of("http", "get", "--sim", "-b", url("/page.html"));
        assertThat(bodyOnly.exit()).isZero();
        assertThat(HttpCommand.sha256(bodyOnly.stdout())).isEqualTo(HttpCommand.sha256(page));

        Path file = dir.resolve("page.html");
        Run toFile = Run.of("http", "get", "--sim", url("/page.html"), "-o", file.toString());
        assertThat(toFile.exit()).isZero();
        assertThat(HttpCommand.sha256(Files.readAllBytes(file))).isEqualTo(HttpCommand.sha256(page));
        assertThat(toFile.out()).startsWith("HTTP 200 OK");
    }

    @Test
    void httpHeadAndPost() {
        Run head = Run.of("http", "head", "--sim", url("/page.html"));
        assertThat(head.exit()).as(head.err()).isZero();
        assertThat(head.out()).startsWith("HTTP 200 OK").contains("Content-length: " + page.length);

        Run post = Run.of("http", "post", "--sim", "-b", "--data", "{\"a\":1}", "--type", "JSON", url("/echo"));
        assertThat(post.exit()).as(post.err()).isZero();
        assertThat(post.out()).isEqualTo("{\"a\":1}");
    }

    @Test
    void httpNotFoundIsPrintedWithItsTypedStatus() {
        Run run = Run.of("http", "get", "--sim", url("/missing"));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("HTTP 404 Not Found   [HttpStatus.NOT_FOUND]");
    }

    @Test
    void downloadInRangedPieces(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.bin");
        Run run = Run.of("http", "download", "--sim", url("/big.bin"), "-o", file.toString(), "--piece-size", "40000");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("downloaded " + big.length + " bytes in 4 pieces");
        assertThat(HttpCommand.sha256(Files.readAllBytes(file))).isEqualTo(HttpCommand.sha256(big));
    }

    @Test
    void httpsGetThroughTheSimulatedModuleCheckedAgainstTheCa(@TempDir Path dir) throws IOException {
        byte[] secret = new byte[20_000];
        new Random(11).nextBytes(secret);
        Path ca = dir.resolve("loopback-ca.pem");
        Files.write(ca, LoopbackServer.caPem());
        try (LoopbackServer tls =
                LoopbackServer.startHttps().serve("/secret.bin", secret, "application/octet-stream")) {
            String url = "https://" + tls.authority() + "/secret.bin";
            Run run = Run.of("http", "get", "--sim", "--ca", ca.toString(), "-b", url);
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(HttpCommand.sha256(run.stdout())).isEqualTo(HttpCommand.sha256(secret));
            assertThat(run.err()).contains("-> module file ca.pem").contains("tls: authmode 1");

            // The CA under another name, said twice; and a download in pieces over TLS.
            Path file = dir.resolve("secret.bin");
            Run download = Run.of(
                    "http",
                    "download",
                    "--sim",
                    "--ca",
                    ca.toString(),
                    "--ca-name",
                    "loopback.pem",
                    "--authmode",
                    "1",
                    "--tls-version",
                    "TLS_1_2",
                    url,
                    "-o",
                    file.toString(),
                    "--piece-size",
                    "8192");
            assertThat(download.exit()).as(download.err()).isZero();
            assertThat(download.out()).contains("downloaded " + secret.length + " bytes in 3 pieces");
            assertThat(HttpCommand.sha256(Files.readAllBytes(file))).isEqualTo(HttpCommand.sha256(secret));

            // Without a server check any certificate does; with a CA file the module lacks, the set-up fails.
            Run noCheck = Run.of("http", "head", "--sim", url);
            assertThat(noCheck.exit()).as(noCheck.err()).isZero();
            assertThat(noCheck.out()).startsWith("HTTP 200 OK").contains("Content-length: " + secret.length);
            Run missingCa = Run.of("http", "get", "--sim", "--authmode", "1", "--ca-name", "nowhere.pem", url);
            assertThat(missingCa.exit()).isEqualTo(1);
            assertThat(missingCa.err()).contains("HTTPS").doesNotContain("\tat ");
        }
    }

    @Test
    void aMissingSerialPortFailsInOneLineNamingIt() {
        Run run = Run.of("http", "get", "--port", "/dev/does-not-exist", "http://127.0.0.1/");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("/dev/does-not-exist");
        assertThat(run.err().strip()).doesNotContain("\n");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Run run = Run.of("http", "get", "--verbose", "--port", "/dev/does-not-exist", "http://127.0.0.1/");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("/dev/does-not-exist").contains("\tat ");
    }

    @Test
    void linkOptionsAreExclusiveAndRequired() {
        assertThat(Run.of("http", "get", "http://127.0.0.1/").exit()).isEqualTo(2);
        assertThat(Run.of("http", "get", "--sim", "--port", "/dev/x", "http://127.0.0.1/")
                        .exit())
                .isEqualTo(2);
        assertThat(Run.of("http", "get", "--sim", "ftp://127.0.0.1/").exit()).isEqualTo(2);
        // TLS options: only for https, --ca only with --sim, authmode 0 or 1.
        assertThat(Run.of("http", "get", "--sim", "--authmode", "1", "http://127.0.0.1/")
                        .exit())
                .isEqualTo(2);
        assertThat(Run.of("http", "get", "--tcp", "127.0.0.1:1", "--ca", "ca.pem", "https://127.0.0.1/")
                        .exit())
                .isEqualTo(2);
        assertThat(Run.of("http", "get", "--sim", "--authmode", "2", "https://127.0.0.1/")
                        .exit())
                .isEqualTo(2);
    }

    @Test
    void demoRunsEveryStep() {
        Run run = Run.of("demo");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("-> AT+CPIN?", "CpinResponse[code=READY]")
                .contains("-> AT+CSQ", "-> AT+CREG?", "-> AT+CGATT?", "-> AT+CGDCONT=1,\"IP\",\"cmnet\"")
                .contains("-> AT+XIIC=1", "XiicResponse.WithState[state=1 (UP)")
                .contains("-> AT+HTTPACTION=0", "HttpClosed[]")
                .contains("-> AT+HTTPACTION=2,")
                .contains("HttpGetRpt[stateType=30 (VERIFICATION_SUCCESSFUL)")
                .contains(
                        "-> AT+HTTPSCFG=\"sslversion\",3",
                        "-> AT+HTTPSCFG=\"authmode\",1",
                        "-> AT+HTTPSCFG=\"cacert\",ca.pem")
                .contains("-> AT+HTTPSPARA=recvmode,1", "-> AT+HTTPSSETUP", "-> AT+HTTPSACTION=0", "HttpsClosed[]")
                .contains("... matches what the server sent")
                .contains("-> ATE0, AT+RECVMODE=1,0", "-> AT+TCPSETUP=<link>,127.0.0.1,", "connected on link 0")
                .contains("65536 bytes back through +TCPRECV", "-> AT+TCPCLOSE=0")
                .contains("-> AT+UDPSETUP, AT+UDPSEND, +UDPRECV", "a datagram of 1200 bytes back")
                .doesNotContain("FAILED", "skipped")
                .contains("0 failed");
        // The HTTPS GET step is ok: its "ok" line follows the body check.
        String out = run.out();
        String https = out.substring(out.indexOf("-> AT+HTTPSACTION=0"));
        assertThat(https).containsSubsequence("matches what the server sent", "     ok, ");
        // So are the socket steps: each digest check is followed by its "ok" line.
        assertThat(out.substring(out.indexOf("-> AT+TCPSEND=")))
                .containsSubsequence("matches what was sent", "     ok, ", "matches what was sent", "     ok, ");
    }
}
