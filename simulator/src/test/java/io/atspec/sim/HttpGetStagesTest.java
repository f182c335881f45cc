package io.atspec.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.atspec.neoway.http.CheckType;
import io.atspec.neoway.http.Decompression;
import io.atspec.neoway.http.HttpCommands;
import io.atspec.neoway.http.HttpGet;
import io.atspec.neoway.http.HttpGetOutcome;
import io.atspec.neoway.http.HttpGetRpt;
import io.atspec.neoway.http.HttpGetStatResponse;
import io.atspec.neoway.http.HttpPara;
import io.atspec.neoway.http.HttpRequests;
import io.atspec.runtime.AtChannel;
import io.atspec.runtime.Urc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AT+HTTPGET's stages (9.6-9.8) as the manual's example sequence shows them: type 0 reports 10
 * (downloaded), type 1 reports 20 (decompressed) or 21, an MD5 check value 30 or 31, and a 303
 * answer is downloaded with its status as {@code <err_code>} ({@code 10,303}).
 */
class HttpGetStagesTest {

    /** The manual's check value: the MD5 of the vendor's file, which no body here has. */
    private static final String VENDOR_MD5 = "eaf84487e190bc79af55c972bbc63e3f";

    private static final byte[] CONTENT = "firmware image\r\n".repeat(200).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GZIP = gzip(CONTENT);
    private static final byte[] ZIP = zip(CONTENT);
    private static final String HOST = "files.example";

    private static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/pkg.gz", ex -> send(ex, 200, GZIP));
        server.createContext("/pkg.zip", ex -> send(ex, 200, ZIP));
        server.createContext("/plain.txt", ex -> send(ex, 200, CONTENT));
        server.createContext("/moved.gz", ex -> {
            ex.getResponseHeaders().add("Location", "/pkg.gz");
            send(ex, 303, GZIP);
        });
        server.createContext("/missing", ex -> send(ex, 404, new byte[0]));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void theManualsSequenceTypeZeroTypeOneThenTheVendorsCheckValue() {
        onModule("/pkg.gz", (module, http) -> {
            assertThat(report(http.httpGet(HttpGet.set(Decompression.UNZIP)))).isEqualTo("10");
            assertThat(module.downloadedFile()).isEqualTo(GZIP);
            assertThat(report(http.httpGet(HttpGet.set(Decompression.ZIP)))).isEqualTo("20");
            assertThat(module.downloadedFile()).isEqualTo(CONTENT);
            assertThat(module.files().get("pkg.gz").orElseThrow()).isEqualTo(CONTENT);
            // The vendor's MD5 is not this file's: verification fails (9.7's last report).
            assertThat(report(http.httpGet(HttpGet.set(Decompression.ZIP, CheckType.MD5, VENDOR_MD5))))
                    .isEqualTo("31");
            assertThat(stat(http.httpGetStatQuery())).isEqualTo("31");
            // The check value of the downloaded (compressed) file: verified, then decompressed.
            assertThat(report(http.httpGet(HttpGet.set(Decompression.ZIP, CheckType.MD5, HttpDownloads.md5(GZIP)))))
                    .isEqualTo("30");
            assertThat(module.downloadedFile()).isEqualTo(CONTENT);
            assertThat(stat(http.httpGetStatQuery())).isEqualTo("30");
        });
    }

    @Test
    void typeOneUnpacksTheFirstEntryOfAZipArchive() {
        onModule("/pkg.zip", (module, http) -> {
            assertThat(report(http.httpGet(HttpGet.set(Decompression.ZIP)))).isEqualTo("20");
            assertThat(module.files().get("pkg.zip").orElseThrow()).isEqualTo(CONTENT);
        });
    }

    @Test
    void typeOneOnAFileThatIsNotCompressedFailsDecompression() {
        onModule("/plain.txt", (module, http) -> {
            assertThat(report(http.httpGet(HttpGet.set(Decompression.ZIP)))).isEqualTo("21");
            assertThat(stat(http.httpGetStatQuery())).isEqualTo("21");
            // The downloaded file is kept as it came.
            assertThat(module.files().get("plain.txt").orElseThrow()).isEqualTo(CONTENT);
            assertThat(report(http.httpGet(HttpGet.set(Decompression.UNZIP)))).isEqualTo("10");
        });
    }

    @Test
    void aSeeOtherAnswerIsDownloadedWithItsStatus() {
        onModule("/moved.gz", (module, http) -> {
            // 9.8: AT+HTTPGET=0, then AT+HTTPGETSTAT? -> +HTTPGETSTAT: 10,303.
            assertThat(report(http.httpGet(HttpGet.set(Decompression.UNZIP)))).isEqualTo("10,303");
            assertThat(stat(http.httpGetStatQuery())).isEqualTo("10,303");
            assertThat(report(http.httpGet(HttpGet.set(Decompression.ZIP)))).isEqualTo("20,303");
            assertThat(report(http.httpGet(HttpGet.set(Decompression.ZIP, CheckType.MD5, VENDOR_MD5))))
                    .isEqualTo("31,303");
        });
    }

    @Test
    void aClientErrorIsAFailedDownload() {
        onModule(
                "/missing",
                (module, http) -> assertThat(report(http.httpGet(HttpGet.set(Decompression.ZIP))))
                        .isEqualTo("11,404"));
    }

    @Test
    void theAliasOfThe97ExampleStartsTheSameDownload() {
        onModule("/pkg.gz", (module, http) -> {
            LinkedBlockingQueue<Urc> urcs = new LinkedBlockingQueue<>();
            http.channel().addListener(urcs::add);
            http.channel()
                    .execute(HttpRequests.parse("AT+APHTTPGET=1", null)
                            .orElseThrow()
                            .command());
            try {
                assertThat(urcs.poll(10, TimeUnit.SECONDS).line()).isEqualTo("+HTTPGETRPT: 20");
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    /** A fresh module with PPP up, HTTPPARA's url at {@code path} of the test server. */
    private static void onModule(String path, BiConsumer<NeowaySimulator, HttpCommands> test) {
        SimulatorConfig config = SimulatorConfig.defaults()
                .withPppDelay(Duration.ZERO)
                .withHost(
                        HOST,
                        new InetSocketAddress(
                                InetAddress.getLoopbackAddress(),
                                server.getAddress().getPort()));
        try (NeowaySimulator module = NeowaySimulator.inMemory(config);
                AtChannel channel = AtChannel.open(module.host())) {
            LinkDriver.attach(channel);
            HttpCommands http = new HttpCommands(channel);
            http.httpPara(HttpPara.url(HOST + path));
            test.accept(module, http);
        }
    }

    /** The outcome's report, {@code <state_type>[,<err_code>]}. */
    private static String report(HttpGetOutcome outcome) {
        HttpGetRpt rpt = (HttpGetRpt) outcome.reports().get(outcome.reports().size() - 1);
        return rpt.stateType().code() + rpt.errCode().map(e -> "," + e.code()).orElse("");
    }

    private static String stat(HttpGetStatResponse stat) {
        return stat.stateType().code() + stat.errCode().map(e -> "," + e.code()).orElse("");
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry("pkg.bin"));
            out.write(data);
            out.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
