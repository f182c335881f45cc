package io.atspec.cli;

import io.atspec.neoway.http.AuthMode;
import io.atspec.neoway.http.CheckType;
import io.atspec.neoway.http.ContentType;
import io.atspec.neoway.http.Decompression;
import io.atspec.neoway.http.DownloadState;
import io.atspec.neoway.http.HttpAction;
import io.atspec.neoway.http.HttpActionOutcome;
import io.atspec.neoway.http.HttpCommands;
import io.atspec.neoway.http.HttpGet;
import io.atspec.neoway.http.HttpGetOutcome;
import io.atspec.neoway.http.HttpGetRpt;
import io.atspec.neoway.http.HttpGetStat;
import io.atspec.neoway.http.HttpPara;
import io.atspec.neoway.http.HttpSetup;
import io.atspec.neoway.http.HttpUrc;
import io.atspec.neoway.http.HttpsAction;
import io.atspec.neoway.http.HttpsActionOutcome;
import io.atspec.neoway.http.HttpsCfg;
import io.atspec.neoway.http.HttpsPara;
import io.atspec.neoway.http.HttpsRecv;
import io.atspec.neoway.http.HttpsSetup;
import io.atspec.neoway.http.RecvMode;
import io.atspec.neoway.http.SslVersion;
import io.atspec.neoway.network.Cgatt;
import io.atspec.neoway.network.Cgdcont;
import io.atspec.neoway.network.Cpin;
import io.atspec.neoway.network.Creg;
import io.atspec.neoway.network.Csq;
import io.atspec.neoway.network.NetworkCommands;
import io.atspec.neoway.network.PdpType;
import io.atspec.neoway.network.Xiic;
import io.atspec.neoway.network.XiicOutcome;
import io.atspec.runtime.AtChannel;
import io.atspec.runtime.AtResponse;
import io.atspec.runtime.bind.AtRequest;
import io.atspec.sim.NeowaySimulator;
import io.atspec.sim.SimulatorConfig;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a typed exchange with the built-in simulated Neoway module.",
            "",
            "The module runs in memory, with a local HTTP, HTTPS and echo server on 127.0.0.1: attach (CPIN?,"
                    + " CSQ, CREG?, CGATT?, CGDCONT, XIIC=1 with polling), an HTTP GET, a POST, an AT+HTTPGET"
                    + " download with MD5 check, and an HTTPS GET over real TLS 1.2 with the server checked"
                    + " against a CA in the module's file system (HTTPSCFG, HTTPSPARA, HTTPSSETUP,"
                    + " HTTPSACTION), then a TCP echo through NeowaySocket and a UDP datagram through"
                    + " NeowayDatagramSocket, both checked by SHA-256. Prints each request line, the typed"
                    + " responses and URCs, and the timing."
                    + " Nothing leaves this machine."
        })
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    AtspecCommand root;

    @Option(names = "--trace", description = "Log the wire trace (TX/RX) to stderr as well.")
    boolean trace;

    private PrintWriter out;
    private int number;
    private int ok;
    private final List<String> failures = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        out = root.io.out();
        byte[] page = ("<!doctype html><html><head><title>atspec demo</title></head>"
                        + "<body><h1>Hello from 127.0.0.1</h1><p>Fetched by a simulated Neoway module.</p></body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] firmware = new byte[24 * 1024];
        new Random(2024).nextBytes(firmware);
        String md5 = HttpCommand.digest("MD5", firmware);
        StringBuilder secret = new StringBuilder("{\"readings\":[");
        for (int i = 0; i < 120; i++) {
            secret.append(i == 0 ? "" : ",")
                    .append("{\"n\":")
                    .append(i)
                    .append(",\"rssi\":")
                    .append(10 + i % 21)
                    .append('}');
        }
        byte[] secure = secret.append("]}\n").toString().getBytes(StandardCharsets.UTF_8);
        byte[] caPem = LoopbackServer.caPem();
        long start = System.nanoTime();
        try (LoopbackServer server = LoopbackServer.start()
                        .serve("/index.html", page, "text/html; charset=utf-8")
                        .serve("/firmware.bin", firmware, "application/octet-stream");
                LoopbackServer tls = LoopbackServer.startHttps().serve("/readings.json", secure, "application/json");
                LoopbackEcho echoServer = LoopbackEcho.start();
                NeowaySimulator module = NeowaySimulator.inMemory(SimulatorConfig.defaults());
                AtChannel channel = AtChannel.open(module.host())) {
            out.println("atspec demo: the generated bindings against the simulated Neoway module (in memory)");
            out.println("HTTP server: http://" + server.authority() + "/ (loopback only)");
            out.println("HTTPS server: https://" + tls.authority() + "/ (loopback only, the demo certificate"
                    + " CN=localhost, IP:127.0.0.1)");
            out.println("TCP and UDP echo: " + echoServer.host() + ":" + echoServer.tcpPort() + " (TCP), "
                    + echoServer.host() + ":" + echoServer.udpPort() + " (UDP), loopback only");
            try (Chapters chapters = Chapters.found()) {
                chapters.attach(channel); // every chapter's URC framing and reboot indications
                out.println("bindings of " + chapters.names() + " (found on the class path)");
            }
            NetworkCommands net = new NetworkCommands(channel);
            HttpCommands http = new HttpCommands(channel);

            section("Network attach");
            step("SIM status", Cpin.query(), net::cpinQuery);
            step("Signal quality", Csq.exec(), net::csqExec);
            step("Registration", Creg.query(), net::cregQuery);
            step("Packet domain attach", Cgatt.query(), net::cgattQuery);
            Cgdcont.SetForm apn = Cgdcont.set(1, PdpType.IP, "cmnet");
            step("PDP context", apn, () -> net.cgdcont(apn));
            step("PPP link up (polls AT+XIIC?)", Xiic.activate(), () -> {
                XiicOutcome up = net.xiic(Xiic.activate(), Duration.ofSeconds(30));
                return List.of(up.acknowledgement(), up.result().orElseThrow());
            });

            section("HTTP GET " + server.authority() + "/index.html");
            HttpPara recv = HttpPara.recvmode(RecvMode.LENGTH);
            step("Receive mode: +HTTPRECV: <length>,<data>", recv, () -> http.httpPara(recv));
            HttpPara url = HttpPara.url(server.authority().replaceAll(":\\d+$", "") + "/index.html");
            step("Destination path", url, () -> http.httpPara(url));
            HttpPara port = HttpPara.port(server.port());
            step("Destination port", port, () -> http.httpPara(port));
            step("Connect", HttpSetup.exec(), () -> http.httpSetup(HttpSetup.exec()));
            step("GET", HttpAction.get(), () -> {
                HttpActionOutcome o = http.httpAction(HttpAction.get());
                HttpMessage m = HttpMessage.parse(o.data(), false);
                check(Arrays.equals(m.body(), page), "the body differs from the page served");
                return withSummary(
                        o.reports(),
                        m.statusLine() + ", " + m.body().length + " body bytes, sha-256 "
                                + HttpCommand.sha256(m.body()).substring(0, 16) + "... matches the page");
            });

            section("HTTP POST (echoed by the server)");
            byte[] json =
                    "{\"device\":\"N58\",\"rssi\":24,\"note\":\"typed AT commands\"}".getBytes(StandardCharsets.UTF_8);
            HttpPara echo = HttpPara.url(server.authority().replaceAll(":\\d+$", "") + "/echo");
            step("Destination path", echo, () -> http.httpPara(echo));
            step("Destination port", port, () -> http.httpPara(port));
            step("Connect", HttpSetup.exec(), () -> http.httpSetup(HttpSetup.exec()));
            HttpAction post = HttpAction.post(json, ContentType.JSON);
            step("POST " + json.length + " bytes of JSON after the '>' prompt", post, () -> {
                HttpActionOutcome o = http.httpAction(post);
                HttpMessage m = HttpMessage.parse(o.data(), false);
                check(Arrays.equals(m.body(), json), "the echoed body differs from the one sent");
                return withSummary(
                        o.reports(),
                        m.statusLine() + ", echo of " + m.body().length + " bytes matches, "
                                + m.header("Content-Type").orElse("no Content-Type"));
            });

            section("Download with MD5 check (AT+HTTPGET, +HTTPGETRPT)");
            HttpPara file = HttpPara.url(server.authority().replaceAll(":\\d+$", "") + "/firmware.bin");
            step("Destination path", file, () -> http.httpPara(file));
            step("Destination port", port, () -> http.httpPara(port));
            HttpGet get = HttpGet.set(Decompression.UNZIP, CheckType.MD5, md5);
            step("Download " + firmware.length + " bytes, MD5 " + md5, get, () -> {
                HttpGetOutcome o = http.httpGet(get);
                boolean verified = o.reports().stream()
                        .anyMatch(r -> r instanceof HttpGetRpt rpt
                                && rpt.stateType().is(DownloadState.VERIFICATION_SUCCESSFUL));
                check(verified, "no +HTTPGETRPT: 30 (verification successful): " + o.reports());
                return withSummary(o.reports(), "verified by the module: MD5 " + md5);
            });
            step("Download state", HttpGetStat.query(), http::httpGetStatQuery);

            section("HTTPS GET " + tls.authority() + "/readings.json (TLS 1.2, server checked against ca.pem)");
            module.files().put("ca.pem", caPem);
            out.println("     the module's file system: ca.pem, " + caPem.length + " bytes (the loopback server's"
                    + " certificate, PEM)");
            HttpsCfg.SslversionForm tls12 = HttpsCfg.sslversion(SslVersion.TLS_1_2);
            step("TLS version", tls12, () -> http.httpsCfg(tls12));
            HttpsCfg.AuthmodeForm auth = HttpsCfg.authmode(AuthMode.SERVER);
            step("Check the server's certificate", auth, () -> http.httpsCfg(auth));
            HttpsCfg.Cacert ca = HttpsCfg.cacert("ca.pem");
            step("CA certificate (a file in the module)", ca, () -> http.httpsCfg(ca));
            HttpsPara surl = HttpsPara.url(tls.host() + "/readings.json");
            step("Destination path", surl, () -> http.httpsPara(surl));
            HttpsPara sport = HttpsPara.port(tls.port());
            step("Destination port", sport, () -> http.httpsPara(sport));
            HttpsPara srecv = HttpsPara.recvmode(RecvMode.LENGTH);
            step("Receive mode: +HTTPSRECV: <length>,<data>", srecv, () -> http.httpsPara(srecv));
            step(
                    "Connect and TLS handshake (the certificate is checked here)",
                    HttpsSetup.exec(),
                    () -> http.httpsSetup(HttpsSetup.exec()));
            step("GET over TLS", HttpsAction.get(), () -> {
                HttpsActionOutcome o = http.httpsAction(HttpsAction.get());
                HttpMessage m = HttpMessage.parse(o.data(), false);
                String served = HttpCommand.sha256(secure);
                String got = HttpCommand.sha256(m.body());
                check(m.status() == 200, "expected 200, got " + m.statusLine());
                check(got.equals(served), "sha-256 of the body " + got + " differs from the one served " + served);
                return withSummary(
                        o.reports(),
                        m.statusLine() + ", " + m.body().length + " body bytes, sha-256 " + got.substring(0, 16)
                                + "... matches what the server sent");
            });

            new SocketSteps(this, echoServer).run(channel);

            Duration total = Duration.ofNanos(System.nanoTime() - start);
            out.println();
            out.println("Summary: " + number + " steps: " + ok + " ok, " + failures.size()
                    + " failed, in " + millis(total) + "; the channel read "
                    + channel.stats().bytesRead()
                    + " bytes, " + channel.stats().garbageLines() + " garbage lines, "
                    + channel.stats().framingErrors()
                    + " framing errors.");
            for (String f : failures) {
                out.println("  failed: " + f);
            }
            return failures.isEmpty() ? 0 : 1;
        }
    }

    void section(String title) {
        out.println();
        out.println("== " + title);
    }

    private void step(String title, AtRequest request, Supplier<Object> action) {
        step(title, request.line(), action);
    }

    /** One numbered step: what is sent ({@code shown}), what came back, ok or FAILED with why. */
    void step(String title, String shown, Supplier<Object> action) {
        number++;
        out.printf("[%2d] %s%n     -> %s%n", number, title, shown);
        long t0 = System.nanoTime();
        try {
            Object result = action.get();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            for (Object line : lines(result)) {
                String text = String.valueOf(line);
                out.println(text.startsWith("= ") ? "        " + text : "     <- " + text);
            }
            out.println("     ok, " + ms + " ms");
            ok++;
        } catch (RuntimeException e) {
            failures.add("[" + number + "] " + title + ": " + Errors.oneLine(e));
            out.println("     FAILED: " + Errors.oneLine(e));
        }
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new CliException(message);
        }
    }

    private static List<Object> withSummary(List<HttpUrc> reports, String summary) {
        List<Object> lines = new ArrayList<>();
        int recv = 0;
        int more = -1;
        for (HttpUrc r : reports) {
            if (r instanceof io.atspec.neoway.http.HttpRecv || r instanceof HttpsRecv) {
                recv++;
                if (recv > 2) {
                    more = more < 0 ? lines.size() : more;
                    continue;
                }
            }
            lines.add(r);
        }
        if (recv > 2) {
            lines.add(more, "... " + (recv - 2) + " more data reports (" + recv + " in all)");
        }
        lines.add("= " + summary);
        return lines;
    }

    private static List<?> lines(Object result) {
        if (result instanceof List<?> list) {
            List<Object> flat = new ArrayList<>();
            for (Object o : list) {
                flat.addAll(lines(o));
            }
            return flat;
        }
        if (result instanceof AtResponse r) {
            List<Object> l = new ArrayList<>(r.lines());
            l.add(finalText(r.finalResult()));
            return l;
        }
        return List.of(DecodeCommand.typed(result));
    }

    static String finalText(io.atspec.runtime.FinalResult f) {
        if (f instanceof io.atspec.runtime.FinalResult.Ok) {
            return "OK";
        }
        if (f instanceof io.atspec.runtime.FinalResult.Error) {
            return "ERROR";
        }
        return String.valueOf(f);
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }
}
