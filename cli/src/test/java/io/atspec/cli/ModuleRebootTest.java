package io.atspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.runtime.TcpTransport;
import io.atspec.runtime.testing.ScriptedModem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code atspec http} on a module that restarts under a command: the channel knows the reboot
 * indications of the chapters found ({@code +PBREADY} of the network chapter), so the command
 * fails at once with "the module rebooted" instead of waiting for its timeout.
 */
class ModuleRebootTest {

    @Test
    void aRebootUnderACommandFailsItAtOnce() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<ScriptedModem> module = CompletableFuture.supplyAsync(() -> {
                try {
                    return ScriptedModem.start(
                            TcpTransport.of(server.accept()),
                            11,
                            m -> m.when("AT+CPIN?", r -> r.line("+CPIN: READY").ok())
                                    .when("AT+CREG?", r -> r.line("+CREG: 0,1").ok())
                                    // Whatever comes next: the module restarts instead of answering.
                                    .whenMatches(".*", (match, r) -> r.reboot("+PBREADY")));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            Run run = Run.of(
                    "http",
                    "get",
                    "--timeout",
                    "5",
                    "--tcp",
                    "127.0.0.1:" + server.getLocalPort(),
                    "http://example.invalid/");
            try (ScriptedModem m = module.get(30, TimeUnit.SECONDS)) {
                assertThat(run.exit()).isEqualTo(1);
                assertThat(run.err())
                        .as("the one-line error")
                        .contains("module ready: SIM ready")
                        .contains("\natspec: error: AT+XIIC? failed: ")
                        .contains("the module rebooted ('+PBREADY') while it was pending")
                        .doesNotContain("timed out");
                assertThat(m.received()).startsWith("AT+CPIN?", "AT+CREG?");
            }
        }
    }
}
