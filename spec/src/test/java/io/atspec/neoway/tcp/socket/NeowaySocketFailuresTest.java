package io.atspec.neoway.tcp.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.runtime.AtChannel;
import io.atspec.runtime.testing.ScriptedModem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The module's failures as {@code java.net} exceptions, against a scripted modem that cuts
 * every write into 1 to 7 bytes: the error codes and business lines the facts give for the
 * socket commands.
 */
class NeowaySocketFailuresTest {

    private ScriptedModem modem;
    private AtChannel channel;
    private NeowaySockets sockets;

    @BeforeEach
    void connect() throws IOException {
        modem = ScriptedModem.inMemory(11).chunks(1, 7);
        channel = AtChannel.open(modem.host());
        modem.when("ATE0", r -> r.ok());
        modem.when("AT+RECVMODE=1,0", r -> r.ok());
        modem.when("AT+XIIC?", r -> r.line("+XIIC:    1,10.0.0.2").ok());
        modem.when("AT+TCPSETUP=0,example.com,80", r -> {
            for (String line : setupAnswer) {
                r.line(line);
            }
        });
        modem.when("AT+TCPSEND=0,5", r -> {
            if (sendAnswer.contains("EXPIRED")) {
                r.prompt(5);
            }
            r.line(sendAnswer);
        });
        sockets = NeowaySockets.open(channel);
    }

    @AfterEach
    void disconnect() {
        channel.close();
        modem.close();
    }

    /** What the module answers to AT+TCPSETUP=0,example.com,80 (the modem's script reads it each time). */
    private volatile String[] setupAnswer = {};

    private volatile String sendAnswer = "";

    private void connectAnswers(String... lines) {
        setupAnswer = lines;
    }

    @ParameterizedTest(name = "+CME ERROR: {0} -> {1}")
    @CsvSource({
        "910, java.net.ConnectException, connection refused",
        "911, java.net.SocketTimeoutException, connect timed out",
        "915, java.net.SocketTimeoutException, send timed out",
        "916, java.net.UnknownHostException, the domain does not exist",
        "917, java.net.UnknownHostException, DNS timed out",
        "918, java.net.UnknownHostException, DNS failed",
        "901, java.net.ConnectException, PDP not active",
        "914, java.net.SocketException, buffer is full"
    })
    void errorCodesOfAConnectAreTheJavaNetExceptions(int code, Class<?> type, String meaning) {
        connectAnswers("+CME ERROR: " + code);
        assertThatThrownBy(() -> sockets.connect("example.com", 80, Duration.ofSeconds(5)))
                .isExactlyInstanceOf(type)
                .hasMessageContaining("connect TCP link 0 to example.com:80")
                .hasMessageContaining(meaning)
                .hasMessageContaining("+CME ERROR: " + code);
    }

    @Test
    void failIsAConnectExceptionNamingTheLinkAndTheLinkIsFreeAgain() throws IOException {
        connectAnswers("OK", "+TCPSETUP: 0,FAIL");
        assertThatThrownBy(() -> sockets.connect("example.com", 80, Duration.ofSeconds(5)))
                .isExactlyInstanceOf(ConnectException.class)
                .hasMessage("connect TCP link 0 to example.com:80: connection failed (+TCPSETUP: 0,FAIL)");
        connectAnswers("OK", "+TCPSETUP: 0,OK");
        try (NeowaySocket socket = sockets.connect("example.com", 80, Duration.ofSeconds(5))) {
            assertThat(socket.link()).hasValue(0);
        }
    }

    @Test
    void businessLinesThatReplaceOk() {
        connectAnswers("+TCPSETUP: ERROR");
        assertThatThrownBy(() -> sockets.connect("example.com", 80, Duration.ofSeconds(5)))
                .isExactlyInstanceOf(ConnectException.class)
                .hasMessageContaining("bad parameters or no network (+TCPSETUP: ERROR)");
        connectAnswers("+TCPSETUP: 0,ERROR1");
        assertThatThrownBy(() -> sockets.connect("example.com", 80, Duration.ofSeconds(5)))
                .isExactlyInstanceOf(SocketException.class)
                .hasMessageContaining("in use in the module (+TCPSETUP: 0,ERROR1)");
    }

    @Test
    void noOutcomeWithinTheTimeoutIsASocketTimeout() {
        connectAnswers("OK");
        assertThatThrownBy(() -> sockets.connect("example.com", 80, Duration.ofMillis(200)))
                .isExactlyInstanceOf(SocketTimeoutException.class)
                .hasMessageContaining("connect TCP link 0 to example.com:80");
    }

    @Test
    void aHostTheModuleCannotBeToldIsUnknownAndNothingIsSent() {
        assertThatThrownBy(() -> sockets.connect("a,b", 80))
                .isExactlyInstanceOf(UnknownHostException.class)
                .hasMessageContaining("a,b");
        assertThat(modem.received()).noneMatch(l -> l.startsWith("AT+TCPSETUP"));
        assertThatThrownBy(() -> sockets.connect("example.com", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSendThatExpiresIsASocketTimeoutAndALostLinkASocketException() throws IOException {
        connectAnswers("OK", "+TCPSETUP: 0,OK");
        try (NeowaySocket socket = sockets.connect("example.com", 80, Duration.ofSeconds(5))) {
            sendAnswer = "+TCPSEND: 0,OPERATION EXPIRED";
            assertThatThrownBy(() -> socket.getOutputStream().write("hello".getBytes()))
                    .isExactlyInstanceOf(SocketTimeoutException.class)
                    .hasMessageContaining("send 5 bytes on TCP link 0")
                    .hasMessageContaining("+TCPSEND: 0,OPERATION EXPIRED");
            sendAnswer = "+TCPSEND: SOCKET ID OPEN FAILED";
            assertThatThrownBy(() -> socket.getOutputStream().write("hello".getBytes()))
                    .isExactlyInstanceOf(SocketException.class)
                    .hasMessageContaining("the link is not open");
        }
    }

    @Test
    void writesAreSplitAtTheModulesMaximumAndEachWaitsForItsReport() throws IOException {
        connectAnswers("OK", "+TCPSETUP: 0,OK");
        modem.whenMatches("AT\\+TCPSEND=0,(\\d+)", (m, r) -> {
            int n = Integer.parseInt(m.group(1));
            r.prompt(n).ok().urc("+TCPSEND: 0," + n);
        });
        byte[] data = new byte[4096 * 2 + 100];
        try (NeowaySocket socket = sockets.connect("example.com", 80, Duration.ofSeconds(5))) {
            socket.getOutputStream().write(data);
        }
        assertThat(modem.received())
                .filteredOn(l -> l.startsWith("AT+TCPSEND"))
                .containsExactly("AT+TCPSEND=0,4096", "AT+TCPSEND=0,4096", "AT+TCPSEND=0,100");
        assertThat(modem.received()).contains("AT+TCPCLOSE=0");
    }

    @Test
    void pushedDataFollowsTheLinkNumberAndLengthAndAReportForAnotherLinkIsNotOurs() throws IOException {
        connectAnswers("OK", "+TCPSETUP: 0,OK");
        try (NeowaySocket socket = sockets.connect("example.com", 80, Duration.ofSeconds(5))) {
            socket.setSoTimeout(5000);
            modem.send("\r\n+TCPRECV: 3,2,no\r\n\r\n+TCPRECV: 0,6,OK\r\n>a\r\n".getBytes());
            assertThat(socket.getInputStream().readNBytes(6)).isEqualTo("OK\r\n>a".getBytes());
        }
    }
}
