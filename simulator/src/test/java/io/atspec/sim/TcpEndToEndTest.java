package io.atspec.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspec.neoway.tcp.IpStatus;
import io.atspec.neoway.tcp.IpStatusResponse;
import io.atspec.neoway.tcp.LinkState;
import io.atspec.neoway.tcp.LinkType;
import io.atspec.neoway.tcp.ReceiveMode;
import io.atspec.neoway.tcp.RecvMode;
import io.atspec.neoway.tcp.SetupResult;
import io.atspec.neoway.tcp.TcpAck;
import io.atspec.neoway.tcp.TcpAckResponse;
import io.atspec.neoway.tcp.TcpClose;
import io.atspec.neoway.tcp.TcpClosed;
import io.atspec.neoway.tcp.TcpCommands;
import io.atspec.neoway.tcp.TcpRead;
import io.atspec.neoway.tcp.TcpReadResponse;
import io.atspec.neoway.tcp.TcpRecv;
import io.atspec.neoway.tcp.TcpSend;
import io.atspec.neoway.tcp.TcpSetup;
import io.atspec.neoway.tcp.TcpSetupFailedException;
import io.atspec.neoway.tcp.TcpSetupInUseException;
import io.atspec.neoway.tcp.TcpSetupOutcome;
import io.atspec.neoway.tcp.UdpRecv;
import io.atspec.neoway.tcp.UdpSend;
import io.atspec.neoway.tcp.UdpSetup;
import io.atspec.runtime.AtChannel;
import io.atspec.runtime.AtCommandFailedException;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TCP/UDP chapter end to end: the generated {@link TcpCommands} on an {@link AtChannel},
 * the simulated module, and real loopback servers behind its links.
 */
class TcpEndToEndTest {

    /** Data that would end a line-based reader early: CR LF OK CR LF, a report header, a prompt. */
    private static final byte[] TRICKY = "a\r\nOK\r\n+TCPRECV: 1,2,>\r\n>".getBytes(StandardCharsets.ISO_8859_1);

    private NeowaySimulator module;
    private AtChannel channel;
    private TcpCommands tcp;
    private final LinkedBlockingQueue<TcpRecv> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void boot() {
        module = NeowaySimulator.inMemory(SimulatorConfig.defaults().withPppDelay(Duration.ZERO));
        channel = AtChannel.open(module.host());
        tcp = new TcpCommands(channel);
        tcp.on(TcpRecv.class, received::add);
    }

    @AfterEach
    void tearDown() {
        channel.close();
        module.close();
    }

    private static TcpRecv.Pushed pushed(TcpRecv r) {
        assertThat(r).isInstanceOf(TcpRecv.Pushed.class);
        return (TcpRecv.Pushed) r;
    }

    private TcpRecv nextReceived() throws InterruptedException {
        TcpRecv r = received.poll(5, TimeUnit.SECONDS);
        assertThat(r).as("a +TCPRECV report").isNotNull();
        return r;
    }

    @Test
    void echoedDataComesBackByteExactInPushedReports() throws Exception {
        try (TcpPeer peer = TcpPeer.echo()) {
            LinkDriver.attach(channel);
            TcpSetupOutcome up = tcp.tcpSetup(TcpSetup.set(0, "127.0.0.1", peer.port()));
            assertThat(up.terminal().orElseThrow().resultIs(SetupResult.OK)).isTrue();
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            for (int i = 0; i < 8; i++) {
                byte[] chunk = EndToEndTest.random(4096, i);
                System.arraycopy(TRICKY, 0, chunk, i * 100, TRICKY.length);
                assertThat(tcp.tcpSend(TcpSend.buffer(chunk, 0))
                                .terminal()
                                .orElseThrow()
                                .length())
                        .isEqualTo(4096);
                sent.writeBytes(chunk);
            }
            ByteArrayOutputStream echoed = new ByteArrayOutputStream();
            while (echoed.size() < sent.size()) {
                TcpRecv.Pushed r = pushed(nextReceived());
                assertThat(r.n()).isZero();
                echoed.writeBytes(r.data());
            }
            assertThat(echoed.toByteArray()).isEqualTo(sent.toByteArray());
        }
    }

