package io.atspec.neoway.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.runtime.AtArgumentException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The exact wire line of the TCP/UDP commands, the manual's timeouts, and the checks that run
 * before anything is written.
 */
class TcpRequestWireFormTest {

    @Test
    void setUpLinesAndTheirTimeouts() {
        assertThat(TcpSetup.set(0, "1.2.3.4", 80).line()).isEqualTo("AT+TCPSETUP=0,1.2.3.4,80");
        assertThat(UdpSetup.set(5, "example.com", 65535).line()).isEqualTo("AT+UDPSETUP=5,example.com,65535");
        // The manual's timeout table: 60 s, 30 s, 5 s; others 300 ms.
        assertThat(TcpSetup.set(0, "h", 1).command().timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(UdpSetup.set(0, "h", 1).command().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(TcpClose.set(0).command().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(IpStatus.set(0).command().timeout()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void linkNumbersArePositionsZeroToFive() {
        assertThatThrownBy(() -> TcpSetup.set(6, "1.2.3.4", 80))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContainingAll("AT+TCPSETUP", "n", "6", "0..5");
        assertThatThrownBy(() -> TcpSetup.set(0, "1.2.3.4", 0))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContainingAll("AT+TCPSETUP", "port", "0", "1..65535");
        // A comma in the host would start another argument.
        assertThatThrownBy(() -> TcpSetup.set(0, "1.2.3.4,81", 80))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContaining("AT+TCPSETUP");
    }

    @Test
    void bufferedSendAnnouncesThePayloadLengthAndPrompts() {
        byte[] data = "a\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII);
        TcpSend send = TcpSend.buffer(data, 2);
        assertThat(send.line()).isEqualTo("AT+TCPSEND=2,7");
        assertThat(send.command().promptPayload()).isEqualTo(data);
        assertThat(TcpSend.buffer(new byte[4096], 0).line()).isEqualTo("AT+TCPSEND=0,4096");
        assertThatThrownBy(() -> TcpSend.buffer(new byte[4097], 0))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContaining("AT+TCPSEND");
        assertThat(UdpSend.buffer(data, 1).line()).isEqualTo("AT+UDPSEND=1,7");
    }

    @Test
    void readsClosesAndStatus() {
        assertThat(TcpRead.set(0, 2048).line()).isEqualTo("AT+TCPREAD=0,2048");
        assertThatThrownBy(() -> TcpRead.set(0, 2049))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContainingAll("AT+TCPREAD", "length", "2049", "1..2048");
        assertThat(UdpRead.set(0).line()).isEqualTo("AT+UDPREAD=0");
        assertThat(UdpRead.set(0, 1024).line()).isEqualTo("AT+UDPREAD=0,1024");
        assertThat(TcpClose.set(3).line()).isEqualTo("AT+TCPCLOSE=3");
        assertThat(UdpClose.set(3).line()).isEqualTo("AT+UDPCLOSE=3");
        assertThat(IpStatus.set(4).line()).isEqualTo("AT+IPSTATUS=4");
        assertThat(TcpAck.set(4).line()).isEqualTo("AT+TCPACK=4");
    }

    @Test
    void receiveModeAndKeepAlive() {
        assertThat(RecvMode.set(ReceiveMode.BUFFER).line()).isEqualTo("AT+RECVMODE=0");
        assertThat(RecvMode.set(ReceiveMode.DIRECT, DataMode.HEX).line()).isEqualTo("AT+RECVMODE=1,1");
        assertThat(RecvMode.query().line()).isEqualTo("AT+RECVMODE?");
        assertThat(RecvMode.test().line()).isEqualTo("AT+RECVMODE=?");
        assertThat(TcpKeepAlive.set(KeepAliveMode.ON, 120, 75, 9).line()).isEqualTo("AT+TCPKEEPALIVE=1,120,75,9");
        assertThat(TcpKeepAlive.set(KeepAliveMode.OFF).line()).isEqualTo("AT+TCPKEEPALIVE=0");
        assertThatThrownBy(() -> TcpKeepAlive.set(KeepAliveMode.ON, 29))
                .isInstanceOf(AtArgumentException.class)
                .hasMessageContainingAll("AT+TCPKEEPALIVE", "time", "29", "30..7200");
    }
}
