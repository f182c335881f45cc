package io.atspec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.neoway.http.ContentType;
import io.atspec.neoway.http.client.HttpResult;
import io.atspec.neoway.http.client.HttpsOptions;
import io.atspec.neoway.http.client.NeowayHttpClient;
import io.atspec.neoway.http.client.NeowayHttpException;
import io.atspec.runtime.AtChannel;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written {@link NeowayHttpClient} over the simulator, against real HTTP and HTTPS servers. */
class NeowayHttpClientTest {

    private WebServer web;
    private WebServer tls;
    private NeowaySimulator module;
    private AtChannel channel;
    private NeowayHttpClient client;

    @BeforeEach
    void start() throws Exception {
        web = WebServer.http();
        tls = WebServer.https();
        // PPP is down at boot: the client brings it up (XIIC=1, then XIIC? state 1).
        module = NeowaySimulator.inMemory(SimulatorConfig.defaults().withPppDelay(Duration.ZERO));
        channel = AtChannel.open(module.host());
        client = new NeowayHttpClient(channel);
    }

    @AfterEach
    void stop() {
        channel.close();
        module.close();
        web.close();
        tls.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2048, 13842, 524288})
    void getDeliversTheBody(int size) {
        byte[] body = HttpsAndFilesTest.random(size, size);
        HttpResult r = client.get(web.url(web.file("f", body)));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.reason()).isEqualTo("OK");
        assertThat(r.headers().first("content-type")).contains("application/octet-stream");
        assertThat(HttpMessage.sha256(r.body())).isEqualTo(HttpMessage.sha256(body));
        assertThat(module.pppUp()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2048, 13842, 524288})
    void chunkedBodiesAreDecodedOverHttps(int size) {
        client.https(HttpsOptions.noServerCheck());
        byte[] body = HttpsAndFilesTest.random(size, size + 1);
        web.file("c", body);
        tls.file("c", body);
        HttpResult r = client.get(tls.url("/chunked/c"));
        assertThat(r.headers().first("Transfer-Encoding"))
                .hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("chunked"));
        assertThat(HttpMessage.sha256(r.body())).isEqualTo(HttpMessage.sha256(body));
    }

    @Test
    void headHasHeadersAndNoBody() {
        HttpResult r = client.head(web.url(web.file("h", new byte[13842])));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().first("X-Body-Length")).contains("13842");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void postEchoesOverHttpAndHttpsWithTheRightCa() throws Exception {
        byte[] body = HttpsAndFilesTest.random(2048, 4);
        HttpResult plain = client.post(web.url("/echo"), body, ContentType.XML);
        assertThat(plain.headers().first("X-Request-Content-Type")).contains("text/xml");
        assertThat(HttpMessage.sha256(plain.body())).isEqualTo(HttpMessage.sha256(body));

        module.files().put("ca.pem", WebServer.bytes(WebServer.CA_PEM));
        client.https(HttpsOptions.serverCheckedBy("ca.pem"));
        HttpResult secure = client.post(tls.url("/echo"), new byte[] {42}, ContentType.TEXT);
        assertThat(secure.status()).isEqualTo(200);
        assertThat(secure.body()).containsExactly(42);
    }

    @Test
    void downloadFetches512KibInPiecesOverHttpAndHttps() throws Exception {
        byte[] body = HttpsAndFilesTest.random(524288, 99);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(client.download(web.url(web.file("fw.bin", body)), out, 100_000))
                .isEqualTo(524288);
        assertThat(HttpMessage.sha256(out.toByteArray())).isEqualTo(HttpMessage.sha256(body));

        module.files().put("ca.pem", WebServer.bytes(WebServer.CA_PEM));
        client.https(HttpsOptions.serverCheckedBy("ca.pem"));
        ByteArrayOutputStream secure = new ByteArrayOutputStream();
        assertThat(client.download(tls.url(tls.file("fw.bin", body)), secure, 65536))
                .isEqualTo(524288);
        assertThat(HttpMessage.sha256(secure.toByteArray())).isEqualTo(HttpMessage.sha256(body));
    }

    @Test
    void downloadOfSmallAndEmptyFiles() {
        for (int size : new int[] {0, 1, 13842}) {
            byte[] body = HttpsAndFilesTest.random(size, size);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(client.download(web.url(web.file("s" + size, body)), out, 4096))
                    .isEqualTo(size);
            assertThat(out.toByteArray()).isEqualTo(body);
        }
    }

    @Test
    void aWrongCaFailsWithAClearError() throws Exception {
        module.files().put("other.pem", WebServer.bytes(WebServer.OTHER_CA_PEM));
        client.https(HttpsOptions.serverCheckedBy("other.pem"));
        assertThatThrownBy(() -> client.get(tls.url(tls.file("x", new byte[] {1}))))
                .isInstanceOf(NeowayHttpException.class)
                .hasMessageContaining("GET https://127.0.0.1:" + tls.port() + "/files/x failed")
                .hasMessageContaining("ERROR");
    }
}
