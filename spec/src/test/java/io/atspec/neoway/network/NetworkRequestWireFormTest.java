package io.atspec.neoway.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.runtime.AtArgumentException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The exact wire line of every form of the network attach commands, and the checks that run
 * before anything is written.
 */
class NetworkRequestWireFormTest {

    @Test
    void simQueryAndSignalQuality() {
        assertThat(Cpin.query().line()).isEqualTo("AT+CPIN?");
        assertThat(Cpin.query().command().responsePrefixes()).containsExactly("+CPIN:");
        assertThat(Csq.exec().line()).isEqualTo("AT+CSQ");
        assertThat(Csq.exec().command().responsePrefixes()).containsExactly("+CSQ:");
    }

    @Test
    void registration() {
        assertThat(Creg.set(CregMode.DISABLED).line()).isEqualTo("AT+CREG=0");
        assertThat(Creg.set(CregMode.STAT_LOCATION).line()).isEqualTo("AT+CREG=2");
        assertThat(Creg.query().line()).isEqualTo("AT+CREG?");
        assertThat(Creg.test().line()).isEqualTo("AT+CREG=?");
        // +CREG: answers the query while it is pending; the set form claims no response line,
        // so a +CREG: report arriving then stays a URC.
        assertThat(Creg.query().command().responsePrefixes()).containsExactly("+CREG:");
        assertThat(Creg.set(CregMode.STAT).command().responsePrefixes()).isEmpty();
    }

    @Test
    void packetDomainAttach() {
        assertThat(Cgatt.set(AttachState.ATTACHED).line()).isEqualTo("AT+CGATT=1");
        assertThat(Cgatt.set(AttachState.DETACHED).line()).isEqualTo("AT+CGATT=0");
        assertThat(Cgatt.query().line()).isEqualTo("AT+CGATT?");
        assertThat(Cgatt.test().line()).isEqualTo("AT+CGATT=?");
    }

    @Test
    void pdpContextWithEveryOptionalGroup() {
        assertThat(Cgdcont.set(1).line()).isEqualTo("AT+CGDCONT=1");
        assertThat(Cgdcont.set(1, PdpType.IP).line()).isEqualTo("AT+CGDCONT=1,\"IP\"");
        assertThat(Cgdcont.set(1, PdpType.IP, "CMNET").line()).isEqualTo("AT+CGDCONT=1,\"IP\",\"CMNET\"");
        assertThat(Cgdcont.set(2, PdpType.NON_IP, "iot", "0.0.0.0").line())
                .isEqualTo("AT+CGDCONT=2,\"Non-IP\",\"iot\",\"0.0.0.0\"");
        assertThat(Cgdcont.set(7, PdpType.IPV4V6, "internet", "0.0.0.0", 3).line())
                .isEqualTo("AT+CGDCONT=7,\"IPV4V6\",\"internet\",\"0.0.0.0\",3");
        assertThat(Cgdcont.set(1, PdpType.IPV6, "internet", "0.0.0.0", 0, 4).line())
                .isEqualTo("AT+CGDCONT=1,\"IPV6\",\"internet\",\"0.0.0.0\",0,4");
        assertThat(Cgdcont.query().line()).isEqualTo("AT+CGDCONT?");
        assertThat(Cgdcont.test().line()).isEqualTo("AT+CGDCONT=?");
    }

    @Test
    void pdpContextRangesAndQuotes() {
        assertThatThrownBy(() -> Cgdcont.set(8, PdpType.IP, "CMNET"))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContainingAll("AT+CGDCONT", "cid", "8", "1..7");
        assertThatThrownBy(() -> Cgdcont.set(1, PdpType.IP, "CMNET", "0.0.0.0", 4))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContainingAll("AT+CGDCONT", "d_comp", "4", "0..3");
        assertThatThrownBy(() -> Cgdcont.set(1, PdpType.IP, "CMNET", "0.0.0.0", 0, 5))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContainingAll("AT+CGDCONT", "h_comp", "5", "0..4");
        // A quote inside a quoted APN would end the string early.
        assertThatThrownBy(() -> Cgdcont.set(1, PdpType.IP, "CM\"NET"))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContainingAll("AT+CGDCONT", "apn", "double quote");
        assertThatThrownBy(() -> Cgdcont.set(1, PdpType.IP, "CMNET\r\nAT+CGATT=0"))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContainingAll("AT+CGDCONT", "apn");
    }

    @Test
    void authenticationWithAndWithoutCredentials() {
        assertThat(Xgauth.set(1, AuthType.NONE).line()).isEqualTo("AT+XGAUTH=1,0");
        assertThat(Xgauth.set(1, AuthType.PAP, "gprs", "gprs").line()).isEqualTo("AT+XGAUTH=1,1,\"gprs\",\"gprs\"");
        assertThat(Xgauth.set(3, AuthType.CHAP, "user", "pw").line()).isEqualTo("AT+XGAUTH=3,2,\"user\",\"pw\"");
    }

    @Test
    void passwordIsMaskedInToStringAndListedAsASecret() {
        Xgauth.SetForm auth = Xgauth.set(1, AuthType.PAP, "gprs", "s3cr3t-pw");

        assertThat(auth.toString()).isEqualTo("Xgauth.SetForm[cid=1, auth=PAP, user=gprs, pwd=***]");
        assertThat(auth.command().secrets()).containsExactly("s3cr3t-pw");
        assertThat(auth.command().maskedLine()).doesNotContain("s3cr3t-pw");
        assertThat(auth.command().toString()).doesNotContain("s3cr3t-pw");
        // The wire line itself carries the password: the module needs it.
        assertThat(auth.line()).contains("\"s3cr3t-pw\"");
        assertThat(Xgauth.set(1, AuthType.NONE).command().secrets()).isEmpty();
    }

    @Test
    void aRequestPrintsWithItsCommandAndLeavesOutWhatIsNotSent() {
        assertThat(Xgauth.set(1, AuthType.NONE).toString()).isEqualTo("Xgauth.SetForm[cid=1, auth=NONE]");
        assertThat(Cgdcont.set(1, PdpType.IP, "cmnet").toString())
                .isEqualTo("Cgdcont.SetForm[cid=1, pdpType=IP, apn=cmnet]");
        assertThat(Csq.exec().toString()).isEqualTo("Csq.Exec[]");
    }

    @Test
    void passwordLimitsNeverEchoThePassword() {
        String longSecret = "p".repeat(33);
        assertThatThrownBy(() -> Xgauth.set(1, AuthType.PAP, "gprs", longSecret))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContainingAll("AT+XGAUTH", "pwd", "33", "32")
                .message()
                .doesNotContain(longSecret);
        assertThatThrownBy(() -> Xgauth.set(1, AuthType.PAP, "u".repeat(33), "pw"))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContainingAll("AT+XGAUTH", "user", "33", "32");
        assertThatThrownBy(() -> Xgauth.set(0, AuthType.PAP, "gprs", "gprs"))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContainingAll("AT+XGAUTH", "cid", "0", "1..7");
    }

    @Test
    void pppLink() {
        assertThat(Xiic.activate().line()).isEqualTo("AT+XIIC=1");
        assertThat(Xiic.deactivate().line()).isEqualTo("AT+XIIC=0");
        assertThat(Xiic.query().line()).isEqualTo("AT+XIIC?");
        assertThat(Xiic.activate().command().timeout()).isEqualTo(Duration.ofSeconds(60));
    }
}
