package io.atspec.neoway.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.runtime.AtChannel;
import io.atspec.runtime.AtCommandFailedException;
import io.atspec.runtime.AtTimeoutException;
import io.atspec.runtime.FinalResult;
import io.atspec.runtime.bind.Registration;
import io.atspec.runtime.testing.ScriptedModem;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The network attach bindings through the real runtime and a scripted modem. */
// "try": listener registrations live in try-with-resources only to be closed at its end.
@SuppressWarnings("try")
class NetworkEndToEndTest {

    /** Generous bound for a queue poll: never reached unless the test is broken. */
    private static final long NEVER_SECONDS = 20;

    private ScriptedModem modem;
    private AtChannel channel;
    private NetworkCommands net;

    @BeforeEach
    void connect() {
        modem = ScriptedModem.inMemory(5).chunks(1, 5);
        channel = AtChannel.open(modem.host());
        net = new NetworkCommands(channel);
    }

    @AfterEach
    void disconnect() {
        channel.close();
        modem.close();
    }

    @Test
    void activatingThePppLinkPollsTheQueryUntilTheStateIsUp() {
        AtomicInteger queries = new AtomicInteger();
        modem.when("AT+XIIC=1", r -> r.ok());
        // The link comes up between the first and the second query, as on a real module.
        modem.when("AT+XIIC?", r -> {
            if (queries.getAndIncrement() == 0) {
                r.line("+XIIC:    0,0.0.0.0").ok();
            } else {
                r.line("+XIIC:    1,10.107.216.162").ok();
            }
        });

        XiicOutcome outcome = net.xiic(Xiic.activate());

        assertThat(modem.received()).containsExactly("AT+XIIC=1", "AT+XIIC?", "AT+XIIC?");
        assertThat(outcome.result()).hasValueSatisfying(answer -> {
            assertThat(answer.stateIs(LinkState.UP)).isTrue();
            assertThat(answer.ip()).isEqualTo("10.107.216.162");
        });
    }

    @Test
    void aCallersTimeoutReplacesTheManualsForOneCall() {
        CountDownLatch release = new CountDownLatch(1);
        // The module stays silent until the host has given up.
        modem.when("AT+CGATT=1", r -> r.await(release).ok());
        modem.when("AT+CPIN?", r -> r.await(release).line("+CPIN: READY").ok());

        try {
            assertThatThrownBy(() -> net.cgatt(Cgatt.set(AttachState.ATTACHED), Duration.ofMillis(40)))
                    .isInstanceOf(AtTimeoutException.class)
                    .hasMessageContaining("AT+CGATT=1")
                    .hasMessageContaining("after 40 ms");
            assertThatThrownBy(() -> net.cpinQuery(Duration.ofMillis(30)))
                    .isInstanceOf(AtTimeoutException.class)
                    .hasMessageContaining("after 30 ms");
        } finally {
            release.countDown();
        }
    }

    @Test
    void deactivatingDoesNotPoll() {
        modem.when("AT+XIIC=0", r -> r.ok());

        XiicOutcome outcome = net.xiic(Xiic.deactivate());

        assertThat(outcome.result()).isEmpty();
        assertThat(modem.received()).containsExactly("AT+XIIC=0");
    }

    @Test
    void noSimIsACmeErrorOfTheActivation() {
        modem.when("AT+XIIC=1", r -> r.line("+CME ERROR: 50"));

        assertThatThrownBy(() -> net.xiic(Xiic.activate()))
                .isInstanceOfSatisfying(
                        AtCommandFailedException.class,
                        e -> assertThat(e.finalResult()).isEqualTo(new FinalResult.CmeError(50, null)));
        assertThat(CmeError.of("50")).isEqualTo(CmeError.INCORRECT_PARAMETERS);
    }