    @Test
    void inBufferModeTheDataIsReadWithTcpread() throws Exception {
        try (TcpPeer peer = TcpPeer.echo()) {
            LinkDriver.attach(channel);
            tcp.recvMode(RecvMode.set(ReceiveMode.BUFFER));
            tcp.tcpSetup(TcpSetup.set(2, "127.0.0.1", peer.port()));
            tcp.tcpSend(TcpSend.buffer(TRICKY, 2));
            TcpRecv notice = nextReceived();
            assertThat(notice).isInstanceOf(TcpRecv.Notice.class);
            assertThat(notice.n()).isEqualTo(2);
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            while (read.size() < TRICKY.length) {
                TcpReadResponse r = tcp.tcpRead(TcpRead.set(2, 2048));
                assertThat(r.n()).isEqualTo(2);
                if (r instanceof TcpReadResponse.Data d) {
                    read.writeBytes(d.data());
                }
            }
            assertThat(read.toByteArray()).isEqualTo(TRICKY);
            TcpReadResponse empty = tcp.tcpRead(TcpRead.set(2, 2048));
            assertThat(empty).isInstanceOf(TcpReadResponse.Empty.class);
            assertThat(empty.len()).isZero();
        }
    }

    @Test
    void sixLinksSetUpAtOnceEachWaitingForItsOwnReport() throws Exception {
        try (TcpPeer peer = TcpPeer.echo()) {
            LinkDriver.attach(channel);
            List<CompletableFuture<TcpSetupOutcome>> setups = new ArrayList<>();
            for (int n = 0; n < 6; n++) {
                setups.add(tcp.tcpSetupAsync(TcpSetup.set(n, "127.0.0.1", peer.port())));
            }
            for (int n = 0; n < 6; n++) {
                assertThat(setups.get(n)
                                .get(10, TimeUnit.SECONDS)
                                .terminal()
                                .orElseThrow()
                                .n())
                        .isEqualTo(n);
            }
            for (int n = 0; n < 6; n++) {
                assertThat(tcp.tcpSend(TcpSend.text(n, "link " + n))
                                .terminal()
                                .orElseThrow()
                                .n())
                        .isEqualTo(n);
            }
            List<String> got = new ArrayList<>();
            for (int n = 0; n < 6; n++) {
                TcpRecv.Pushed r = pushed(nextReceived());
                got.add(r.n() + ":" + new String(r.data(), StandardCharsets.US_ASCII));
            }
            assertThat(got)
                    .containsExactlyInAnyOrder("0:link 0", "1:link 1", "2:link 2", "3:link 3", "4:link 4", "5:link 5");
            assertThatThrownBy(() -> tcp.tcpSetup(TcpSetup.set(3, "127.0.0.1", peer.port())))
                    .isInstanceOfSatisfying(
                            TcpSetupInUseException.class, e -> assertThat(e.n()).isEqualTo(3));
        }
    }

    @Test
    void aRefusedPortFailsTheCallNamingTheLink() throws Exception {
        LinkDriver.attach(channel);
        int refused = TcpPeer.refusedPort();
        assertThatThrownBy(() -> tcp.tcpSetup(TcpSetup.set(1, "127.0.0.1", refused)))
                .isInstanceOfSatisfying(TcpSetupFailedException.class, e -> {
                    assertThat(e.report().n()).isEqualTo(1);
                    assertThat(e.report().resultIs(SetupResult.FAIL)).isTrue();
                    assertThat(e.getMessage()).contains("AT+TCPSETUP", "+TCPSETUP: 1,FAIL");
                });
    }

