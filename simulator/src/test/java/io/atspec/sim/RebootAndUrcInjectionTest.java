package io.atspec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.neoway.http.ContentType;
import io.atspec.neoway.http.HttpAction;
import io.atspec.neoway.http.HttpActionOutcome;
import io.atspec.neoway.http.HttpCommands;
import io.atspec.neoway.http.HttpPara;
import io.atspec.neoway.http.HttpRecv;
import io.atspec.neoway.http.HttpSetup;
import io.atspec.neoway.http.HttpsCfg;
import io.atspec.neoway.http.HttpsPara;
import io.atspec.neoway.http.HttpsSetup;
import io.atspec.neoway.http.RecvMode;
import io.atspec.neoway.http.SslVersion;
import io.atspec.neoway.network.Cgdcont;
import io.atspec.neoway.network.CregReport;
import io.atspec.neoway.network.LinkState;
import io.atspec.neoway.network.NetworkCommands;
import io.atspec.neoway.network.PbReady;
import io.atspec.neoway.network.PdpType;
import io.atspec.neoway.network.RegStatus;
import io.atspec.runtime.AtChannel;
import io.atspec.runtime.AtChannelConfig;
import io.atspec.runtime.AtCommandFailedException;
import io.atspec.runtime.ModuleRebootedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Unexpected reboots and URCs injected at chosen moments (OutputTrigger), through the generated
 * facades: no sleeps, no timing assertions; every moment is a message of the module's own output.
 */
class RebootAndUrcInjectionTest {

    private static final SimulatorConfig CONFIG = SimulatorConfig.defaults().withPppDelay(Duration.ZERO);

    @RegisterExtension
    static final TestHttpServer server = TestHttpServer.perClass();

    private NeowaySimulator module;
    private AtChannel channel;

    @BeforeEach
    void open() {
        module = NeowaySimulator.inMemory(CONFIG);
        channel = AtChannel.open(module.host(), AtChannelConfig.defaults().withRebootIndicators("+PBREADY"));
    }

    @AfterEach
    void close() {
        channel.close();
        module.close();
    }

