package io.atspec.sim;

import io.atspec.neoway.http.HttpAction;
import io.atspec.neoway.http.HttpActionOutcome;
import io.atspec.neoway.http.HttpCommands;
import io.atspec.neoway.http.HttpPara;
import io.atspec.neoway.http.HttpSetup;
import io.atspec.neoway.http.RecvMode;
import io.atspec.neoway.network.Cgdcont;
import io.atspec.neoway.network.NetworkCommands;
import io.atspec.neoway.network.PdpType;
import io.atspec.neoway.network.Xiic;
import io.atspec.runtime.AtChannel;

/** What the fault, pty and many-modem tests do through the generated facades: attach, then GET. */
final class LinkDriver {

    private LinkDriver() {}

    /** CGDCONT + XIIC=1 (polled until the PPP link is up). */
    static NetworkCommands attach(AtChannel channel) {
        NetworkCommands net = new NetworkCommands(channel);
        net.cgdcont(Cgdcont.set(1, PdpType.IP, "CMNET"));
        net.xiic(Xiic.activate());
        return net;
    }

    /** HTTPPARA url/port/recvmode + HTTPSETUP to {@code 127.0.0.1:port path}. */
    static HttpCommands setUp(AtChannel channel, int port, String path, RecvMode mode) {
        HttpCommands http = new HttpCommands(channel);
        http.httpPara(HttpPara.url("127.0.0.1" + path));
        http.httpPara(HttpPara.port(port));
        http.httpPara(HttpPara.recvmode(mode));
        http.httpSetup(HttpSetup.exec());
        return http;
    }

    /** A GET through a fresh HTTPSETUP; the raw HTTP response. */
    static HttpMessage get(AtChannel channel, int port, String path, RecvMode mode) {
        HttpActionOutcome outcome = setUp(channel, port, path, mode).httpAction(HttpAction.get());
        return HttpMessage.of(outcome.data());
    }
}
