package io.atspec.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.SpecCompiler;
import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.FormKind;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.Urc;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Neoway chapters compile cleanly and cover what their sources describe. */
class ChapterSpecsTest {

    static final Path HTTP = Path.of("src/main/atspec/neoway/http.atspec");
    static final Path NETWORK = Path.of("src/main/atspec/neoway/network.atspec");
    static final Path TCP = Path.of("src/main/atspec/neoway/tcp.atspec");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "src/main/atspec/neoway/http.atspec",
                "src/main/atspec/neoway/network.atspec",
                "src/main/atspec/neoway/tcp.atspec"
            })
    void chapterHasNoErrorAndNoWarning(String file) {
        CompilationResult result = SpecCompiler.parse(Path.of(file));

        assertThat(result.diagnostics()).as(result.render()).isEmpty();
        assertThat(result.chapter()).isPresent();
    }

    @Test
    void tcpChapterHasEveryCommandAndReportOfItsFacts() {
        Chapter tcp = compile(TCP);

        assertThat(tcp.commands())
                .extracting(Command::name)
                .containsExactlyInAnyOrder(
                        "AT+TCPSETUP",
                        "AT+TCPSEND",
                        "AT+RECVMODE",
                        "AT+TCPREAD",
                        "AT+TCPCLOSE",
                        "AT+IPSTATUS",
                        "AT+TCPACK",
                        "AT+TCPKEEPALIVE",
                        "AT+UDPSETUP",
                        "AT+UDPSEND",
                        "AT+UDPREAD",
                        "AT+UDPCLOSE");
        assertThat(tcp.urcs())
                .extracting(Urc::prefix)
                .contains("+TCPRECV", "+UDPRECV", "+TCPCLOSE", "+TCPSETUP", "+UDPSETUP", "+TCPSEND", "+UDPSEND");
    }

    @Test
    void httpChapterHasAllTwentyTwoSections() {
        Chapter http = compile(HTTP);
        List<String> expected =
                IntStream.rangeClosed(1, 22).mapToObj(i -> "9." + i).toList();

        assertThat(http.sections()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void httpChapterHasTheManualsCommandsAndUrcs() {
        Chapter http = compile(HTTP);

        assertThat(http.commands())
                .extracting(Command::name)
                .contains(
                        "AT+HTTPPARA",
                        "AT+HTTPSETUP",
                        "AT+HTTPACTION",
                        "AT+HTTPCLOSE",
                        "AT+HTTPGET",
                        "AT+HTTPGETSTAT",
                        "AT+HTTPSCFG",
                        "AT+HTTPSPARA",
                        "AT+HTTPSSETUP",
                        "AT+HTTPSACTION",
                        "AT+HTTPSCLOSE",
                        "AT+HTTPSGET",
                        "AT+HTTPSGETSTAT",
                        "AT+FILEHTTPACTION",
                        "AT+FILEHTTPSACTION");
        assertThat(http.urcs())
                .extracting(Urc::prefix)
                .contains("+HTTPRECV", "+HTTPGETRPT", "+HTTPCLOSED", "+HTTPSGETRPT", "+FILEHTTPSTAT", "+HTTPSCLOSED");
        // The manual's other spellings are accepted.
        assertThat(http.commandNamed("AT+HTTPSSSETUP")).isPresent();
        assertThat(http.commandNamed("AT+HTTPSCFGA")).isPresent();
        assertThat(http.urcNamed("+HTTPSREREV")).isPresent();
        assertThat(http.urcNamed("+HTTPPSRECV")).isPresent();
        assertThat(http.urcNamed("+APHTTPGETRPT")).isPresent();
    }

    @Test
    void httpActionPostDerivesItsLengthFromThePayloadAfterThePrompt() {
        Command action = compile(HTTP).commandNamed("AT+HTTPACTION").orElseThrow();

        assertThat(action.forms(FormKind.SET))
                .filteredOn(form -> form.promptPayload().isPresent())
                .hasSize(2) // POST and the custom packet
                .allSatisfy(form -> {
                    String payload = form.promptPayload().orElseThrow();
                    assertThat(form.format().fields())
                            .anySatisfy(field -> assertThat(
                                            action.parameter(field.name()).flatMap(Parameter::derivedLengthOf))
                                    .contains(payload));
                });
        assertThat(action.completion()).isPresent();
    }

    @Test
    void networkChapterMarksThePasswordSecretAndHasTheAttachUrcs() {
        Chapter network = compile(NETWORK);

        Command xgauth = network.commandNamed("AT+XGAUTH").orElseThrow();
        assertThat(xgauth.parameters()).filteredOn(Parameter::secret).isNotEmpty();
        assertThat(network.urcNamed("GPRS DISCONNECTION").orElseThrow().prefixless())
                .isTrue();
        assertThat(network.urcNamed("+PBREADY")).isPresent();
        assertThat(network.urcNamed("+CREG")).isPresent();
        assertThat(network.commandNamed("AT+XIIC")
                        .orElseThrow()
                        .completion()
                        .orElseThrow()
                        .poll())
                .isPresent();
        assertThat(network.commands())
                .extracting(Command::name)
                .contains("AT+CPIN", "AT+CSQ", "AT+CREG", "AT+CGATT", "AT+CGDCONT", "AT+XGAUTH", "AT+XIIC");
    }

    static Chapter compile(Path file) {
        CompilationResult result = SpecCompiler.parse(file);
        assertThat(result.errors()).as(result.render()).isEmpty();
        return result.chapter().orElseThrow();
    }
}