    @Test
    void withoutTheDataLinkSetUpFailsWithTheBusinessLine() {
        assertThatThrownBy(() -> tcp.tcpSetup(TcpSetup.set(0, "1.2.3.4", 80)))
                .isInstanceOf(AtCommandFailedException.class)
                .isNotInstanceOf(TcpSetupInUseException.class)
                .hasMessageContaining("+TCPSETUP: ERROR");
    }

    @Test
    void theServerClosingIsAReportWhileTheHostClosesAnotherLink() throws Exception {
        try (TcpPeer peer = TcpPeer.driven()) {
            LinkDriver.attach(channel);
            CompletableFuture<TcpClosed> closed = new CompletableFuture<>();
            tcp.on(TcpClosed.class, closed::complete);
            tcp.tcpSetup(TcpSetup.set(0, "127.0.0.1", peer.port()));
            Socket first = peer.accept();
            tcp.tcpSetup(TcpSetup.set(1, "127.0.0.1", peer.port()));
            peer.accept();
            tcp.tcpSend(TcpSend.text(0, "hello"));
            assertThat(TcpPeer.read(first, 5)).isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));

            first.close();
            assertThat(closed.get(5, TimeUnit.SECONDS).n()).isZero();
            assertThat(tcp.tcpClose(TcpClose.set(1)).n()).isEqualTo(1);

            IpStatusResponse status = tcp.ipStatus(IpStatus.set(0));
            assertThat(status.stateIs(LinkState.DISCONNECT)).isTrue();
            assertThatThrownBy(() -> tcp.tcpClose(TcpClose.set(1)))
                    .isInstanceOf(AtCommandFailedException.class)
                    .hasMessageContaining("+TCPCLOSE: ERROR");
        }
    }

    @Test
    void statusAndCountersOfAConnectedLink() throws Exception {
        try (TcpPeer peer = TcpPeer.echo()) {
            LinkDriver.attach(channel);
            tcp.tcpSetup(TcpSetup.set(4, "127.0.0.1", peer.port()));
            tcp.tcpSend(TcpSend.hex(4, "4F4B0D0A"));
            tcp.tcpSend(TcpSend.buffer(TRICKY, 4));
            IpStatusResponse status = tcp.ipStatus(IpStatus.set(4));
            assertThat(status.typeIs(LinkType.TCP)).isTrue();
            assertThat(status)
                    .isInstanceOfSatisfying(
                            IpStatusResponse.Connected.class,
                            c -> assertThat(c.free()).isEqualTo(4096));
            TcpAckResponse ack = tcp.tcpAck(TcpAck.set(4));
            assertThat(ack).isInstanceOfSatisfying(TcpAckResponse.Counters.class, c -> {
                assertThat(c.dataSent()).isEqualTo(4 + TRICKY.length);
                assertThat(c.ackedRecv()).isEqualTo(4 + TRICKY.length);
            });
        }
    }

    @Test
    void aDatagramGoesToTheServerAndItsAnswerComesBack() throws Exception {
        try (UdpEcho udp = new UdpEcho()) {
            LinkDriver.attach(channel);
            CompletableFuture<UdpRecv> back = new CompletableFuture<>();
            tcp.on(UdpRecv.class, back::complete);
            assertThat(tcp.udpSetup(UdpSetup.set(0, "127.0.0.1", udp.port()))
                            .terminal()
                            .orElseThrow()
                            .n())
                    .isZero();
            assertThat(tcp.udpSend(UdpSend.buffer(TRICKY, 0))
                            .terminal()
                            .orElseThrow()
                            .length())
                    .isEqualTo(TRICKY.length);
            assertThat(udp.next()).isEqualTo(TRICKY);
            assertThat(back.get(5, TimeUnit.SECONDS))
                    .isInstanceOfSatisfying(
                            UdpRecv.Pushed.class, p -> assertThat(p.data()).isEqualTo(TRICKY));
        }
    }
}
