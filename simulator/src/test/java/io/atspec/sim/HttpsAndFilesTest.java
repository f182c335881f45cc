package io.atspec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.neoway.http.AuthMode;
import io.atspec.neoway.http.CheckType;
import io.atspec.neoway.http.ContentType;
import io.atspec.neoway.http.Decompression;
import io.atspec.neoway.http.FileHttpAction;
import io.atspec.neoway.http.FileHttpActionOutcome;
import io.atspec.neoway.http.FileHttpStat;
import io.atspec.neoway.http.FileHttpsAction;
import io.atspec.neoway.http.HttpCommands;
import io.atspec.neoway.http.HttpPara;
import io.atspec.neoway.http.HttpSetup;
import io.atspec.neoway.http.HttpsAction;
import io.atspec.neoway.http.HttpsActionOutcome;
import io.atspec.neoway.http.HttpsCfg;
import io.atspec.neoway.http.HttpsCfgQueryResponse;
import io.atspec.neoway.http.HttpsClosed;
import io.atspec.neoway.http.HttpsGet;
import io.atspec.neoway.http.HttpsGetOutcome;
import io.atspec.neoway.http.HttpsGetRpt;
import io.atspec.neoway.http.HttpsPara;
import io.atspec.neoway.http.HttpsRecv;
import io.atspec.neoway.http.HttpsSetup;
import io.atspec.neoway.http.RecvMode;
import io.atspec.neoway.http.SslVersion;
import io.atspec.neoway.network.NetworkCommands;
import io.atspec.neoway.network.Xiic;
import io.atspec.runtime.AtChannel;
import io.atspec.runtime.AtCommandFailedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTPS over real TLS, AT+HTTPSCFG, AT+HTTPSGET and the file-system requests, through the generated bindings. */
class HttpsAndFilesTest {

    static final SimulatorConfig CONFIG =
            SimulatorConfig.defaults().withPppDelay(Duration.ZERO).withCmeeMode(1);

    private WebServer web;
    private WebServer plain;
    private NeowaySimulator module;
    private AtChannel channel;
    private HttpCommands http;

    @BeforeEach
    void start() throws Exception {
        web = WebServer.https();
        plain = WebServer.http();
        module = NeowaySimulator.inMemory(CONFIG);
        channel = AtChannel.open(module.host());
        http = new HttpCommands(channel);
        new NetworkCommands(channel).xiic(Xiic.activate());
    }

