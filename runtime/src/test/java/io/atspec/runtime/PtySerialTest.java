package io.atspec.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.atspec.runtime.testing.ScriptedModem;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serial path on a real kernel tty: socat makes a pseudo-terminal pair, the channel opens one
 * end through jSerialComm, a scripted modem answers on the other.
 */
class PtySerialTest {

    @TempDir
    Path dir;

    private Process socat;
    private AtChannel channel;
    private ScriptedModem modem;

    @AfterEach
    void tearDown() {
        if (channel != null) {
            channel.close();
        }
        if (modem != null) {
            modem.close();
        }
        if (socat != null) {
            socat.destroy();
        }
    }

    private static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void commandsUrcsPromptAndPayloadOverAPseudoTerminal() throws Exception {
        assumeTrue(onPath("socat"), "socat is not on PATH: install it (apt-get install -y socat) to run the pty test");
        Path host = dir.resolve("host");
        Path device = dir.resolve("device");
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true)
                .start();
        awaitTransferLoop(socat);

        modem = ScriptedModem.start(SerialTransport.of(device.toString(), 115200), 31)
                .chunks(1, 16);
        channel = AtChannel.open(SerialTransport.open(SerialSettings.of(host.toString(), 115200)));
        UrcRecorder urcs = new UrcRecorder();
        channel.addListener(urcs);
        channel.registerDecoder("+HTTPRECV:", UrcDecoder.lengthFramed());

        byte[] body = "MAC=NEOWAY&DATA=0123456".getBytes(StandardCharsets.US_ASCII);
        byte[] data = "HTTP/1.1 200 OK\r\n\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII);
        modem.when("AT+CSQ", r -> r.line("+CSQ: 20,0").urc("+CREG: 1").ok());
        modem.when(
                "AT+HTTPACTION=2,23",
                r -> r.prompt(23)
                        .ok()
                        .raw("\r\n+HTTPRECV: " + data.length + ",")
                        .raw(data)
                        .raw("\r\n")
                        .urc("+HTTPCLOSED: HTTP Link Closed"));

        assertThat(channel.execute(AtCommand.builder("AT+CSQ")
                                .expect("+CSQ:")
                                .timeout(Duration.ofSeconds(10))
                                .build())
                        .lines())
                .containsExactly("+CSQ: 20,0");
        assertThat(urcs.next().line()).isEqualTo("+CREG: 1");

        CompletedResponse done = channel.execute(
                AtCommand.builder("AT+HTTPACTION=2,23")
                        .prompt(body)
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                Completion.until("+HTTPCLOSED:", Duration.ofSeconds(10), "+HTTPRECV:"));
        assertThat(modem.payloads().get(0)).isEqualTo(body);
        assertThat(done.urcs().get(0).payload()).isEqualTo(data);
        assertThat(channel.name()).isEqualTo("serial:" + host);
    }

    /** socat -d -d logs "starting data transfer loop" once both ptys and links exist. */
    private static void awaitTransferLoop(Process p) throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String l;
                while ((l = err.readLine()) != null) {
                    if (l.contains("starting data transfer loop")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(ready.get(10, TimeUnit.SECONDS)).as("socat started").isTrue();
        // Keep draining socat's log so it can never block on a full pipe.
        CompletableFuture.runAsync(() -> {
            try {
                while (err.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // socat ended
            }
        });
    }
}
