package io.atspec.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The TCP/UDP chapter on the wire: the exact bytes a simulated module sends to a raw host
 * ({@link WireProbe}), with real loopback servers behind its links ({@link TcpPeer},
 * {@link UdpEcho}).
 */
class TcpWireTest {

    /** Data that would end a line-based reader early: CR LF OK CR LF, a report header, a prompt. */
    private static final String TRICKY = "a\r\nOK\r\n+TCPRECV: 1,2,>\r\n>";

    private NeowaySimulator module;
    private WireProbe host;
    private TcpPeer peer;
    private UdpEcho udp;

    @AfterEach
    void tearDown() throws Exception {
        if (module != null) {
            module.close();
        }
        if (peer != null) {
            peer.close();
        }
        if (udp != null) {
            udp.close();
        }
    }

    /** Echo off; with {@code ppp} the data link is up. */
    private void boot(boolean ppp) throws Exception {
        module = NeowaySimulator.inMemory(
                SimulatorConfig.defaults().withEcho(false).withPppDelay(Duration.ZERO));
        host = new WireProbe(module.host().input(), module.host().output());
        if (ppp) {
            host.send("AT+XIIC=1\r");
            assertThat(host.until("\r\nOK\r\n")).isEqualTo("\r\nOK\r\n");
        }
    }

    /** AT+TCPSETUP=<n> to the peer: OK, then the report once connected; the peer's end of it. */
    private Socket connect(int n) throws Exception {
        host.send("AT+TCPSETUP=" + n + ",127.0.0.1," + peer.port() + "\r");
        assertThat(host.until("+TCPSETUP: " + n + ",OK\r\n")).isEqualTo("\r\nOK\r\n\r\n+TCPSETUP: " + n + ",OK\r\n");
        return peer.accept();
    }

