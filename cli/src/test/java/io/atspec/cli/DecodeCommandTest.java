package io.atspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeCommandTest {

    @Test
    void annotatesATraceCapture(@TempDir Path dir) throws IOException {
        Path capture = dir.resolve("capture.txt");
        Files.writeString(
                capture,
                String.join(
                        "\n",
                        "TX: AT+CSQ\\r",
                        "RX: +CSQ: 20,0",
                        "RX: OK",
                        "TX: AT+CREG?\\r",
                        "RX: +CREG: 0,1",
                        "RX: OK",
                        "RX: +CREG: 5",
                        "TX: AT+HTTPACTION=2,5,1\\r",
                        "RX: >",
                        "TX: hello",
                        "RX: OK",
                        "RX: +HTTPRECV: 6,ab\\r\\nOK",
                        "RX: +HTTPCLOSED: HTTP Link Closed",
                        "RX: #garbage#",
                        "TX: AT+HTTPPARA=bogus,1\\r",
                        "RX: ERROR",
                        ""));
        Run run = Run.of("decode", capture.toString());
        assertThat(run.exit()).as("lines did not parse").isEqualTo(1);
        assertThat(run.out())
                .contains("> AT+CSQ\n    = command Csq.Exec[] (chapter network)")
                .contains("< +CSQ: 20,0\n    = response to AT+CSQ: CsqResponse[rssi=20, ber=0]")
                .contains("< OK\n    = final result of AT+CSQ: OK")
                // The same prefix: a response while AT+CREG? is pending, a URC afterwards.
                .contains("< +CREG: 0,1\n    = response to AT+CREG?: CregQueryResponse[")
                .contains("< +CREG: 5\n    = URC CregReport[stat=5 (REGISTERED_ROAMING)")
                .contains("    = prompt: the host sends 5 bytes")
                .contains("command HttpAction.Post[postContent=5 bytes, type=TEXT]")
                .contains("= URC HttpRecv.Framed[length=6, data=6 bytes]")
                .contains("= URC HttpClosed[]")
                .contains("< #garbage#\n    ?? does not parse")
                .contains(
                        "> AT+HTTPPARA=bogus,1\n    ?? does not parse: no form of AT+HTTPPARA (chapter http) fits this line")
                .contains("2 lines did not parse");
    }

    @Test
    void decodesACaptureOfTheTcpChapterWithCountedAnswersAndAnswersThatEndTheirCommand(@TempDir Path dir)
            throws IOException {
        Path capture = dir.resolve("tcp.txt");
        Files.writeString(
                capture,
                String.join(
                        "\n",
                        "TX: AT+TCPSETUP=0,10.0.0.9,7\\r",
                        "RX: \\r\\nOK\\r\\n",
                        "RX: \\r\\n+TCPSETUP: 0,OK\\r\\n",
                        "RX: \\r\\n+TCPRECV: 0,6,ab\\r\\nOK\\r\\n",
                        // The answer counts its data: the OK inside is data, the one after ends it.
                        "TX: AT+TCPREAD=0,100\\r",
                        "RX: \\r\\n+TCPREAD: 0,6,ab\\r\\nOK\\r\\nOK\\r\\n",
                        "TX: AT+TCPACK=0\\r",
                        "RX: \\r\\n+TCPACK: 0,18446744073709551615,6\\r\\n",
                        // No OK follows an answer that ends its command; the next report is a URC.
                        "TX: AT+TCPCLOSE=0\\r",
                        "RX: \\r\\n+TCPCLOSE: 0,OK\\r\\n",
                        "RX: \\r\\n+TCPCLOSE: 1,Link Closed\\r\\n",
                        ""));
        Run run = Run.of("decode", capture.toString());
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out())
                .contains("= URC TcpSetupReport[n=0, result=OK (OK)] (chapter tcp)")
                .contains("(6 payload bytes)\n    = URC TcpRecv.Pushed[n=0, length=6, data=6 bytes]")
                .contains("(6 payload bytes)\n    = response to AT+TCPREAD=0,100: TcpReadResponse.Data[n=0, len=6,")
                .contains("< OK\n    = final result of AT+TCPREAD=0,100: OK")
                .contains("= response to AT+TCPACK=0, which it ends (no OK follows): TcpAckResponse.Counters[n=0,"
                        + " dataSent=18446744073709551615, ackedRecv=6]")
                .contains("= response to AT+TCPCLOSE=0, which it ends (no OK follows): TcpCloseResponse[n=0]")
                .contains("< +TCPCLOSE: 1,Link Closed\n    = URC TcpClosed[n=1] (chapter tcp)")
                .contains("0 lines did not parse");
    }

    @Test
    void decodesTheRuntimesOwnWireTrace(@TempDir Path dir) throws IOException {
        Path capture = dir.resolve("trace.log");
        Files.writeString(
                capture,
                String.join(
                        "\n",
                        "12:00:00.001 [main] DEBUG io.atspec.runtime.wire - host TX AT+XIIC?\\r",
                        "12:00:00.002 [reader] DEBUG io.atspec.runtime.wire - host RX +XIIC:    1,10.0.0.2",
                        "12:00:00.003 [reader] DEBUG io.atspec.runtime.wire - host RX OK",
                        "some other log line",
                        "12:00:00.004 [reader] DEBUG io.atspec.runtime.wire - host RX +HTTPRECV: 5, (+5 bytes)",
                        "12:00:00.005 [reader] DEBUG io.atspec.runtime.wire - host RX +HTTPCLOSED: HTTP Link Closed",
                        ""));
        Run run = Run.of("decode", capture.toString());
        assertThat(run.out())
                .contains("= command Xiic.Query[] (chapter network)")
                .contains("= response to AT+XIIC?: XiicResponse.WithState[state=1 (UP), ip=10.0.0.2]")
                .contains("(5 payload bytes, not in the trace)")
                .contains("data=5 bytes")
                .contains("= URC HttpClosed[]")
                .contains("0 lines did not parse");
    }

    @Test
    void theAnnotationOfAnAnswerMasksItsSecret(@TempDir Path dir) throws IOException {
        Path capture = dir.resolve("capture.txt");
        Files.writeString(
                capture,
                String.join(
                        "\n", "TX: AT+HTTPSCFG?\\r", "RX: +HTTPSCFG: 0,1,,ca.pem,cc.pem,ck-secret.pem", "RX: OK", ""));
        Run run = Run.of("decode", capture.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("= response to AT+HTTPSCFG?: HttpsCfgQueryResponse.All[sslversion=0 (SSL_3_0),"
                        + " authmode=1 (SERVER), cacert=ca.pem, clientcert=cc.pem, clientkey=***]");
    }

    @Test
    void annotatesARawCapture(@TempDir Path dir) throws IOException {
        Path capture = dir.resolve("raw.bin");
        Files.write(
                capture,
                ("AT+CSQ\r\r\n+CSQ: 24,0\r\n\r\nOK\r\n"
                                + "\r\n+HTTPRECV: 4,a\r\nb\r\n+HTTPCLOSED: HTTP Link Closed\r\n"
                                + "\u0001\u0002nonsense\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        Run run = Run.of("decode", capture.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains("= command Csq.Exec[]")
                .contains("= response to AT+CSQ: CsqResponse[rssi=24, ber=0]")
                .contains("data=4 bytes")
                .contains("= URC HttpClosed[]");
    }

    @Test
    void anErrorCodeIsExplainedFromThePendingCommandsTable(@TempDir Path dir) throws IOException {
        Path capture = dir.resolve("errors.txt");
        Files.writeString(
                capture,
                String.join(
                        "\n",
                        // 1001 is in FileHttpError, the table of AT+FILEHTTPACTION (http chapter).
                        "TX: AT+FILEHTTPACTION=0,0,524288\\r",
                        "RX: +CME ERROR: 1001",
                        // 10 is in no table of AT+HTTPSETUP: any chapter defining it (network's CmeError).
                        "TX: AT+HTTPSETUP\\r",
                        "RX: +CME ERROR: 10",
                        ""));
        Run run = Run.of("decode", capture.toString());
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out())
                .contains("= final result of AT+FILEHTTPACTION=0,0,524288: +CME ERROR: 1001 (PDP not active)")
                .contains("= final result of AT+HTTPSETUP: +CME ERROR: 10 (SIM not inserted in chapter network)");
    }

    @Test
    void aMissingCaptureIsOneLine(@TempDir Path dir) {
        Run run = Run.of("decode", dir.resolve("nope.txt").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip())
                .startsWith("atspec: error: cannot read")
                .contains("nope.txt")
                .doesNotContain("\n");
    }
}
