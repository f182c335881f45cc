package io.atspec.neoway.http.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.neoway.http.ContentType;
import io.atspec.runtime.AtChannel;
import io.atspec.runtime.testing.ScriptedModem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link NeowayHttpClient} against a scripted modem that cuts every write into 1 to 7 bytes:
 * the sequencing (attach check, PARA, recvmode 1, SETUP, ACTION) and the response parsing.
 */
class NeowayHttpClientScriptedTest {

    private static final String CLOSED = "+HTTPCLOSED: HTTP Link Closed";

    private ScriptedModem modem;
    private AtChannel channel;
    private NeowayHttpClient client;
    private volatile boolean pppUp = true;

    @BeforeEach
    void connect() {
        modem = ScriptedModem.inMemory(5).chunks(1, 7);
        channel = AtChannel.open(modem.host());
        client = new NeowayHttpClient(channel);
        modem.when(
                "AT+XIIC?",
                r -> r.line(pppUp ? "+XIIC:    1,10.0.0.2" : "+XIIC:    0,0.0.0.0")
                        .ok());
    }

    @AfterEach
    void disconnect() {
        channel.close();
        modem.close();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** +HTTPRECV: <length>,<data> pieces of at most 100 bytes, then +HTTPCLOSED. */
    private static void framed(ScriptedModem.Reply r, String prefix, byte[] response, String closed) {
        for (int i = 0; i < response.length; i += 100) {
            byte[] piece = Arrays.copyOfRange(response, i, Math.min(response.length, i + 100));
            r.raw(ascii("\r\n" + prefix + " " + piece.length + ",")).raw(piece).raw(ascii("\r\n"));
        }
        r.urc(closed);
    }

    @Test
    void getDoesTheManualsSequenceAndDecodesAChunkedBody() {
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n"
                + "\r\n5\r\nhello\r\nB;ext=1\r\n\r\nOK\r\n+HTTP\r\n0\r\n\r\n";
        modem.when("AT+HTTPPARA=url,example.com/index.html", r -> r.ok());
        modem.when("AT+HTTPPARA=port,8080", r -> r.ok());
        modem.when("AT+HTTPPARA=recvmode,1", r -> r.ok());
        modem.when("AT+HTTPSETUP", r -> r.ok());
        modem.when("AT+HTTPACTION=0", r -> framed(r.ok(), "+HTTPRECV:", ascii(response), CLOSED));

        HttpResult result = client.get("http://example.com:8080/index.html");

        assertThat(modem.received())
                .containsExactly(
                        "AT+XIIC?",
                        "AT+HTTPPARA=url,example.com/index.html",
                        "AT+HTTPPARA=port,8080",
                        "AT+HTTPPARA=recvmode,1",
                        "AT+HTTPSETUP",
                        "AT+HTTPACTION=0");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.headers().all("set-cookie")).containsExactly("a=1", "b=2");
        assertThat(new String(result.body(), StandardCharsets.ISO_8859_1)).isEqualTo("hello\r\nOK\r\n+HTTP");
    }

    @Test
    void bringsTheDataLinkUpWhenItIsDown() {
        pppUp = false;
        modem.when("AT+XIIC=1", r -> {
            pppUp = true;
            r.ok();
        });
        modem.when("AT+HTTPPARA=url,h/", r -> r.ok());
        modem.when("AT+HTTPPARA=port,80", r -> r.ok());
        modem.when("AT+HTTPPARA=recvmode,1", r -> r.ok());
        modem.when("AT+HTTPSETUP", r -> r.ok());
        modem.when(
                "AT+HTTPACTION=1",
                r -> framed(
                        r.ok(), "+HTTPRECV:", ascii("HTTP/1.1 204 No Content\r\nContent-Length: 9\r\n\r\n"), CLOSED));

        HttpResult result = client.head("h");

        assertThat(modem.received()).startsWith("AT+XIIC?", "AT+XIIC=1", "AT+XIIC?");
        assertThat(result.status()).isEqualTo(204);
        assertThat(result.reason()).isEqualTo("No Content");
        assertThat(result.body()).isEmpty();
    }