    @Test
    void theUsualBringUpOrder() {
        modem.echo(true);
        modem.when("AT+CPIN?", r -> r.line("+CPIN: READY").ok());
        modem.when("AT+CSQ", r -> r.line("+CSQ: 24,99").ok());
        modem.when("AT+CGATT?", r -> r.line("+CGATT: 1").ok());
        modem.when("AT+CGDCONT=1,\"IP\",\"CMNET\"", r -> r.ok());
        modem.when("AT+XGAUTH=1,1,\"gprs\",\"s3cret\"", r -> r.ok());
        modem.when("AT+XIIC=1", r -> r.ok());
        modem.when("AT+XIIC?", r -> r.line("+XIIC:    1,10.0.0.1").ok());

        assertThat(net.cpinQuery().code()).isEqualTo("READY");
        assertThat(net.csqExec().rssi()).isEqualTo(24);
        assertThat(net.cgattQuery().state().value()).contains(AttachState.ATTACHED);
        net.cgdcont(Cgdcont.set(1, PdpType.IP, "CMNET"));
        net.xgauth(Xgauth.set(1, AuthType.PAP, "gprs", "s3cret"));
        XiicOutcome link = net.xiic(Xiic.activate());

        assertThat(link.result())
                .hasValueSatisfying(answer -> assertThat(answer.ip()).isEqualTo("10.0.0.1"));
        assertThat(modem.received())
                .containsExactly(
                        "AT+CPIN?",
                        "AT+CSQ",
                        "AT+CGATT?",
                        "AT+CGDCONT=1,\"IP\",\"CMNET\"",
                        "AT+XGAUTH=1,1,\"gprs\",\"s3cret\"",
                        "AT+XIIC=1",
                        "AT+XIIC?");
    }

    @Test
    void cregIsTheQuerysAnswerWhilePendingAndAReportOtherwise() throws InterruptedException {
        BlockingQueue<CregReport> reports = new LinkedBlockingQueue<>();
        // The report comes before the OK: while AT+CREG=2 is pending, a +CREG: line is not its
        // answer (the set form has none), so it must be a URC. (After the OK it could race with
        // the next AT+CREG?, whose answer it would then be: that is the protocol, not a bug.)
        modem.when("AT+CREG=2", r -> r.urc("+CREG: 5,\"1A2B\",\"01C3D4E5\",7").ok());
        modem.when("AT+CREG?", r -> r.line("+CREG: 2,5,\"1A2B\",\"01C3D4E5\",7").ok());

        try (Registration registration = net.on(CregReport.class, reports::add)) {
            net.creg(Creg.set(CregMode.STAT_LOCATION));
            CregQueryResponse answer = net.cregQuery();

            assertThat(answer.n().value()).contains(CregMode.STAT_LOCATION);
            assertThat(answer.stat().value()).contains(RegStatus.REGISTERED_ROAMING);
            CregReport report = reports.poll(NEVER_SECONDS, TimeUnit.SECONDS);
            assertThat(report).isNotNull();
            assertThat(report.stat().value()).contains(RegStatus.REGISTERED_ROAMING);
            assertThat(report.act()).hasValue(7);
        }
    }

    /** One method per form: the set form's own, and the query's typed shortcut, blocking or not. */
    @Test
    void eachFormHasItsOwnMethodAndTheQueryShortcutHasAnAsyncTwin() throws Exception {
        modem.when("AT+CGATT=1", r -> r.ok());
        modem.when("AT+CGATT?", r -> r.line("+CGATT: 1").ok());

        assertThat(net.cgatt(Cgatt.set(AttachState.ATTACHED)).finalResult()).isEqualTo(FinalResult.OK);
        CgattQueryResponse now = net.cgattQueryAsync().get(NEVER_SECONDS, TimeUnit.SECONDS);
        assertThat(now.state().is(AttachState.ATTACHED)).isTrue();
        CgattQueryResponse again = net.cgattQueryAsync(Duration.ofSeconds(5)).get(NEVER_SECONDS, TimeUnit.SECONDS);
        assertThat(again.state().is(AttachState.ATTACHED)).isTrue();
        assertThat(modem.received()).containsExactly("AT+CGATT=1", "AT+CGATT?", "AT+CGATT?");
    }

    @Test
    void aCommandWithACompletionHasOneMethodPerFormAndItsQueryOnlyTheShortcut() {
        // AT+XIIC=1 is polled, AT+XIIC=0 is not, AT+XIIC? is xiicQuery(): no method takes every form.
        assertThat(java.util.Arrays.stream(NetworkCommands.class.getMethods())
                        .filter(m -> m.getName().equals("xiic") || m.getName().equals("xiicAsync"))
                        .map(m -> m.getParameterTypes()[0])
                        .distinct())
                .containsExactlyInAnyOrder(Xiic.Activate.class, Xiic.Deactivate.class);
    }

    @Test
    void detachingWhilePppIsUpReportsGprsDisconnection() throws InterruptedException {
        BlockingQueue<NetworkUrc> reports = new LinkedBlockingQueue<>();
        modem.when("AT+CGATT=0", r -> r.ok().urc("GPRS DISCONNECTION"));

        try (Registration registration = net.listen(reports::add)) {
            net.cgatt(Cgatt.set(AttachState.DETACHED));

            assertThat(reports.poll(NEVER_SECONDS, TimeUnit.SECONDS)).isInstanceOf(GprsDisconnection.class);
        }
    }
}
