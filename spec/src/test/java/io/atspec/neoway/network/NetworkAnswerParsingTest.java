package io.atspec.neoway.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.runtime.Urc;
import io.atspec.runtime.bind.Coded;
import io.atspec.runtime.bind.WireParseException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The network chapter's responses and URCs, read from the lines real modules send. */
class NetworkAnswerParsingTest {

    @Test
    void simState() {
        assertThat(CpinResponse.parse("+CPIN: READY").code()).isEqualTo("READY");
        assertThat(CpinResponse.parse("+CPIN: SIM PIN").code()).isEqualTo("SIM PIN");
    }

    @Test
    void signalQuality() {
        CsqResponse csq = CsqResponse.parse("+CSQ: 24,99");
        assertThat(csq.rssi()).isEqualTo(24);
        assertThat(csq.ber()).isEqualTo(99);
    }

    @Test
    void registrationQueryWithAndWithoutLocation() {
        CregQueryResponse searching = CregQueryResponse.parse("+CREG: 2,2");
        assertThat(searching.n().value()).contains(CregMode.STAT_LOCATION);
        assertThat(searching.stat().value()).contains(RegStatus.SEARCHING);
        assertThat(searching.lac()).isEmpty();
        assertThat(searching.ci()).isEmpty();
        assertThat(searching.act()).isEmpty();

        CregQueryResponse located = CregQueryResponse.parse("+CREG: 2,1,\"1A2B\",\"01C3D4E5\",7");
        assertThat(located.stat().value()).contains(RegStatus.REGISTERED_HOME);
        assertThat(located.lac()).contains("1A2B");
        assertThat(located.ci()).contains("01C3D4E5");
        assertThat(located.act()).hasValue(7);

        assertThat(CregTestResponse.parse("+CREG: (0-2)")).isNotNull();
    }

    @Test
    void registrationStatusTheSpecDoesNotListIsKept() {
        CregQueryResponse odd = CregQueryResponse.parse("+CREG: 0,11");
        assertThat(odd.stat()).isEqualTo(new Coded<RegStatus>("11", Optional.empty()));
    }

    @Test
    void registrationReports() {
        assertThat(NetworkUrc.parse(Urc.of("+CREG: 1")))
                .hasValueSatisfying(
                        u -> assertThat(((CregReport) u).stat().value()).contains(RegStatus.REGISTERED_HOME));

        CregReport roaming = CregReport.parse(Urc.of("+CREG: 5,\"1A2B\",\"01C3D4E5\",7"));
        assertThat(roaming.stat().value()).contains(RegStatus.REGISTERED_ROAMING);
        assertThat(roaming.lac()).contains("1A2B");
        assertThat(roaming.ci()).contains("01C3D4E5");
        assertThat(roaming.act()).hasValue(7);

        CregReport withoutAct = CregReport.parse(Urc.of("+CREG: 2,\"1A2B\",\"01C3D4E5\""));
        assertThat(withoutAct.act()).isEmpty();
    }

    @Test
    void attachState() {
        assertThat(CgattQueryResponse.parse("+CGATT: 1").state().value()).contains(AttachState.ATTACHED);
        assertThat(CgattQueryResponse.parse("+CGATT: 0").state().value()).contains(AttachState.DETACHED);
        assertThat(CgattTestResponse.parse("+CGATT: (0-1)")).isNotNull();
    }

    @Test
    void pdpContext() {
        CgdcontQueryResponse context = CgdcontQueryResponse.parse("+CGDCONT: 1,\"IP\",\"CMNET\",\"0.0.0.0\",0,0");

        assertThat(context.cid()).isEqualTo(1);
        assertThat(context.pdpType().value()).contains(PdpType.IP);
        assertThat(context.apn()).isEqualTo("CMNET");
        assertThat(context.pdpAddr()).isEqualTo("0.0.0.0");
        assertThat(context.dComp()).isZero();
        assertThat(context.hComp()).isZero();
        assertThat(CgdcontTestResponse.parse("+CGDCONT: (1-7),(IP,IPV6,IPV4V6,PPP,Non-IP),(0-3),(0-4)"))
                .isNotNull();
    }

    @Test
    void pppLinkWithTheRunOfSpacesRealModulesSend() {
        XiicResponse up = XiicResponse.parse("+XIIC:    1,10.0.0.1");
        // One level of optionality: the shape with a state has a Coded, not an Optional of one.
        assertThat(up).isEqualTo(new XiicResponse.WithState(Coded.of(LinkState.UP), "10.0.0.1"));
        assertThat(up.ip()).isEqualTo("10.0.0.1");

        XiicResponse down = XiicResponse.parse("+XIIC:    0,0.0.0.0");
        assertThat(down)
                .isInstanceOfSatisfying(
                        XiicResponse.WithState.class,
                        s -> assertThat(s.state().value()).contains(LinkState.DOWN));
        assertThat(down.ip()).isEqualTo("0.0.0.0");

        assertThat(XiicResponse.parse("+XIIC: 1,10.107.216.162").ip()).isEqualTo("10.107.216.162");
    }

    @Test
    void theLinkStateIsTestedWithItsConstantWhetherAbsentKnownOrUnknown() {
        assertThat(XiicResponse.parse("+XIIC: 1,10.0.0.1").stateIs(LinkState.UP))
                .isTrue();
        assertThat(XiicResponse.parse("+XIIC: 1,10.0.0.1").stateIs(LinkState.DOWN))
                .isFalse();
        // A code the spec does not list, and the older firmware's answer without a state.
        assertThat(XiicResponse.parse("+XIIC: 7,10.0.0.1").stateIs(LinkState.UP))
                .isFalse();
        assertThat(XiicResponse.parse("+XIIC: 0.0.0.0").stateIs(LinkState.DOWN)).isFalse();
    }

    @Test
    void olderM590FirmwareSendsOnlyTheAddress() {
        XiicResponse old = XiicResponse.parse("+XIIC: 0.0.0.0");

        assertThat(old).isEqualTo(new XiicResponse.AddressOnly("0.0.0.0"));
        assertThat(old).hasToString("XiicResponse.AddressOnly[ip=0.0.0.0]");
    }

    @Test
    void malformedResponseNamesTheLine() {
        assertThatThrownBy(() -> CsqResponse.parse("+CSQ: strong"))
                .isInstanceOf(WireParseException.class)
                .hasMessageContaining("+CSQ: strong");
    }

    @Test
    void prefixlessAndBareReports() {
        assertThat(NetworkUrc.parse(Urc.of("GPRS DISCONNECTION"))).containsInstanceOf(GprsDisconnection.class);
        assertThat(NetworkUrc.parse(Urc.of("+PBREADY"))).containsInstanceOf(PbReady.class);
        assertThat(NetworkUrc.parse(Urc.of("+HTTPCLOSED: HTTP Link Closed"))).isEmpty();
    }

    @Test
    void cregIsAResponseOnlyWhileTheQueryIsPending() {
        // The same +CREG: line answers AT+CREG? and is a report otherwise.
        assertThat(NetworkRequests.parseResponse(Creg.query(), "+CREG: 2,1"))
                .containsInstanceOf(CregQueryResponse.class);
        assertThat(NetworkRequests.parseResponse(Creg.set(CregMode.STAT), "+CREG: 1"))
                .isEmpty();
        assertThat(NetworkRequests.parseResponse(Xiic.query(), "+XIIC:    1,10.0.0.1"))
                .containsInstanceOf(XiicResponse.class);
    }
}