    @Test
    void postOverHttpsSendsTheBodyAfterThePrompt() {
        byte[] body = ascii("{\"a\":1}");
        modem.when("AT+HTTPSCFG=\"authmode\",1", r -> r.ok());
        modem.when("AT+HTTPSCFG=\"cacert\",ca.pem", r -> r.ok());
        modem.whenMatches("AT\\+HTTPSCFG=\"cacert\",\"?ca.pem\"?", (m, r) -> r.ok());
        modem.when("AT+HTTPSPARA=url,secure.example/api", r -> r.ok());
        modem.when("AT+HTTPSPARA=port,443", r -> r.ok());
        modem.when("AT+HTTPSPARA=recvmode,1", r -> r.ok());
        modem.when("AT+HTTPSSETUP", r -> r.ok());
        modem.when(
                "AT+HTTPSACTION=2,7,2",
                r -> framed(
                        r.prompt(7).ok(),
                        "+HTTPSRECV:",
                        ascii("HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nokEXTRA"),
                        "+HTTPSCLOSED: HTTPS Link Closed"));

        client.https(HttpsOptions.serverCheckedBy("ca.pem"));
        HttpResult result = client.post("https://secure.example/api", body, ContentType.JSON);

        assertThat(modem.payloads()).singleElement().isEqualTo(body);
        assertThat(result.status()).isEqualTo(201);
        assertThat(result.body()).isEqualTo(ascii("ok"));
    }

    @Test
    void downloadAsksForPiecesWithASetupBeforeEach() {
        byte[] file = new byte[250];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) i;
        }
        modem.when("AT+HTTPPARA=url,h/f.bin", r -> r.ok());
        modem.when("AT+HTTPPARA=port,80", r -> r.ok());
        modem.when("AT+HTTPPARA=recvmode,1", r -> r.ok());
        modem.when("AT+HTTPSETUP", r -> r.ok());
        modem.whenMatches("AT\\+HTTPACTION=0,(\\d+),(\\d+)", (m, r) -> {
            int first = Integer.parseInt(m.group(1));
            int last = Math.min(file.length, first + Integer.parseInt(m.group(2))) - 1;
            byte[] head = ascii("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " + first + "-" + last + "/"
                    + file.length + "\r\nContent-Length: " + (last - first + 1) + "\r\n\r\n");
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            response.writeBytes(head);
            response.write(file, first, last - first + 1);
            framed(r.ok(), "+HTTPRECV:", response.toByteArray(), CLOSED);
        });

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(client.download("h/f.bin", out, 100)).isEqualTo(250);

        assertThat(out.toByteArray()).isEqualTo(file);
        assertThat(modem.received())
                .filteredOn(l -> l.startsWith("AT+HTTPACTION"))
                .containsExactly("AT+HTTPACTION=0,0,100", "AT+HTTPACTION=0,100,100", "AT+HTTPACTION=0,200,50");
        assertThat(modem.received()).filteredOn("AT+HTTPSETUP"::equals).hasSize(3);
    }

    @Test
    void aFailedSetupIsAClearError() {
        modem.when("AT+HTTPPARA=url,h/", r -> r.ok());
        modem.when("AT+HTTPPARA=port,80", r -> r.ok());
        modem.when("AT+HTTPPARA=recvmode,1", r -> r.ok());
        modem.when("AT+HTTPSETUP", r -> r.error());

        assertThatThrownBy(() -> client.get("http://h/"))
                .isInstanceOf(NeowayHttpException.class)
                .hasMessageContaining("GET http://h:80/ failed");
    }

    @Test
    void parserHandlesContentLengthFoldingAndShortBodies() {
        HttpResult r = HttpResponseParser.parse(
                ascii("HTTP/1.0 404 Not Found\r\nX-A: one\r\n two\r\n" + "Content-Length: 3\r\n\r\nabcdef"), false);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.headers().first("x-a")).contains("one two");
        assertThat(r.body()).isEqualTo(ascii("abc"));
        assertThat(HttpResponseParser.parse(ascii("HTTP/1.1 200 OK\r\n\r\nuntil close"), false)
                        .body())
                .isEqualTo(ascii("until close"));
        assertThatThrownBy(
                        () -> HttpResponseParser.parse(ascii("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab"), false))
                .isInstanceOf(NeowayHttpException.class)
                .hasMessageContaining("cut short");
        assertThatThrownBy(() -> HttpResponseParser.parse(ascii("garbage\r\n\r\n"), false))
                .isInstanceOf(NeowayHttpException.class);
    }
}