    private static void write(Socket connection, String data) throws Exception {
        OutputStream out = connection.getOutputStream();
        out.write(data.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Test
    void bufferModeSendPromptsThenPushedDataIsCountedWhateverItHolds() throws Exception {
        peer = TcpPeer.driven();
        boot(true);
        Socket server = connect(0);
        int length = TRICKY.length();
        host.send("AT+TCPSEND=0," + length + "\r");
        assertThat(host.until(">")).isEqualTo("\r\n>");
        host.send(TRICKY);
        assertThat(host.until("+TCPSEND: 0," + length + "\r\n"))
                .isEqualTo("\r\nOK\r\n\r\n+TCPSEND: 0," + length + "\r\n");
        assertThat(new String(TcpPeer.read(server, length), StandardCharsets.ISO_8859_1))
                .isEqualTo(TRICKY);

        write(server, TRICKY);
        String pushed = "\r\n+TCPRECV: 0," + length + "," + TRICKY + "\r\n";
        assertThat(host.until(pushed)).isEqualTo(pushed);
    }

    @Test
    void commandModeSendsInlineTextAndHex() throws Exception {
        peer = TcpPeer.driven();
        boot(true);
        Socket server = connect(0);
        host.send("AT+TCPSEND=0,5,\"hello\"\r");
        assertThat(host.until("\r\n+TCPSEND: 0,5\r\n")).isEqualTo("\r\nOK\r\n\r\n+TCPSEND: 0,5\r\n");
        host.send("AT+TCPSEND=0,4,\"4F4B0D0A\",1\r");
        assertThat(host.until("\r\n+TCPSEND: 0,4\r\n")).isEqualTo("\r\nOK\r\n\r\n+TCPSEND: 0,4\r\n");
        assertThat(new String(TcpPeer.read(server, 9), StandardCharsets.ISO_8859_1))
                .isEqualTo("helloOK\r\n");
        // The announced length must be the content's.
        host.send("AT+TCPSEND=0,3,\"hello\"\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+TCPSEND: DATA LENGTH ERROR\r\n");
        host.send("AT+TCPSEND=0,4097\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+TCPSEND: DATA LENGTH ERROR\r\n");
    }

    @Test
    void receiveModeZeroKeepsDataForTcpreadAndHexModeWritesDigits() throws Exception {
        peer = TcpPeer.driven();
        boot(true);
        host.send("AT+RECVMODE=0\r");
        assertThat(host.until("\r\nOK\r\n")).isEqualTo("\r\nOK\r\n");
        Socket server = connect(0);
        write(server, TRICKY);
        assertThat(host.until("\r\n+TCPRECV: 0\r\n")).isEqualTo("\r\n+TCPRECV: 0\r\n");
        host.send("AT+TCPREAD=0,4\r");
        assertThat(host.until("OK\r\n")).isEqualTo("\r\n+TCPREAD: 0,4,a\r\nO\r\n\r\nOK\r\n");
        host.send("AT+TCPREAD=0,2048\r");
        String rest = TRICKY.substring(4);
        assertThat(host.until("\r\n\r\nOK\r\n"))
                .isEqualTo("\r\n+TCPREAD: 0," + rest.length() + "," + rest + "\r\n\r\nOK\r\n");
        host.send("AT+TCPREAD=0,2048\r");
        assertThat(host.until("OK\r\n")).isEqualTo("\r\n+TCPREAD: 0,0\r\n\r\nOK\r\n");

        host.send("AT+RECVMODE=1,1\rAT+RECVMODE?\r");
        assertThat(host.until("+RECVMODE: 1,1\r\n\r\nOK\r\n")).isEqualTo("\r\nOK\r\n\r\n+RECVMODE: 1,1\r\n\r\nOK\r\n");
        write(server, "OK\r\n");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+TCPRECV: 0,8,4F4B0D0A\r\n");
    }

    @Test
    void sixLinksAtOnceEachWithItsOwnData() throws Exception {
        peer = TcpPeer.driven();
        boot(true);
        Socket[] servers = new Socket[6];
        for (int n = 0; n < 6; n++) {
            servers[n] = connect(n);
        }
        host.send("AT+TCPSETUP=6,127.0.0.1," + peer.port() + "\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+TCPSETUP: ERROR\r\n");
        host.send("AT+TCPSETUP=3,127.0.0.1," + peer.port() + "\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+TCPSETUP: 3,ERROR1\r\n");
        for (int n = 0; n < 6; n++) {
            String data = "link " + n;
            host.send("AT+TCPSEND=" + n + "," + data.length() + ",\"" + data + "\"\r");
            assertThat(host.until("+TCPSEND: " + n + ",6\r\n")).isEqualTo("\r\nOK\r\n\r\n+TCPSEND: " + n + ",6\r\n");
            assertThat(new String(TcpPeer.read(servers[n], 6), StandardCharsets.ISO_8859_1))
                    .isEqualTo(data);
        }
        // Every server answers at once; each answer comes on its own link.
        for (int n = 5; n >= 0; n--) {
            write(servers[n], "back " + n);
        }
        List<String> answers = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            answers.add("\r\n+TCPRECV: " + n + ",6,back " + n + "\r\n");
        }
        assertThat(host.untilAll(answers))
                .hasSize(answers.stream().mapToInt(String::length).sum());
        host.send("AT+IPSTATUS=3\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+IPSTATUS: 3,CONNECT,TCP,4096\r\n");
        host.send("AT+TCPACK=5\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+TCPACK: 5,6,6\r\n");
    }

    @Test
    void theServerClosingMidStreamIsReportedAsLinkClosed() throws Exception {
        peer = TcpPeer.driven();
        boot(true);
        Socket server = connect(2);
        write(server, "partial");
        server.close();
        assertThat(host.until("Link Closed\r\n"))
                .isEqualTo("\r\n+TCPRECV: 2,7,partial\r\n\r\n+TCPCLOSE: 2,Link Closed\r\n");
        host.send("AT+IPSTATUS=2\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+IPSTATUS: 2,DISCONNECT\r\n");
        host.send("AT+TCPSEND=2,5,\"hello\"\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+TCPSEND: SOCKET ID OPEN FAILED\r\n");
        // The number is free again.
        connect(2);
    }

    @Test
    void inBufferModeDataOfALinkTheServerClosedStaysReadable() throws Exception {
        peer = TcpPeer.driven();
        boot(true);
        host.send("AT+RECVMODE=0\r");
        assertThat(host.until("\r\nOK\r\n")).isEqualTo("\r\nOK\r\n");
        Socket server = connect(4);
        write(server, "last words");
        server.close();
        assertThat(host.until("Link Closed\r\n")).isEqualTo("\r\n+TCPRECV: 4\r\n\r\n+TCPCLOSE: 4,Link Closed\r\n");
        host.send("AT+TCPREAD=4,2048\r");
        assertThat(host.until("OK\r\n")).isEqualTo("\r\n+TCPREAD: 4,10,last words\r\n\r\nOK\r\n");
        // Read to the end: the number is free.
        host.send("AT+TCPREAD=4,2048\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\nERROR\r\n");
    }

    @Test
    void aRebootDropsEveryLinkAndForgetsTheReceiveMode() throws Exception {
        peer = TcpPeer.driven();
        boot(true);
        host.send("AT+RECVMODE=0,1\r");
        assertThat(host.until("\r\nOK\r\n")).isEqualTo("\r\nOK\r\n");
        Socket server = connect(0);
        module.reboot();
        assertThat(host.until("\r\n+PBREADY\r\n")).isEqualTo("\r\n+PBREADY\r\n");
        assertThat(TcpPeer.closedByModule(server)).isTrue();
        host.send("ATE0\rAT+RECVMODE?\rAT+IPSTATUS=0\r");
        assertThat(host.until("+IPSTATUS: 0,DISCONNECT\r\n"))
                .endsWith("\r\n+RECVMODE: 1,0\r\n\r\nOK\r\n\r\n+IPSTATUS: 0,DISCONNECT\r\n");
    }

    @Test
    void theHostClosesALinkAndTheServerSeesItGo() throws Exception {
        peer = TcpPeer.driven();
        boot(true);
        Socket server = connect(0);
        host.send("AT+TCPCLOSE=0\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+TCPCLOSE: 0,OK\r\n");
        assertThat(TcpPeer.closedByModule(server)).isTrue();
        host.send("AT+TCPCLOSE=0\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+TCPCLOSE: ERROR\r\n");
    }

    @Test
    void aRefusedPortFailsTheSetUpAfterItsOk() throws Exception {
        boot(true);
        host.send("AT+TCPSETUP=1,127.0.0.1," + TcpPeer.refusedPort() + "\r");
        assertThat(host.until("FAIL\r\n")).isEqualTo("\r\nOK\r\n\r\n+TCPSETUP: 1,FAIL\r\n");
        host.send("AT+IPSTATUS=1\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+IPSTATUS: 1,DISCONNECT\r\n");
    }

    /** The device captures of a module with no network, byte for byte. */
    @Test
    void withoutTheDataLinkEveryCommandAnswersAsTheCaptures() throws Exception {
        boot(false);
        host.send("AT+TCPSETUP=0,1.2.3.4,80\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+TCPSETUP: ERROR\r\n");
        host.send("AT+UDPSETUP=0,1.2.3.4,80\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+UDPSETUP: ERROR\r\n");
        host.send("AT+TCPSEND=0,5,\"hello\"\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+TCPSEND: SOCKET ID OPEN FAILED\r\n");
        // No prompt for a link that is not open.
        host.send("AT+TCPSEND=0,5\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+TCPSEND: SOCKET ID OPEN FAILED\r\n");
        host.send("AT+TCPCLOSE=0\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+TCPCLOSE: ERROR\r\n");
        host.send("AT+IPSTATUS=0\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+IPSTATUS: 0,DISCONNECT\r\n");
        host.send("AT+TCPACK=0\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+TCPACK: 0,DISCONNECT\r\n");
        host.send("AT+IPSTATUS=6\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\nERROR\r\n");
    }

    @Test
    void gprsDisconnectionDropsEveryLinkWithoutAReportEach() throws Exception {
        peer = TcpPeer.driven();
        udp = new UdpEcho();
        boot(true);
        Socket first = connect(0);
        Socket second = connect(1);
        host.send("AT+UDPSETUP=2,127.0.0.1," + udp.port() + "\r");
        assertThat(host.until("+UDPSETUP: 2,OK\r\n")).isEqualTo("\r\nOK\r\n\r\n+UDPSETUP: 2,OK\r\n");

        module.dropDataLink();
        assertThat(host.until("\r\n")).isEqualTo("\r\nGPRS DISCONNECTION\r\n");
        assertThat(TcpPeer.closedByModule(first)).isTrue();
        assertThat(TcpPeer.closedByModule(second)).isTrue();
        for (int n = 0; n < 3; n++) {
            host.send("AT+IPSTATUS=" + n + "\r");
            // Only the answer: no +TCPCLOSE report came before it.
            assertThat(host.until("\r\n")).isEqualTo("\r\n+IPSTATUS: " + n + ",DISCONNECT\r\n");
        }
    }

    @Test
    void udpDatagramsGoBothWaysInBothReceiveModes() throws Exception {
        udp = new UdpEcho();
        boot(true);
        host.send("AT+UDPSETUP=0,127.0.0.1," + udp.port() + "\r");
        assertThat(host.until("+UDPSETUP: 0,OK\r\n")).isEqualTo("\r\nOK\r\n\r\n+UDPSETUP: 0,OK\r\n");
        int length = TRICKY.length();
        host.send("AT+UDPSEND=0," + length + "\r");
        assertThat(host.until(">")).isEqualTo("\r\n>");
        host.send(TRICKY);
        String pushed = "\r\n+UDPRECV: 0," + length + "," + TRICKY + "\r\n";
        // The echo never overtakes the send's answer: it is held back until OK and +UDPSEND are out.
        String sent = "\r\nOK\r\n\r\n+UDPSEND: 0," + length + "\r\n";
        assertThat(host.until(pushed)).isEqualTo(sent + pushed);
        assertThat(new String(udp.next(), StandardCharsets.ISO_8859_1)).isEqualTo(TRICKY);

        host.send("AT+IPSTATUS=0\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+IPSTATUS: 0,CONNECT,UDP,0\r\n");
        host.send("AT+TCPACK=0\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+TCPACK: NO TCP LINK\r\n");

        host.send("AT+RECVMODE=0\r");
        assertThat(host.until("\r\nOK\r\n")).isEqualTo("\r\nOK\r\n");
        host.send("AT+UDPSEND=0,3,\"one\"\r");
        assertThat(host.until("\r\n+UDPRECV: 0\r\n")).isEqualTo("\r\nOK\r\n\r\n+UDPSEND: 0,3\r\n\r\n+UDPRECV: 0\r\n");
        host.send("AT+UDPSEND=0,3,\"two\"\r");
        assertThat(host.until("\r\n+UDPRECV: 0\r\n")).isEqualTo("\r\nOK\r\n\r\n+UDPSEND: 0,3\r\n\r\n+UDPRECV: 0\r\n");
        // One read, one datagram.
        host.send("AT+UDPREAD=0\r");
        assertThat(host.until("OK\r\n")).isEqualTo("\r\n+UDPREAD: 0,3,one\r\n\r\nOK\r\n");
        host.send("AT+UDPREAD=0,2\r");
        assertThat(host.until("OK\r\n")).isEqualTo("\r\n+UDPREAD: 0,2,tw\r\n\r\nOK\r\n");
        host.send("AT+UDPREAD=1\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+UDPREAD: SOCKET ID OPEN FAILED\r\n");

        host.send("AT+UDPCLOSE=0\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+UDPCLOSE: 0,OK\r\n");
        host.send("AT+UDPCLOSE=0\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\n+UDPCLOSE: ERROR\r\n");
    }

    @Test
    void settingsQueriesAndTestForms() throws Exception {
        boot(false);
        host.send("AT+RECVMODE?\r");
        assertThat(host.until("OK\r\n")).isEqualTo("\r\n+RECVMODE: 1,0\r\n\r\nOK\r\n");
        host.send("AT+RECVMODE=?\r");
        assertThat(host.until("OK\r\n")).isEqualTo("\r\n+RECVMODE: (0-1),(0-1)\r\n\r\nOK\r\n");
        host.send("AT+TCPKEEPALIVE=?\r");
        assertThat(host.until("OK\r\n")).isEqualTo("\r\n+TCPKEEPALIVE: (0-1),(30-7200),(1-1800),(1-15)\r\n\r\nOK\r\n");
        host.send("AT+TCPKEEPALIVE=1,30,10,3\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\nOK\r\n");
        host.send("AT+TCPKEEPALIVE=1,29\r");
        assertThat(host.until("\r\n")).isEqualTo("\r\nERROR\r\n");
    }
}
