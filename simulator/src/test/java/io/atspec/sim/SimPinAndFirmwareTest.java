package io.atspec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.neoway.http.HttpCommands;
import io.atspec.neoway.http.HttpPara;
import io.atspec.neoway.http.HttpRequests;
import io.atspec.neoway.http.HttpSetup;
import io.atspec.neoway.network.AttachState;
import io.atspec.neoway.network.Cgatt;
import io.atspec.neoway.network.Cgdcont;
import io.atspec.neoway.network.Creg;
import io.atspec.neoway.network.CregMode;
import io.atspec.neoway.network.LinkState;
import io.atspec.neoway.network.NetworkCommands;
import io.atspec.neoway.network.NetworkRequests;
import io.atspec.neoway.network.PdpType;
import io.atspec.neoway.network.RegStatus;
import io.atspec.neoway.network.Xiic;
import io.atspec.neoway.network.XiicResponse;
import io.atspec.runtime.AtChannel;
import io.atspec.runtime.AtCommand;
import io.atspec.runtime.AtCommandFailedException;
import io.atspec.runtime.AtResponse;
import io.atspec.runtime.Urc;
import io.atspec.runtime.bind.AtRequest;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link SimulatorConfig#simPinRequired()} and {@link SimulatorConfig#firmware()}, through the generated bindings. */
class SimPinAndFirmwareTest {

    private static final SimulatorConfig CONFIG =
            SimulatorConfig.defaults().withPppDelay(Duration.ZERO).withCmeeMode(1);

    @Test
    void aSimWaitingForItsPinKeepsTheModuleOffTheNetworkUntilThePinIsEntered() throws Exception {
        try (NeowaySimulator module = NeowaySimulator.inMemory(CONFIG.withSimPinRequired(true));
                AtChannel channel = AtChannel.open(module.host())) {
            NetworkCommands net = new NetworkCommands(channel);
            HttpCommands http = new HttpCommands(channel);
            LinkedBlockingQueue<Urc> urcs = new LinkedBlockingQueue<>();
            channel.addListener(urcs::add);

            assertThat(net.cpinQuery().code()).isEqualTo("SIM PIN");
            // The radio works (signal), but without a ready SIM nothing registers or attaches.
            assertThat(net.csqExec().rssi()).isEqualTo(24);
            assertThat(net.cregQuery().stat().is(RegStatus.NOT_REGISTERED)).isTrue();
            assertThat(net.cgattQuery().state().is(AttachState.DETACHED)).isTrue();
            assertThat(cmeError(() -> net.cgatt(Cgatt.set(AttachState.ATTACHED))))
                    .isEqualTo("+CME ERROR: 30");
            net.cgdcont(Cgdcont.set(1, PdpType.IP, "CMNET"));
            assertThat(cmeError(() -> net.xiic(Xiic.activate()))).isEqualTo("+CME ERROR: 50");
            assertThat(net.xiicQuery().stateIs(LinkState.DOWN)).isTrue();
            // No data link: HTTP fails as without PPP.
            http.httpPara(HttpPara.url("www.neoway.com.cn/"));
            assertThatThrownBy(() -> http.httpSetup(HttpSetup.exec())).isInstanceOf(AtCommandFailedException.class);
            assertThat(at(channel, "AT+HTTPACTION=0").finalResult().line())
                    .isEqualTo("+HTTPACTION: SOCKET ID OPEN FAILED");

            // The spec has no AT+CPIN=<pin>: a line the bindings do not read.
            assertThat(cmeError(() -> channel.execute(AtCommand.of("AT+CPIN=\"1234\""))))
                    .isEqualTo("+CME ERROR: 50");
            // The network's changes wait for the SIM: no +CREG report before the PIN.
            net.creg(Creg.set(CregMode.STAT));
            module.setRegistration(RegStatus.REGISTERED_ROAMING);
            assertThat(net.cregQuery().stat().is(RegStatus.NOT_REGISTERED)).isTrue();
            module.enterPin();
            assertThat(urcs.poll(5, TimeUnit.SECONDS).line()).isEqualTo("+CREG: 5");
            assertThat(net.cpinQuery().code()).isEqualTo("READY");
            assertThat(net.cregQuery().stat().is(RegStatus.REGISTERED_ROAMING)).isTrue();
            assertThat(net.cgattQuery().state().is(AttachState.ATTACHED)).isTrue();
            net.xiic(Xiic.activate());
            assertThat(module.pppUp()).isTrue();
        }
    }

