package io.atspec.neoway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.runtime.AtArgumentException;
import io.atspec.runtime.AtCommand;
import io.atspec.runtime.FinalLine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The exact wire line of every form of every command of chapter 9, as the manual's format
 * tables and examples write it, and the argument checks that run before anything is written.
 */
class HttpRequestWireFormTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Nested
    class HttpParaLines {
        @Test
        void eachKeyDecidesTheTypeOfItsValue() {
            assertThat(HttpPara.url("www.neoway.com.cn/en/index.aspx").line())
                    .isEqualTo("AT+HTTPPARA=url,www.neoway.com.cn/en/index.aspx");
            assertThat(HttpPara.port(8080).line()).isEqualTo("AT+HTTPPARA=port,8080");
            assertThat(HttpPara.keepalive(KeepAlive.LONG_TIME).line()).isEqualTo("AT+HTTPPARA=keepalive,1");
            assertThat(HttpPara.recvmode(RecvMode.LENGTH).line()).isEqualTo("AT+HTTPPARA=recvmode,1");
            assertThat(HttpPara.recvmode(RecvMode.DEFAULT).line()).isEqualTo("AT+HTTPPARA=recvmode,0");
        }

        @Test
        void portOutsideItsRangeIsRefusedWithCommandParameterValueAndRange() {
            assertThatThrownBy(() -> HttpPara.port(0))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPPARA", "port", "0", "1..65535");
            assertThatThrownBy(() -> HttpPara.port(65536))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPPARA", "port", "65536", "1..65535");
        }

        @Test
        void urlLongerThan2048BytesOrEmptyIsRefused() {
            assertThat(HttpPara.url("a".repeat(2048)).line()).endsWith("a".repeat(2048));
            assertThatThrownBy(() -> HttpPara.url("a".repeat(2049)))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPPARA", "url", "2049", "1..2048");
            assertThatThrownBy(() -> HttpPara.url(""))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPPARA", "url");
        }

        @Test
        void urlWithLineEndIsRefusedBecauseItWouldEndTheCommandEarly() {
            // "x\r\nAT+CGATT=0" would otherwise smuggle a second command onto the wire.
            assertThatThrownBy(() -> HttpPara.url("www.neoway.com.cn\r\nAT+CGATT=0"))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPPARA", "url", "control character");
            assertThatThrownBy(() -> HttpPara.url("www.neoway.com.cn\n")).isInstanceOf(AtArgumentException.class);
            assertThatThrownBy(() -> HttpPara.url("www.neoway.com.cn\r")).isInstanceOf(AtArgumentException.class);
        }

        @Test
        void aUrlRunsToTheEndOfTheLineSoItsCommasTravelBareAndReadBack() {
            HttpPara url = HttpPara.url("a.com/x?a=1,2");

            assertThat(url.line()).isEqualTo("AT+HTTPPARA=url,a.com/x?a=1,2");
            assertThat(HttpRequests.parse(url.line(), null)).contains(url);
            assertThat(HttpRequests.parse("AT+HTTPPARA=url,a.com/x?a=1,2,3", null))
                    .contains(HttpPara.url("a.com/x?a=1,2,3"));
        }

        @Test
        void aUrlStillCannotChainACommandOrOpenAQuote() {
            assertThatThrownBy(() -> HttpPara.url("a.com;+CFUN=0"))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPPARA", "<url>", "'a.com;+CFUN=0'", "';'");
            assertThatThrownBy(() -> HttpPara.url("a.com/\"x"))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPPARA", "<url>", "'a.com/\"x'", "double quote");
            assertThatThrownBy(() -> HttpsPara.url("a.com,b;c"))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPSPARA", "<url>", "'a.com,b;c'", "';'");
        }

        @Test
        void nullEnumIsRefusedNamingTheParameter() {
            assertThatThrownBy(() -> HttpPara.keepalive(null))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPPARA", "keepalive");
        }
    }

    @Nested
    class HttpsParaLines {
        @Test
        void eachKeyDecidesTheTypeOfItsValue() {
            assertThat(HttpsPara.url("www.alipay.com/index.html").line())
                    .isEqualTo("AT+HTTPSPARA=url,www.alipay.com/index.html");
            assertThat(HttpsPara.port(443).line()).isEqualTo("AT+HTTPSPARA=port,443");
            assertThat(HttpsPara.keepalive(KeepAlive.DEFAULT).line()).isEqualTo("AT+HTTPSPARA=keepalive,0");
            assertThat(HttpsPara.recvmode(RecvMode.LENGTH).line()).isEqualTo("AT+HTTPSPARA=recvmode,1");
        }

        @Test
        void httpsUrlIsLimitedTo512Bytes() {
            assertThat(HttpsPara.url("u".repeat(512)).line()).endsWith("u".repeat(512));
            assertThatThrownBy(() -> HttpsPara.url("u".repeat(513)))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPSPARA", "url", "513", "1..512");
            assertThatThrownBy(() -> HttpsPara.port(70000))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPSPARA", "port", "70000", "1..65535");
        }
    }

    @Test
    void setupAndCloseAreBareExecuteLines() {
        assertThat(HttpSetup.exec().line()).isEqualTo("AT+HTTPSETUP");
        assertThat(HttpsSetup.exec().line()).isEqualTo("AT+HTTPSSETUP");
        assertThat(HttpClose.exec().line()).isEqualTo("AT+HTTPCLOSE");
        assertThat(HttpsClose.exec().line()).isEqualTo("AT+HTTPSCLOSE");
    }

    @Test
    void setupTimeoutIsTheManuals30Seconds() {
        assertThat(HttpSetup.exec().command().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(HttpsSetup.exec().command().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(HttpPara.port(80).command().timeout()).isEqualTo(Duration.ofMillis(300));
    }

    @Nested
    class HttpActionLines {
        @Test
        void getAndHead() {
            assertThat(HttpAction.get().line()).isEqualTo("AT+HTTPACTION=0");
            assertThat(HttpAction.get(0, 1024).line()).isEqualTo("AT+HTTPACTION=0,0,1024");
            assertThat(HttpAction.head().line()).isEqualTo("AT+HTTPACTION=1");
            assertThat(HttpAction.get().command().expectsPrompt()).isFalse();
        }

        @Test
        void postDerivesTheLengthFromTheBodyAndSendsTheBodyAfterThePrompt() {
            byte[] body = ascii("MAC=NEOWAY&DATA=0123456");
            HttpAction.Post post = HttpAction.post(body, ContentType.JSON);

            assertThat(post.line()).isEqualTo("AT+HTTPACTION=2,23,2");
            assertThat(HttpAction.post(body).line()).isEqualTo("AT+HTTPACTION=2,23");
            AtCommand command = post.command();
            assertThat(command.expectsPrompt()).isTrue();
            assertThat(command.promptPayload()).isEqualTo(body);
        }

        @Test
        void postKeepsItsOwnCopyOfTheBody() {
            byte[] body = ascii("a=1");
            HttpAction.Post post = HttpAction.post(body, ContentType.X_WWW_FORM_URLENCODED);
            body[0] = 'X';

            assertThat(post.command().promptPayload()).isEqualTo(ascii("a=1"));
            assertThat(post.line()).isEqualTo("AT+HTTPACTION=2,3,0");
        }

        @Test
        void customPacketIsOpenModeWithItsLength() {
            byte[] packet = ascii("HEAD / HTTP/1.1\r\n\r\n");
            assertThat(HttpAction.custom(packet).line()).isEqualTo("AT+HTTPACTION=99," + packet.length);
        }

        @Test
        void bodyOutside1To2048BytesIsRefused() {
            assertThat(HttpAction.post(new byte[2048]).line()).isEqualTo("AT+HTTPACTION=2,2048");
            assertThatThrownBy(() -> HttpAction.post(new byte[2049], ContentType.TEXT))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPACTION", "post_content", "2049", "1..2048");
            assertThatThrownBy(() -> HttpAction.post(new byte[0]))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPACTION", "post_content", "0");
            assertThatThrownBy(() -> HttpAction.custom(new byte[4096]))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPACTION", "4096", "1..2048");
        }

        @Test
        void getRangeIsChecked() {
            assertThatThrownBy(() -> HttpAction.get(-1, 10))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPACTION", "offset", "-1", "0..2147483647");
            assertThatThrownBy(() -> HttpAction.get(0, 0))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPACTION", "size", "0", "1..2147483647");
        }

        @Test
        void commandSpecificFinalLinesIncludeTheManualsOtherSpellings() {
            // The manual writes these two ways each; both end the command as an error.
            assertThat(HttpAction.get().command().finalLines())
                    .allMatch(FinalLine::error)
                    .extracting(FinalLine::text)
                    .contains(
                            "+HTTPACTION: SOCKET ID OPEN FAILED",
                            "+HTTPACTION:SOCKET ID OPEN FAILED",
                            "+HTTPSETUP: ERROR",
                            "+HTTPSEND: ERROR");
        }
    }

    @Nested
    class HttpsActionLines {
        @Test
        void everyForm() {
            assertThat(HttpsAction.get().line()).isEqualTo("AT+HTTPSACTION=0");
            assertThat(HttpsAction.get(10, 20).line()).isEqualTo("AT+HTTPSACTION=0,10,20");
            assertThat(HttpsAction.head().line()).isEqualTo("AT+HTTPSACTION=1");
            assertThat(HttpsAction.post(ascii("MAC=NEOWAY"), ContentType.XML).line())
                    .isEqualTo("AT+HTTPSACTION=2,10,3");
            assertThat(HttpsAction.post(ascii("MAC=NEOWAY")).line()).isEqualTo("AT+HTTPSACTION=2,10");
            assertThat(HttpsAction.custom(new byte[167]).line()).isEqualTo("AT+HTTPSACTION=99,167");
        }

        @Test
        void bodyOver2048BytesIsRefused() {
            assertThatThrownBy(() -> HttpsAction.post(new byte[2049]))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPSACTION", "2049", "1..2048");
        }
    }

    @Nested
    class DownloadLines {
        private static final String MD5 = "eaf84487e190bc79af55c972bbc63e3f";

        @Test
        void httpGetWithAndWithoutVerification() {
            assertThat(HttpGet.set(Decompression.UNZIP).line()).isEqualTo("AT+HTTPGET=0");
            assertThat(HttpGet.set(Decompression.ZIP).line()).isEqualTo("AT+HTTPGET=1");
            assertThat(HttpGet.set(Decompression.ZIP, CheckType.MD5, MD5).line())
                    .isEqualTo("AT+HTTPGET=1,0," + MD5);
            assertThat(HttpsGet.set(Decompression.UNZIP).line()).isEqualTo("AT+HTTPSGET=0");
            assertThat(HttpsGet.set(Decompression.ZIP, CheckType.MD5, MD5).line())
                    .isEqualTo("AT+HTTPSGET=1,0," + MD5);
        }

        @Test
        void checkValueMustBe32HexDigits() {
            assertThatThrownBy(() -> HttpGet.set(Decompression.ZIP, CheckType.MD5, MD5.substring(1)))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPGET", "check_value", "31");
            assertThatThrownBy(() -> HttpsGet.set(Decompression.ZIP, CheckType.MD5, "z" + MD5.substring(1)))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPSGET", "check_value", "hexadecimal");
        }

        @Test
        void statusQueries() {
            assertThat(HttpGetStat.query().line()).isEqualTo("AT+HTTPGETSTAT?");
            assertThat(HttpsGetStat.query().line()).isEqualTo("AT+HTTPSGETSTAT?");
            assertThat(HttpGetStat.query().command().responsePrefixes()).containsExactly("+HTTPGETSTAT:");
        }
    }

    @Nested
    class HttpsCfgLines {
        @Test
        void theOptionNameIsQuotedAsInTheManualsExample() {
            assertThat(HttpsCfg.sslversion(SslVersion.SSL_3_0).line()).isEqualTo("AT+HTTPSCFG=\"sslversion\",0");
            assertThat(HttpsCfg.sslversion(SslVersion.TLS_1_2).line()).isEqualTo("AT+HTTPSCFG=\"sslversion\",3");
            assertThat(HttpsCfg.authmode(AuthMode.NONE).line()).isEqualTo("AT+HTTPSCFG=\"authmode\",0");
            assertThat(HttpsCfg.authmode(AuthMode.SERVER_AND_CLIENT).line()).isEqualTo("AT+HTTPSCFG=\"authmode\",2");
            assertThat(HttpsCfg.ciphersuite("0x0035").line()).isEqualTo("AT+HTTPSCFG=\"ciphersuite\",0x0035");
            assertThat(HttpsCfg.cacert("ca.pem").line()).isEqualTo("AT+HTTPSCFG=\"cacert\",ca.pem");
            assertThat(HttpsCfg.clientcert("cc.pem").line()).isEqualTo("AT+HTTPSCFG=\"clientcert\",cc.pem");
            assertThat(HttpsCfg.clientkey("ck.pem").line()).isEqualTo("AT+HTTPSCFG=\"clientkey\",ck.pem");
            assertThat(HttpsCfg.sni("www.example.com").line()).isEqualTo("AT+HTTPSCFG=\"sni\",www.example.com");
            assertThat(HttpsCfg.query().line()).isEqualTo("AT+HTTPSCFG?");
            assertThat(HttpsCfg.test().line()).isEqualTo("AT+HTTPSCFG=?");
        }

        @Test
        void clientKeyIsASecret() {
            HttpsCfg.Clientkey key = HttpsCfg.clientkey("ck-secret.pem");

            assertThat(key.toString()).doesNotContain("ck-secret.pem");
            assertThat(key.command().secrets()).containsExactly("ck-secret.pem");
            assertThat(key.command().maskedLine()).doesNotContain("ck-secret.pem");
            assertThat(HttpsCfg.cacert("ca.pem").command().secrets()).isEmpty();
        }

        @Test
        void sniIsLimitedTo255Bytes() {
            assertThatThrownBy(() -> HttpsCfg.sni("s".repeat(256)))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPSCFG", "sni", "256", "1..255");
            assertThatThrownBy(() -> HttpsCfg.cacert("ca.pem\r\n"))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+HTTPSCFG", "cacert");
        }
    }

    @Nested
    class FileSystemTransferLines {
        @Test
        void getAndPost() {
            assertThat(FileHttpAction.get(0, 524288).line()).isEqualTo("AT+FILEHTTPACTION=0,0,524288");
            assertThat(FileHttpAction.post(524288, ContentType.X_WWW_FORM_URLENCODED, "text.txt")
                            .line())
                    .isEqualTo("AT+FILEHTTPACTION=1,524288,0,text.txt");
            assertThat(FileHttpsAction.get(0, 524288).line()).isEqualTo("AT+FILEHTTPSACTION=0,0,524288");
            assertThat(FileHttpsAction.post(100, ContentType.HTML, "dir/page.html")
                            .line())
                    .isEqualTo("AT+FILEHTTPSACTION=1,100,4,dir/page.html");
        }

        @Test
        void sizesAbove512KiBAreRefused() {
            assertThatThrownBy(() -> FileHttpAction.get(0, 524289))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+FILEHTTPACTION", "size", "524289", "1..524288");
            assertThatThrownBy(() -> FileHttpsAction.post(524289, ContentType.TEXT, "a.txt"))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+FILEHTTPSACTION", "length", "524289", "1..524288");
            assertThatThrownBy(() -> FileHttpAction.post(10, ContentType.TEXT, ""))
                    .isInstanceOf(AtArgumentException.class)
                    .hasMessageContainingAll("AT+FILEHTTPACTION", "dir_filename");
        }
    }
}
