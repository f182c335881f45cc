package io.atspec.neoway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.runtime.Urc;
import io.atspec.runtime.bind.Coded;
import io.atspec.runtime.bind.WireParseException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every URC and information response of chapter 9, read from the lines the manual prints.
 * URCs with a payload are built as the runtime's decoders frame them: a raw header line and
 * the bytes up to the terminator, or the header up to the comma and exactly length bytes.
 */
class HttpAnswerParsingTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Nested
    class DataOutput {
        @Test
        void recvmode0IsOneHeaderThenRawDataUpToTheClosedReport() {
            byte[] response = ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi");
            HttpRecv recv = HttpRecv.parse(Urc.withPayload("+HTTPRECV:", "+HTTPRECV:", response));

            assertThat(recv).isInstanceOf(HttpRecv.Raw.class);
            assertThat(((HttpRecv.Raw) recv).datas()).isEqualTo(response);
        }

        @Test
        void recvmode1IsLengthThenExactlyThatManyBytesWithCrLfAndOkInside() {
            byte[] chunk = ascii("HTTP/1.1 206 Partial Content\r\nOK\r\n+HTTPCLOSED: x");
            HttpRecv recv = HttpRecv.parse(Urc.withPayload("+HTTPRECV:", "+HTTPRECV: " + chunk.length + ",", chunk));

            // The framed shape always has its length and data: neither is Optional.
            assertThat(recv).isEqualTo(new HttpRecv.Framed(chunk.length, chunk));
            assertThat(recv)
                    .hasToString("HttpRecv.Framed[length=" + chunk.length + ", data=" + chunk.length + " bytes]");
        }

        @ParameterizedTest
        @ValueSource(strings = {"+HTTPSRECV:", "+HTTPSRREC:", "+HTTPSREREV:", "+HTTPPSRECV:"})
        void httpsDataUnderEverySpellingOfTheManual(String prefix) {
            byte[] response = ascii("HTTP/1.1 200 OK\r\n\r\n");
            Optional<HttpUrc> urc = HttpUrc.parse(Urc.withPayload(prefix, prefix, response));

            assertThat(urc).containsInstanceOf(HttpsRecv.Raw.class);
            assertThat(((HttpsRecv.Raw) urc.orElseThrow()).datas()).isEqualTo(response);
        }

        @Test
        void httpsFramedChunkUnderTheManualsSpelling() {
            byte[] chunk = ascii("HTTP/1.1 206 Partial Content\r\nServer: Tengine/2.1.0");
            HttpUrc recv = HttpUrc.parse(Urc.withPayload("+HTTPPSRECV:", "+HTTPPSRECV: " + chunk.length + ",", chunk))
                    .orElseThrow();

            assertThat(recv).isEqualTo(new HttpsRecv.Framed(chunk.length, chunk));
        }

        @Test
        void dataToStringShowsSizesNotContent() {
            HttpRecv recv = HttpRecv.parse(Urc.withPayload("+HTTPRECV:", "+HTTPRECV:", ascii("token=abc")));
            assertThat(recv.toString()).doesNotContain("token=abc").contains("9 bytes");
        }

        @Test
        void toStringShowsValuesAndLeavesOutAbsentFields() {
            HttpRecv raw = HttpRecv.parse(Urc.withPayload("+HTTPRECV:", "+HTTPRECV:", ascii("token=abc")));
            HttpRecv framed = HttpRecv.parse(Urc.withPayload("+HTTPRECV:", "+HTTPRECV: 6,", ascii("abcdef")));

            assertThat(raw.toString()).isEqualTo("HttpRecv.Raw[datas=9 bytes]");
            assertThat(framed.toString()).isEqualTo("HttpRecv.Framed[length=6, data=6 bytes]");
        }
    }

    @Nested
    class LinkReports {
        @Test
        void linkClosed() {
            assertThat(HttpUrc.parse(Urc.of("+HTTPCLOSED: HTTP Link Closed"))).containsInstanceOf(HttpClosed.class);
            assertThat(HttpUrc.parse(Urc.of("+HTTPSCLOSED: HTTPS Link Closed"))).containsInstanceOf(HttpsClosed.class);
            assertThat(HttpClosed.matches("+HTTPCLOSED: HTTP Link Closed")).isTrue();
            assertThat(HttpClosed.matches("+HTTPCLOSE: HTTP Link Closed")).isFalse();
        }

        @Test
        void closedReportWithOtherTextIsNotTakenForIt() {
            assertThatThrownBy(() -> HttpClosed.parse(Urc.of("+HTTPCLOSED: something else")))
                    .isInstanceOf(WireParseException.class)
                    .hasMessageContaining("+HTTPCLOSED: something else");
        }

        @Test
        void resultOfClosingTheSocket() {
            assertThat(HttpUrc.parse(Urc.of("+HTTPCLOSE: HTTP Link Closed"))).containsInstanceOf(HttpCloseResult.class);
            assertThat(HttpUrc.parse(Urc.of("+HTTPCLOSE: ERROR"))).containsInstanceOf(HttpCloseResult.class);
            assertThat(HttpUrc.parse(Urc.of("+HTTPSCLOSE: HTTPS Link Closed")))
                    .containsInstanceOf(HttpsCloseResult.class);
        }

        @Test
        void closedAndFailedResultsOfClosingCanBeToldApart() {
            // 9.4: +HTTPCLOSE: <result> is "HTTP Link Closed" or "ERROR" (fails to close the link);
            // the spec declares them as two reports, so a caller must be able to see which came.
            HttpCloseResult closed = HttpCloseResult.parse(Urc.of("+HTTPCLOSE: HTTP Link Closed"));
            HttpCloseResult failed = HttpCloseResult.parse(Urc.of("+HTTPCLOSE: ERROR"));

            assertThat(closed).isNotEqualTo(failed);
        }

        @Test
        void theFormatTableSpellingOfTheClosedReportIsRecognised() {
            // 9.9's format table writes +HTTPCLOSE: Link Closed where its example writes
            // +HTTPCLOSED: HTTP Link Closed; a module printing the table's line is understood.
            assertThat(HttpUrc.parse(Urc.of("+HTTPCLOSE: Link Closed"))).containsInstanceOf(HttpCloseResult.class);
            HttpCloseResult closed = HttpCloseResult.parse(Urc.of("+HTTPCLOSE: Link Closed"));
            assertThat(closed).isInstanceOf(HttpCloseResult.LinkClosed.class);
        }
    }

    @Nested
    class DownloadReports {
        @Test
        void downloadOnly() {
            HttpGetRpt report = HttpGetRpt.parse(Urc.of("+HTTPGETRPT: 10"));

            assertThat(report.stateType().value()).contains(DownloadState.DOWNLOAD_SUCCESSFUL);
            assertThat(report.errCode()).isEmpty();
        }

        @Test
        void verificationWithAnHttpStatus() {
            HttpGetRpt report = HttpGetRpt.parse(Urc.of("+HTTPGETRPT: 30,303"));

            assertThat(report.stateType().is(DownloadState.VERIFICATION_SUCCESSFUL))
                    .isTrue();
            assertThat(report.errCode())
                    .hasValueSatisfying(c -> assertThat(c.value()).contains(HttpStatus.SEE_OTHER));
        }

        @Test
        void theManualsOtherSpellingIsTheSameReport() {
            assertThat(HttpUrc.parse(Urc.of("+APHTTPGETRPT: 31")))
                    .hasValueSatisfying(
                            u -> assertThat(((HttpGetRpt) u).stateType().value())
                                    .contains(DownloadState.VERIFICATION_FAILED));
            assertThat(HttpUrc.parse(Urc.of("+APHTTPSGETRPT: 31")))
                    .hasValueSatisfying(
                            u -> assertThat(((HttpsGetRpt) u).stateType().value())
                                    .contains(DownloadState.VERIFICATION_FAILED));
        }

        @Test
        void codesTheManualDoesNotListAreKept() {
            // A firmware update with a new state or status code must not break the parse.
            HttpsGetRpt report = HttpsGetRpt.parse(Urc.of("+HTTPSGETRPT: 40,418"));

            assertThat(report.stateType()).isEqualTo(new Coded<DownloadState>("40", Optional.empty()));
            assertThat(report.errCode()).contains(new Coded<HttpStatus>("418", Optional.empty()));
        }

        @Test
        void runsOfSpacesAfterTheColon() {
            HttpsGetRpt report = HttpsGetRpt.parse(Urc.of("+HTTPSGETRPT:    20"));
            assertThat(report.stateType().value()).contains(DownloadState.DECOMPRESSION_SUCCESSFUL);
        }
    }

    @Nested
    class FileSystemReports {
        @Test
        void downloadAndUploadResults() {
            FileHttpStat.Result download =
                    (FileHttpStat.Result) FileHttpStat.parse(Urc.of("+FILEHTTPSTAT: 0,1,524288"));
            // Every result line carries mode and stat: not Optional; the length is in [...].
            assertThat(download.mode().value()).contains(FileHttpMode.GET);
            assertThat(download.stat().value()).contains(FileTransferStat.SUCCESSFUL);
            assertThat(download.length()).hasValue(524288);

            FileHttpStat upload = FileHttpStat.parse(Urc.of("+FILEHTTPSTAT: 1,1,524288"));
            assertThat(upload.modeIs(FileHttpMode.POST)).isTrue();
            assertThat(upload.statIs(FileTransferStat.SUCCESSFUL)).isTrue();
        }

        @Test
        void twoFieldsWithAKnownStatAreAResultWithoutLength() {
            // The spec: "0,1" is mode GET, successful.
            FileHttpStat result = FileHttpStat.parse(Urc.of("+FILEHTTPSTAT: 0,1"));

            assertThat(result)
                    .isEqualTo(new FileHttpStat.Result(
                            Coded.of("0", FileHttpMode.values()),
                            Coded.of("1", FileTransferStat.values()),
                            OptionalInt.empty()));
        }

        @Test
        void errorShapeCarriesTheAppendixACode() {
            // report error: <stat=0>,<errcode> with errcode 2..65535: "0,1001" is a failure with
            // error 1001 (PDP not active), not mode 0 with an unknown stat 1001.
            FileHttpStat error = FileHttpStat.parse(Urc.of("+FILEHTTPSTAT: 0,1001"));

            assertThat(error).isEqualTo(new FileHttpStat.ErrorShape(1001));
            // The shape fixes <stat> to 0: the test says so without a field to unwrap.
            assertThat(error.statIs(FileTransferStat.FAILED)).isTrue();
            assertThat(error.modeIs(FileHttpMode.GET)).isFalse();
        }
    }

    @Nested
    class QueryResponses {
        @Test
        void downloadStatus() {
            HttpGetStatResponse status = HttpGetStatResponse.parse("+HTTPGETSTAT: 10,303");
            assertThat(status.stateType().value()).contains(DownloadState.DOWNLOAD_SUCCESSFUL);
            assertThat(status.errCode())
                    .hasValueSatisfying(c -> assertThat(c.value()).contains(HttpStatus.SEE_OTHER));

            HttpGetStatResponse unknown = HttpGetStatResponse.parse("+HTTPGETSTAT: 0");
            assertThat(unknown.stateType().value()).contains(DownloadState.UNKNOWN);
            assertThat(unknown.errCode()).isEmpty();

            HttpsGetStatResponse https = HttpsGetStatResponse.parse("+HTTPSGETSTAT: 30,404");
            assertThat(https.stateType().value()).contains(DownloadState.VERIFICATION_SUCCESSFUL);
            assertThat(https.errCode())
                    .hasValueSatisfying(c -> assertThat(c.value()).contains(HttpStatus.NOT_FOUND));
        }

        @Test
        void unknownStatusCodeIsKept() {
            HttpGetStatResponse status = HttpGetStatResponse.parse("+HTTPGETSTAT: 11,599");
            assertThat(status.errCode()).contains(new Coded<HttpStatus>("599", Optional.empty()));
        }

        @Test
        void sslSettingsWithAnEmptyCipherSuite() {
            HttpsCfgQueryResponse.All cfg =
                    (HttpsCfgQueryResponse.All) HttpsCfgQueryResponse.parse("+HTTPSCFG: 0,1,,ca.pem,cc.pem,ck.pem");

            assertThat(cfg.sslversion().value()).contains(SslVersion.SSL_3_0);
            assertThat(cfg.authmodeIs(AuthMode.SERVER)).isTrue();
            assertThat(cfg.typeIs(SslOption.SSLVERSION)).isFalse();
            assertThat(cfg.ciphersuite()).isEmpty();
            assertThat(cfg.cacert()).contains("ca.pem");
            assertThat(cfg.clientcert()).contains("cc.pem");
            assertThat(cfg.clientkey()).contains("ck.pem");
        }

        @ParameterizedTest
        @ValueSource(strings = {"+HTTPSCFG: \"sslversion\",3", "+HTTPSCFG: sslversion,3"})
        void oneSslSettingInTheFormatTableShape(String line) {
            // 9.10's format table answers the query with +HTTPSCFG: <type>,<type_name>.
            HttpsCfgQueryResponse cfg = HttpsCfgQueryResponse.parse(line);

            assertThat(cfg).isEqualTo(new HttpsCfgQueryResponse.One(Coded.of("sslversion", SslOption.values()), "3"));
            assertThat(cfg.typeIs(SslOption.SSLVERSION)).isTrue();
            assertThat(cfg.sslversionIs(SslVersion.SSL_3_0)).isFalse();
        }

        @Test
        void sslValueRanges() {
            HttpsCfgTestResponse ranges = HttpsCfgTestResponse.parse("+HTTPSCFG: (0-3),(0-2),,,");

            assertThat(ranges.sslversionRange()).isEqualTo("(0-3)");
            assertThat(ranges.authmodeRange()).isEqualTo("(0-2)");
            assertThat(ranges.cacertRange()).isEmpty();
            assertThat(ranges.clientcertRange()).isEmpty();
            assertThat(ranges.clientkeyRange()).isEmpty();
        }

        @Test
        void theClientKeyPrintsMaskedAndAnEmptyCipherSuiteNotAtAll() {
            HttpsCfgQueryResponse cfg = HttpsCfgQueryResponse.parse("+HTTPSCFG: 0,1,,ca.pem,cc.pem,ck-secret.pem");

            assertThat(cfg.toString())
                    .isEqualTo("HttpsCfgQueryResponse.All[sslversion=0 (SSL_3_0), authmode=1 (SERVER), cacert=ca.pem,"
                            + " clientcert=cc.pem, clientkey=***]");
        }

        @Test
        void aResponseOfTheWrongShapeIsReportedWithTheLine() {
            assertThatThrownBy(() -> HttpGetStatResponse.parse("+HTTPGETSTAT: 10,200,7"))
                    .isInstanceOf(WireParseException.class)
                    .hasMessageContaining("+HTTPGETSTAT: 10,200,7");
        }

        @Test
        void aResponseThatMayCarryASecretIsReportedWithoutTheLine() {
            assertThatThrownBy(() -> HttpsCfgQueryResponse.parse("+HTTPSCFG: 0,1,ck-secret.pem"))
                    .isInstanceOf(WireParseException.class)
                    .hasMessageContaining("HttpsCfgQueryResponse")
                    .hasMessageContaining("<clientkey>")
                    .hasMessageNotContaining("ck-secret.pem");
        }

        @Test
        void responsesBelongToTheQueryThatAsksForThem() {
            assertThat(HttpRequests.parseResponse(HttpGetStat.query(), "+HTTPGETSTAT: 10"))
                    .containsInstanceOf(HttpGetStatResponse.class);
            assertThat(HttpRequests.parseResponse(HttpsCfg.query(), "+HTTPSCFG: 0,1,,ca.pem,cc.pem,ck.pem"))
                    .containsInstanceOf(HttpsCfgQueryResponse.class);
            assertThat(HttpRequests.parseResponse(HttpsCfg.test(), "+HTTPSCFG: (0-3),(0-2),,,"))
                    .containsInstanceOf(HttpsCfgTestResponse.class);
            // Setting an option has no information response.
            assertThat(HttpRequests.parseResponse(HttpsCfg.authmode(AuthMode.NONE), "+HTTPSCFG: 0,1,,a,b,c"))
                    .isEmpty();
        }
    }

    @Test
    void linesOfOtherChaptersAreNotThisChaptersUrcs() {
        assertThat(HttpUrc.parse(Urc.of("+CREG: 1"))).isEmpty();
        assertThat(HttpUrc.parse(Urc.of("GPRS DISCONNECTION"))).isEmpty();
    }
}