    @Test
    void theSimLocksAgainAfterAReboot() throws Exception {
        try (NeowaySimulator module = NeowaySimulator.inMemory(CONFIG.withSimPinRequired(true));
                AtChannel channel = AtChannel.open(module.host())) {
            NetworkCommands net = new NetworkCommands(channel);
            LinkedBlockingQueue<Urc> urcs = new LinkedBlockingQueue<>();
            channel.addListener(urcs::add);
            module.enterPin();
            assertThat(net.cpinQuery().code()).isEqualTo("READY");
            module.reboot();
            assertThat(urcs.poll(5, TimeUnit.SECONDS).line()).isEqualTo("+PBREADY");
            assertThat(net.cpinQuery().code()).isEqualTo("SIM PIN");
            assertThat(net.cregQuery().stat().is(RegStatus.NOT_REGISTERED)).isTrue();
        }
    }

    @Test
    void aReadySimIgnoresEnterPin() {
        try (NeowaySimulator module = NeowaySimulator.inMemory(CONFIG);
                AtChannel channel = AtChannel.open(module.host())) {
            NetworkCommands net = new NetworkCommands(channel);
            module.enterPin();
            assertThat(net.cpinQuery().code()).isEqualTo("READY");
            assertThat(net.cregQuery().stat().is(RegStatus.REGISTERED_HOME)).isTrue();
        }
    }

    @Test
    void olderM590FirmwareAnswersXiicWithTheAddressOnly() {
        try (NeowaySimulator module = NeowaySimulator.inMemory(CONFIG.withFirmware(Firmware.OLD_M590));
                AtChannel channel = AtChannel.open(module.host())) {
            NetworkCommands net = new NetworkCommands(channel);
            assertThat(at(channel, "AT+XIIC?").lines()).containsExactly("+XIIC: 0.0.0.0");
            XiicResponse before = net.xiicQuery();
            assertThat(before).isEqualTo(new XiicResponse.AddressOnly("0.0.0.0"));

            net.cgdcont(Cgdcont.set(1, PdpType.IP, "CMNET"));
            // Without a state field there is nothing for the binding's completion poll to wait for:
            // AT+XIIC=1 alone, then the address shows the link.
            assertThat(at(channel, "AT+XIIC=1").finalResult().line()).isEqualTo("OK");
            XiicResponse after = net.xiicQuery();
            assertThat(after).isEqualTo(new XiicResponse.AddressOnly("10.0.0.2"));
        }
    }

    @Test
    void n58FirmwareIsTheDefault() {
        assertThat(SimulatorConfig.defaults().firmware()).isEqualTo(Firmware.N58);
        assertThat(Firmware.N58.xiicLine(false, "10.0.0.2")).isEqualTo("+XIIC:    0,0.0.0.0");
        assertThat(Firmware.N58.xiicLine(true, "10.0.0.2")).isEqualTo("+XIIC:    1,10.0.0.2");
        assertThat(Firmware.OLD_M590.xiicLine(true, "10.0.0.2")).isEqualTo("+XIIC: 10.0.0.2");
    }

    /** A line as the bindings read it, sent without completion; the answer, failed or not. */
    private static AtResponse at(AtChannel channel, String line) {
        AtRequest request = HttpRequests.parse(line, null)
                .or(() -> NetworkRequests.parse(line, null))
                .orElseThrow();
        try {
            return channel.execute(request.command());
        } catch (AtCommandFailedException failed) {
            return failed.response();
        }
    }

    /** The final line of a command that must fail. */
    private static String cmeError(Runnable command) {
        try {
            command.run();
        } catch (AtCommandFailedException failed) {
            return failed.finalResult().line();
        }
        throw new AssertionError("the command did not fail");
    }
}