    @AfterEach
    void stop() {
        channel.close();
        module.close();
        web.close();
        plain.close();
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private void para(String path, RecvMode mode) {
        http.httpsPara(HttpsPara.url("127.0.0.1" + path));
        http.httpsPara(HttpsPara.port(web.port()));
        http.httpsPara(HttpsPara.recvmode(mode));
    }

    private void trustTestCa() throws Exception {
        module.files().put("ca.pem", WebServer.bytes(WebServer.CA_PEM));
        http.httpsCfg(HttpsCfg.authmode(AuthMode.SERVER));
        http.httpsCfg(HttpsCfg.cacert("ca.pem"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2048, 13842, 524288})
    void httpsGetWithoutServerCheckDeliversTheBodyLengthFramed(int size) {
        byte[] body = random(size, size);
        para(web.file("f" + size, body), RecvMode.LENGTH);
        http.httpsSetup(HttpsSetup.exec());
        HttpsActionOutcome outcome = http.httpsAction(HttpsAction.get());

        HttpMessage response = HttpMessage.of(outcome.data());
        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(response.bodySha256()).isEqualTo(HttpMessage.sha256(body));
        assertThat(outcome.reports()).last().isInstanceOf(HttpsClosed.class);
        assertThat(outcome.reports()).filteredOn(HttpsRecv.class::isInstance).isNotEmpty();
    }

    @Test
    void httpsGetInRecvmode0EndsWithTheWholeHttpMessage() {
        byte[] body = "plain text body\r\nwith lines\r\n".getBytes(StandardCharsets.US_ASCII);
        para(web.file("text", body), RecvMode.DEFAULT);
        http.httpsSetup(HttpsSetup.exec());
        HttpsActionOutcome outcome = http.httpsAction(HttpsAction.get());

        assertThat(HttpMessage.of(outcome.data()).body()).isEqualTo(body);
        // Its Content-Length says where it ends: the +HTTPSCLOSED after it goes to listeners.
        assertThat(outcome.reports()).singleElement().isInstanceOf(HttpsRecv.class);
    }

    @Test
    void emptyBodyOverHttps() {
        para(web.file("empty", new byte[0]), RecvMode.LENGTH);
        http.httpsSetup(HttpsSetup.exec());
        HttpMessage response =
                HttpMessage.of(http.httpsAction(HttpsAction.get()).data());
        assertThat(response.body()).isEmpty();
    }

    @Test
    void httpsPostWithTheRightCaIsCheckedAndEchoed() throws Exception {
        trustTestCa();
        byte[] body = random(2048, 7);
        para("/echo", RecvMode.LENGTH);
        http.httpsSetup(HttpsSetup.exec());
        HttpMessage response = HttpMessage.of(
                http.httpsAction(HttpsAction.post(body, ContentType.JSON)).data());

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(response.head()).contains("X-request-content-type: application/json");
        assertThat(response.bodySha256()).isEqualTo(HttpMessage.sha256(body));
    }

    @Test
    void httpsGetWithTheRightCaOverTls13() throws Exception {
        trustTestCa();
        http.httpsCfg(HttpsCfg.sslversion(SslVersion.TLS_1_3));
        byte[] body = random(13842, 3);
        para(web.file("page", body), RecvMode.LENGTH);
        http.httpsSetup(HttpsSetup.exec());
        assertThat(HttpMessage.of(http.httpsAction(HttpsAction.get()).data()).bodySha256())
                .isEqualTo(HttpMessage.sha256(body));
    }

    @Test
    void aWrongCaFailsTheSetupWithError() throws Exception {
        module.files().put("other.pem", WebServer.bytes(WebServer.OTHER_CA_PEM));
        http.httpsCfg(HttpsCfg.authmode(AuthMode.SERVER));
        http.httpsCfg(HttpsCfg.cacert("other.pem"));
        para(web.file("x", new byte[] {1}), RecvMode.LENGTH);

        assertThatThrownBy(() -> http.httpsSetup(HttpsSetup.exec()))
                .isInstanceOf(AtCommandFailedException.class)
                .hasMessageContaining("ERROR");
        // No link: the request is refused without a prompt.
        assertThatThrownBy(() -> http.httpsAction(HttpsAction.get())).isInstanceOf(AtCommandFailedException.class);
    }

    @Test
    void aMissingCaFileFailsTheSetup() {
        http.httpsCfg(HttpsCfg.authmode(AuthMode.SERVER));
        http.httpsCfg(HttpsCfg.cacert("nowhere.pem"));
        para(web.file("x", new byte[] {1}), RecvMode.LENGTH);
        assertThatThrownBy(() -> http.httpsSetup(HttpsSetup.exec())).isInstanceOf(AtCommandFailedException.class);
    }

    @Test
    void httpsCfgQueryAnswersTheStoredSettingsAndRefusesWhatIsNotSimulated() {
        http.httpsCfg(HttpsCfg.authmode(AuthMode.SERVER));
        http.httpsCfg(HttpsCfg.cacert("ca.pem"));
        http.httpsCfg(HttpsCfg.clientcert("cc.pem"));
        http.httpsCfg(HttpsCfg.clientkey("ck.pem"));

        HttpsCfgQueryResponse.All q = (HttpsCfgQueryResponse.All) http.httpsCfgQuery();
        assertThat(q.sslversion().code()).isEqualTo("3");
        assertThat(q.authmode().code()).isEqualTo("1");
        assertThat(q.ciphersuite()).isEmpty();
        assertThat(q.cacert()).contains("ca.pem");
        assertThat(q.clientcert()).contains("cc.pem");
        assertThat(q.clientkey()).contains("ck.pem");
        assertThat(http.httpsCfgTest().sslversionRange()).isEqualTo("(0-3)");

        // SSL 3.0 is stored (the manual's example answers OK) and fails at set-up: the JDK disables it.
        http.httpsCfg(HttpsCfg.sslversion(SslVersion.SSL_3_0));
        assertThat(http.httpsCfgQuery().sslversionIs(SslVersion.SSL_3_0)).isTrue();
        para(web.file("x", new byte[] {1}), RecvMode.LENGTH);
        assertThatThrownBy(() -> http.httpsSetup(HttpsSetup.exec())).isInstanceOf(AtCommandFailedException.class);
        assertThatThrownBy(() -> http.httpsCfg(HttpsCfg.authmode(AuthMode.SERVER_AND_CLIENT)))
                .isInstanceOf(AtCommandFailedException.class)
                .hasMessageContaining("4");
    }

    @Test
    void httpsGetChecksTheMd5AndStoresTheFile() {
        byte[] body = random(13842, 11);
        http.httpsPara(HttpsPara.url("127.0.0.1" + web.file("fw.bin", body)));
        http.httpsPara(HttpsPara.port(web.port()));

        HttpsGetOutcome ok = http.httpsGet(HttpsGet.set(Decompression.UNZIP, CheckType.MD5, HttpDownloads.md5(body)));
        assertThat(ok.reports())
                .last()
                .isInstanceOfSatisfying(
                        HttpsGetRpt.class, r -> assertThat(r.stateType().code()).isEqualTo("30"));
        assertThat(module.files().get("fw.bin"))
                .hasValueSatisfying(f -> assertThat(f).isEqualTo(body));
        assertThat(http.httpsGetStatQuery().stateType().code()).isEqualTo("30");

        HttpsGetOutcome bad = http.httpsGet(HttpsGet.set(Decompression.UNZIP, CheckType.MD5, "0".repeat(32)));
        assertThat(bad.reports())
                .last()
                .isInstanceOfSatisfying(
                        HttpsGetRpt.class, r -> assertThat(r.stateType().code()).isEqualTo("31"));
    }

    @Test
    void fileHttpActionDownloadsIntoTheFileSystemAndPostsItBack() {
        byte[] body = random(524288, 5);
        http.httpPara(HttpPara.url("127.0.0.1" + plain.file("big.bin", body)));
        http.httpPara(HttpPara.port(plain.port()));
        http.httpSetup(HttpSetup.exec());
        FileHttpActionOutcome got = http.fileHttpAction(FileHttpAction.get(0, 524288));
        assertThat(got.reports()).last().isInstanceOfSatisfying(FileHttpStat.Result.class, s -> {
            assertThat(s.mode().code()).isEqualTo("0");
            assertThat(s.stat().code()).isEqualTo("1");
            assertThat(s.length()).hasValue(524288);
        });
        assertThat(HttpMessage.sha256(module.files().get("big.bin").orElseThrow()))
                .isEqualTo(HttpMessage.sha256(body));

        http.httpPara(HttpPara.url("127.0.0.1/upload"));
        http.httpSetup(HttpSetup.exec());
        FileHttpActionOutcome sent = http.fileHttpAction(FileHttpAction.post(524288, ContentType.TEXT, "big.bin"));
        assertThat(sent.reports()).last().isInstanceOfSatisfying(FileHttpStat.Result.class, s -> {
            assertThat(s.mode().code()).isEqualTo("1");
            assertThat(s.stat().code()).isEqualTo("1");
            assertThat(s.length()).hasValue(524288);
        });
        assertThat(plain.uploads())
                .singleElement()
                .satisfies(u -> assertThat(HttpMessage.sha256(u)).isEqualTo(HttpMessage.sha256(body)));
    }

    @Test
    void fileHttpActionInPiecesAssemblesTheFile() {
        byte[] body = random(13842, 8);
        http.httpPara(HttpPara.url("127.0.0.1" + plain.file("page.html", body)));
        http.httpPara(HttpPara.port(plain.port()));
        for (int offset = 0; offset < body.length; offset += 4096) {
            http.httpSetup(HttpSetup.exec());
            http.fileHttpAction(FileHttpAction.get(offset, 4096));
        }
        assertThat(module.files().get("page.html"))
                .hasValueSatisfying(f -> assertThat(f).isEqualTo(body));
    }

    @Test
    void fileHttpsActionRoundTrip() throws Exception {
        trustTestCa();
        byte[] body = random(2048, 9);
        para(web.file("doc.txt", body), RecvMode.LENGTH);
        http.httpsSetup(HttpsSetup.exec());
        http.fileHttpsAction(FileHttpsAction.get(0, 2048));
        assertThat(module.files().get("doc.txt"))
                .hasValueSatisfying(f -> assertThat(f).isEqualTo(body));

        para("/upload", RecvMode.LENGTH);
        http.httpsSetup(HttpsSetup.exec());
        http.fileHttpsAction(FileHttpsAction.post(2048, ContentType.X_WWW_FORM_URLENCODED, "doc.txt"));
        assertThat(web.uploads()).singleElement().satisfies(u -> assertThat(u).isEqualTo(body));
    }

    @Test
    void fileHttpActionWithoutPppIsPdpNotActive() {
        new NetworkCommands(channel).xiic(Xiic.deactivate());
        assertThatThrownBy(() -> http.fileHttpAction(FileHttpAction.get(0, 524288)))
                .isInstanceOf(AtCommandFailedException.class)
                .hasMessageContaining("1001");
    }
}
