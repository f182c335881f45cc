package io.atspec.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact bytes a simulated module sends, seen by a raw host (no AtChannel in between). */
class SimulatorWireTest {

    private NeowaySimulator module;
    private WireProbe host;
    private TestHttpServer server;

    private void boot(SimulatorConfig config) throws Exception {
        module = NeowaySimulator.inMemory(config);
        host = new WireProbe(module.host().input(), module.host().output());
    }

    @AfterEach
    void tearDown() {
        if (module != null) {
            module.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void echoIsOnAtBootAndAte0TurnsItOff() throws Exception {
        boot(SimulatorConfig.defaults());
        host.send("AT\r");
        assertThat(host.until("\r\nOK\r\n")).isEqualTo("AT\r\r\nOK\r\n");
        host.send("ATE0\r");
        assertThat(host.until("\r\nOK\r\n")).isEqualTo("ATE0\r\r\nOK\r\n");
        host.send("AT\r\n");
        assertThat(host.until("\r\nOK\r\n")).isEqualTo("\r\nOK\r\n");
    }

    @Test
    void commandNamesAreCaseInsensitiveAndSpacesIgnored() throws Exception {
        boot(SimulatorConfig.defaults().withEcho(false));
        host.send("at+csq\r");
        assertThat(host.until("\r\nOK\r\n")).isEqualTo("\r\n+CSQ: 24,0\r\n\r\nOK\r\n");
        host.send("AT+HTTPPARA =url, 127.0.0.1/x\r");
        assertThat(host.until("\r\nOK\r\n")).isEqualTo("\r\nOK\r\n");
    }

    @Test
    void errorsFollowTheCmeeMode() throws Exception {
        boot(SimulatorConfig.defaults().withEcho(false));
        host.send("AT+CGDCONT=9,\"IP\",\"x\"\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\nERROR\r\n");
        host.send("AT+CMEE=1\rAT+CGDCONT=9\r");
        assertThat(host.until("+CME ERROR: 50\r\n")).isEqualTo("\r\nOK\r\n\r\n+CME ERROR: 50\r\n");
        host.send("AT+CMEE=2\rAT+HTTPPARA=url,\r");
        assertThat(host.until("+CME ERROR: incorrect parameters\r\n"))
                .isEqualTo("\r\nOK\r\n\r\n+CME ERROR: incorrect parameters\r\n");
        // An unknown command is plain ERROR in every mode.
        host.send("AT+NOSUCH\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\nERROR\r\n");
    }

    @Test
    void xiicQueryHasFourSpacesAndComesUpAfterActivation() throws Exception {
        boot(SimulatorConfig.defaults().withEcho(false).withPppDelay(Duration.ZERO));
        host.send("AT+XIIC?\r");
        assertThat(host.until("OK\r\n")).isEqualTo("\r\n+XIIC:    0,0.0.0.0\r\n\r\nOK\r\n");
        host.send("AT+XIIC=1\rAT+XIIC?\r");
        assertThat(host.until("+XIIC:    1,10.0.0.2\r\n\r\nOK\r\n")).startsWith("\r\nOK\r\n");
    }

    @Test
    void withoutSimTheAttachCommandsFailAsOnARealModule() throws Exception {
        boot(SimulatorConfig.defaults().withEcho(false).withSimInserted(false).withCmeeMode(1));
        host.send("AT+CPIN?\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+CME ERROR: 10\r\n");
        host.send("AT+XIIC=1\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+CME ERROR: 50\r\n");
    }

    @Test
    void xgauthNeedsAContextFirst() throws Exception {
        boot(SimulatorConfig.defaults().withEcho(false).withCmeeMode(1));
        host.send("AT+XGAUTH=1,1,\"u\",\"p\"\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+CME ERROR: 3\r\n");
        host.send("AT+CGDCONT=1,\"IP\",\"CMNET\"\rAT+XGAUTH=1,1,\"u\",\"p\"\rAT+CGDCONT?\r");
        assertThat(host.until("OK\r\n\r\nOK\r\n\r\n+CGDCONT: 1,\"IP\",\"CMNET\",\"0.0.0.0\",0,0\r\n\r\nOK\r\n"))
                .isNotEmpty();
    }

    @Test
    void withoutPppHttpFailsTheWayTheManualSays() throws Exception {
        boot(SimulatorConfig.defaults().withEcho(false));
        host.send("AT+HTTPPARA=url,127.0.0.1/x\r");
        host.until("OK\r\n");
        host.send("AT+HTTPSETUP\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\nERROR\r\n");
        host.send("AT+HTTPACTION=0\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+HTTPACTION: SOCKET ID OPEN FAILED\r\n");
        // A POST gets no prompt either.
        host.send("AT+HTTPACTION=2,5\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+HTTPACTION: SOCKET ID OPEN FAILED\r\n");
    }

    @Test
    void postPromptIsCrLfGreaterThanWithNoLineEndThenRawHttpInRecvmode0() throws Exception {
        server = new TestHttpServer();
        boot(SimulatorConfig.defaults().withEcho(false).withPppDelay(Duration.ZERO));
        host.send("AT+XIIC=1\rAT+HTTPPARA=url,127.0.0.1/echo\rAT+HTTPPARA=port," + server.port() + "\rAT+HTTPSETUP\r");
        host.until("OK\r\n\r\nOK\r\n\r\nOK\r\n\r\nOK\r\n");
        host.send("AT+HTTPACTION=2,6,2\r");
        assertThat(host.until(">")).isEqualTo("\r\n>");
        host.send("\r\nOK\r\n");
        String answer = host.until("\r\n+HTTPCLOSED: HTTP Link Closed\r\n");
        assertThat(answer).startsWith("\r\nOK\r\n\r\n+HTTPRECV:\r\nHTTP/1.1 200 OK\r\n");
        assertThat(answer).contains("X-request-content-type: application/json");
        assertThat(answer).endsWith("\r\n\r\n\r\nOK\r\n\r\n+HTTPCLOSED: HTTP Link Closed\r\n");
    }

    @Test
    void aLengthOutsideTheRangeGetsNoPrompt() throws Exception {
        boot(SimulatorConfig.defaults().withEcho(false).withCmeeMode(1));
        host.send("AT+HTTPACTION=2,2049\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+CME ERROR: 50\r\n");
        host.send("AT+HTTPACTION=2,adasd\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+CME ERROR: 50\r\n");
    }
}