    @Test
    void aRebootMidTransferFailsTheActionAnnouncesPbreadyAndANewAttachWorks() throws Exception {
        byte[] body = EndToEndTest.random(13842, 51);
        String path = server.file("reboot-mid-transfer", body);
        NetworkCommands net = LinkDriver.attach(channel);
        CompletableFuture<PbReady> ready = new CompletableFuture<>();
        net.on(PbReady.class, ready::complete);
        HttpCommands http = LinkDriver.setUp(channel, server.port(), path, RecvMode.LENGTH);

        module.reboot(OutputTrigger.before("+HTTPRECV:", 3)); // after two chunks of fourteen
        assertThatThrownBy(() -> http.httpAction(HttpAction.get()))
                .isInstanceOf(ModuleRebootedException.class)
                .hasMessageContaining("AT+HTTPACTION")
                .hasMessageContaining("+PBREADY");
        assertThat(ready.get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(module.reboots()).isEqualTo(1);
        assertThat(channel.stats().reboots()).isEqualTo(1);

        // The module dropped its state: PPP is down, the HTTP link and its settings are gone.
        assertThat(module.pppUp()).isFalse();
        assertThat(net.xiicQuery().stateIs(LinkState.DOWN)).isTrue();
        // ... and the channel keeps working: attach again, fetch the whole body.
        LinkDriver.attach(channel);
        assertThat(LinkDriver.get(channel, server.port(), path, RecvMode.LENGTH).bodySha256())
                .isEqualTo(HttpMessage.sha256(body));
    }

    @Test
    void aRebootClearsTheHttpAndTheHttpsSettings() throws Exception {
        NetworkCommands net = LinkDriver.attach(channel);
        CompletableFuture<PbReady> ready = new CompletableFuture<>();
        net.on(PbReady.class, ready::complete);
        HttpCommands http = new HttpCommands(channel);
        http.httpPara(HttpPara.url("127.0.0.1/files/x"));
        http.httpPara(HttpPara.port(server.port()));
        http.httpsPara(HttpsPara.url("127.0.0.1/files/x"));
        http.httpsPara(HttpsPara.port(server.port()));
        http.httpsCfg(HttpsCfg.sslversion(SslVersion.TLS_1_3));

        module.reboot();
        assertThat(ready.get(5, TimeUnit.SECONDS)).isNotNull();

        // Like a real reboot: HTTPPARA, HTTPSPARA and HTTPSCFG are as at boot. With PPP up again,
        // neither set-up has a url to go to.
        LinkDriver.attach(channel);
        assertThatThrownBy(() -> http.httpSetup(HttpSetup.exec())).isInstanceOf(AtCommandFailedException.class);
        assertThatThrownBy(() -> http.httpsSetup(HttpsSetup.exec())).isInstanceOf(AtCommandFailedException.class);
        assertThat(http.httpsCfgQuery().sslversionIs(SslVersion.TLS_1_2)).isTrue();
    }

    @Test
    void aRebootBeforeTheFinalResultFailsThePendingCommandAndTheNextOneWorks() {
        NetworkCommands net = new NetworkCommands(channel);
        module.reboot(OutputTrigger.before("OK"));
        assertThatThrownBy(net::csqExec)
                .isInstanceOf(ModuleRebootedException.class)
                .hasMessageContaining("AT+CSQ");
        assertThat(net.csqExec().rssi()).isEqualTo(24);
    }

    @Test
    void aRebootInsteadOfThePromptIgnoresTheRestOfThePost() {
        LinkDriver.attach(channel);
        HttpCommands http = LinkDriver.setUp(channel, server.port(), "/echo", RecvMode.LENGTH);
        module.reboot(OutputTrigger.before(">"));
        byte[] body = "AT+CSQ\r".getBytes(StandardCharsets.US_ASCII); // would be a command if the module read it as one
        assertThatThrownBy(() -> http.httpAction(HttpAction.post(body, ContentType.TEXT)))
                .isInstanceOf(ModuleRebootedException.class);
        // The module did not wait for the payload: the next command is answered at once.
        NetworkCommands net = new NetworkCommands(channel);
        assertThat(net.cpinQuery().code()).isEqualTo("READY");
        LinkDriver.attach(channel);
        HttpActionOutcome echoed = LinkDriver.setUp(channel, server.port(), "/echo", RecvMode.LENGTH)
                .httpAction(HttpAction.post(body, ContentType.TEXT));
        assertThat(HttpMessage.of(echoed.data()).body()).isEqualTo(body);
    }

    @Test
    void aUrcInjectedInsideAResponseReachesItsListenerAndTheResponseStillParses() throws Exception {
        NetworkCommands net = new NetworkCommands(channel);
        CompletableFuture<CregReport> creg = new CompletableFuture<>();
        net.on(CregReport.class, creg::complete);
        module.injectUrc("+CREG: 5", OutputTrigger.before("OK"));
        assertThat(net.csqExec().rssi()).isEqualTo(24);
        assertThat(creg.get(5, TimeUnit.SECONDS).stat().is(RegStatus.REGISTERED_ROAMING))
                .isTrue();
    }

    @Test
    void aUrcInjectedBetweenTheLinesOfAMultiLineResponse() throws Exception {
        NetworkCommands net = new NetworkCommands(channel);
        net.cgdcont(Cgdcont.set(1, PdpType.IP, "CMNET"));
        net.cgdcont(Cgdcont.set(2, PdpType.IP, "INTERNET"));
        CompletableFuture<CregReport> creg = new CompletableFuture<>();
        net.on(CregReport.class, creg::complete);
        module.injectUrc("+CREG: 5", OutputTrigger.before("+CGDCONT:", 2));
        assertThat(net.cgdcontQuery()).isNotNull();
        assertThat(channel.execute(Cgdcont.query().command()).lines()).hasSize(2);
        assertThat(creg.get(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void aUrcInjectedInTheMiddleOfATransferReachesItsListenerAndTheBodyIsIntact() throws Exception {
        byte[] body = EndToEndTest.random(13842, 52);
        String path = server.file("urc-mid-transfer", body);
        NetworkCommands net = LinkDriver.attach(channel);
        CompletableFuture<CregReport> creg = new CompletableFuture<>();
        net.on(CregReport.class, creg::complete);
        HttpCommands http = LinkDriver.setUp(channel, server.port(), path, RecvMode.LENGTH);
        module.injectUrc("+CREG: 5", OutputTrigger.before("+HTTPRECV:", 4));
        HttpActionOutcome outcome = http.httpAction(HttpAction.get());
        assertThat(HttpMessage.of(outcome.data()).bodySha256()).isEqualTo(HttpMessage.sha256(body));
        assertThat(outcome.reports()).filteredOn(HttpRecv.class::isInstance).hasSizeGreaterThan(4);
        assertThat(creg.get(5, TimeUnit.SECONDS).stat().is(RegStatus.REGISTERED_ROAMING))
                .isTrue();
    }
}
