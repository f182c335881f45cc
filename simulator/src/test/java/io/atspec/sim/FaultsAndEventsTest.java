package io.atspec.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.neoway.http.HttpAction;
import io.atspec.neoway.http.HttpActionOutcome;
import io.atspec.neoway.http.HttpClose;
import io.atspec.neoway.http.HttpCloseResult;
import io.atspec.neoway.http.HttpCommands;
import io.atspec.neoway.http.HttpSetup;
import io.atspec.neoway.http.RecvMode;
import io.atspec.neoway.network.Creg;
import io.atspec.neoway.network.CregMode;
import io.atspec.neoway.network.CregReport;
import io.atspec.neoway.network.NetworkCommands;
import io.atspec.neoway.network.RegStatus;
import io.atspec.runtime.AtChannel;
import io.atspec.runtime.AtCommandFailedException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fault profile (slow, chunked link), network events the test drives, and HTTPCLOSE. */
class FaultsAndEventsTest {

    @RegisterExtension
    static final TestHttpServer server = TestHttpServer.perClass();

    @ParameterizedTest(name = "recvmode {0}")
    @EnumSource(RecvMode.class)
    void aSlowLinkInSevenByteChunksStillDeliversEveryByte(RecvMode mode) throws Exception {
        byte[] body = EndToEndTest.random(13842, 11);
        String path = server.file("slow-" + mode, body);
        SimulatorConfig config = SimulatorConfig.defaults()
                .withPppDelay(Duration.ZERO)
                .withFaults(FaultProfile.none().withChunks(7).withRate(400_000));
        try (NeowaySimulator module = NeowaySimulator.inMemory(config);
                AtChannel channel = AtChannel.open(module.host())) {
            HttpCommands http = ready(channel, path, mode);
            HttpActionOutcome outcome = http.httpAction(HttpAction.get());
            assertThat(HttpMessage.of(outcome.data()).bodySha256()).isEqualTo(HttpMessage.sha256(body));
        }
    }

    @Test
    void registrationChangesAreReportedWhenCregAskedForThem() throws Exception {
        try (NeowaySimulator module = NeowaySimulator.inMemory(SimulatorConfig.defaults());
                AtChannel channel = AtChannel.open(module.host())) {
            NetworkCommands net = new NetworkCommands(channel);
            net.creg(Creg.set(CregMode.STAT_LOCATION));
            CompletableFuture<CregReport> report = new CompletableFuture<>();
            net.on(CregReport.class, report::complete);
            module.setRegistration(RegStatus.REGISTERED_ROAMING);
            CregReport urc = report.get(5, TimeUnit.SECONDS);
            assertThat(urc.stat().is(RegStatus.REGISTERED_ROAMING)).isTrue();
            assertThat(urc.lac()).contains("1A2B");
            assertThat(net.cregQuery().stat().is(RegStatus.REGISTERED_ROAMING)).isTrue();
        }
    }

    @Test
    void httpCloseClosesTheLinkReportsItAndClearsTheParameters() throws Exception {
        try (NeowaySimulator module =
                        NeowaySimulator.inMemory(SimulatorConfig.defaults().withPppDelay(Duration.ZERO));
                AtChannel channel = AtChannel.open(module.host())) {
            HttpCommands http = ready(channel, "/echo", RecvMode.DEFAULT);
            CompletableFuture<HttpCloseResult> closed = new CompletableFuture<>();
            http.on(HttpCloseResult.class, closed::complete);
            http.httpClose(HttpClose.exec());
            assertThat(closed.get(5, TimeUnit.SECONDS)).isInstanceOf(HttpCloseResult.Closed.class);
            // HTTPPARA was cleared: there is no url to connect to.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.httpSetup(HttpSetup.exec()))
                    .isInstanceOf(AtCommandFailedException.class);
            // Without a link, HTTPCLOSE is just OK.
            http.httpClose(HttpClose.exec());
        }
    }

    @Test
    void theXgauthPasswordNeverReachesALog() {
        assertThat(ModuleSession.masked("AT+XGAUTH=1,1,\"user\",\"s3cret\"")).doesNotContain("s3cret");
        assertThat(ModuleSession.masked("AT+CSQ")).isEqualTo("AT+CSQ");
        assertThat(new PdpAuth(1, io.atspec.neoway.network.AuthType.PAP, "user", "s3cret").toString())
                .doesNotContain("s3cret");
    }

    /** Attached, and HTTPSETUP done to {@code path} on this class's server. */
    private static HttpCommands ready(AtChannel channel, String path, RecvMode mode) {
        LinkDriver.attach(channel);
        return LinkDriver.setUp(channel, server.port(), path, mode);
    }
}
