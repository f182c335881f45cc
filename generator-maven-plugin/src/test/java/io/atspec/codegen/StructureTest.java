package io.atspec.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the demo chapter's spec promises, checked on the generated source text. The golden files
 * pin every byte, but they are regenerated with one command; these assertions say which parts
 * matter, so a regenerated golden file cannot silently drop one of them.
 */
class StructureTest {

    private static final List<GeneratedFile> FILES = Specs.generate(Specs.DEMO, Specs.DEMO_NAME);

    /** The source, each line break and the indent after it as one space: JavaPoet wraps long lines. */
    private static String source(String simpleName) {
        return FILES.stream()
                .filter(f -> f.relativePath().equals("io/atspec/demo/" + simpleName + ".java"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + simpleName + ".java generated"))
                .content()
                .replaceAll("\\R\\s*", " ");
    }

    @Test
    void aDerivedLengthIsNeverAFactoryArgument() {
        assertThat(source("DemoSend"))
                .contains("static Write write(byte[] data) {")
                .contains("static Write write(byte[] data, Format format) {")
                .contains("static Custom custom(byte[] data) {")
                .contains("arguments.add(Integer.toString(data.length));")
                .doesNotContain("int length)");
    }

    @Test
    void nestedOptionalGroupsGiveOneFactoryPerDepth() {
        assertThat(source("DemoFormat"))
                .contains("static SetForm set(TransferMode mode) {")
                .contains("static SetForm set(TransferMode mode, int length) {")
                .contains("static SetForm set(TransferMode mode, int length, Format format) {")
                // The inner group needs the outer one.
                .contains(
                        "Arguments.nested(NAME, \"<format>\", \"<length>\", format.isPresent(), length.isPresent());");
    }

    @Test
    void secretsAreMaskedInToStringAndHandedToTheTrace() {
        assertThat(source("DemoAuth"))
                .contains("text.add(\"pwd=***\");")
                .contains("pwd.ifPresent(secrets::add);")
                .contains(
                        "return new AtCommand(NAME, line(), RESPONSE_PREFIXES, FINAL_LINES, null, timeout, secrets);");
    }

    @Test
    void finalLinesListEverySpellingAndEditionTimeoutsAreConstants() {
        assertThat(source("DemoSend"))
                .contains("FinalLine.error(\"+DSEND: FAILED\"), FinalLine.error(\"+DSEND:FAILED\")")
                .contains("FinalLine.success(\"+DSEND: QUEUED\")")
                .contains("Duration TIMEOUT = Duration.ofMillis(5000);")
                .contains("Duration TIMEOUT_V2 = Duration.ofMillis(10000);");
    }

    @Test
    void commandAliasesAreAcceptedByTheParser() {
        assertThat(source("DemoConfig")).contains("List<String> ALIASES = List.of(\"AT+DCONFIG\");");
        assertThat(source("DemoRequests")).contains("CommandLine.parse(text, DemoConfig.NAME, DemoConfig.ALIASES)");
    }

    @Test
    void theHostApiHoldsNoModuleSideParser() {
        for (String request : List.of("DemoConfig", "DemoSend", "DemoLink")) {
            assertThat(source(request))
                    .doesNotContain("CommandLine")
                    .doesNotContain("Optional<" + request + "> parse")
                    .doesNotContain("promptLength");
        }
        assertThat(source("DemoRequests"))
                .contains("private static Optional<DemoSend> parseDemoSend(String text, byte[] payload)")
                .contains("private static OptionalInt promptLengthDemoSend(String text)");
    }

    @Test
    void theFacadeRegistersTheChaptersRebootIndications() {
        assertThat(source("DemoCommands")).contains("channel.addRebootIndication(\"+READY\");");
        assertThat(source("DemoChapter")).contains("REBOOT_INDICATIONS = List.of(\"+READY\");");
    }

    @Test
    void theChapterDescriptorDelegatesToTheGeneratedTypes() {
        assertThat(source("DemoChapter"))
                .contains("public final class DemoChapter implements ChapterBinding")
                .contains("return DemoRequests.parse(line, payload);")
                .contains("Map.entry(\"+DDATA:\", Decoders.rawOrCounted(\"+DEND\", UrcDecoder.counted(1, 0, 65535)))")
                .contains("return DemoUrc.parse(urc).map(Object.class::cast);");
    }

    @Test
    void aResponseWithTwoShapesIsSealedWithARecordPerShapeHoldingItsOwnFields() {
        assertThat(source("DemoConfigQueryResponse"))
                .contains("public sealed interface DemoConfigQueryResponse permits DemoConfigQueryResponse.Full,"
                        + " DemoConfigQueryResponse.LevelOnly {")
                // The digest is in every line of the full shape: not Optional there.
                .contains("record Full(int level, Optional<String> label, String digest) implements"
                        + " DemoConfigQueryResponse {")
                .contains("record LevelOnly(int level) implements DemoConfigQueryResponse {")
                // Both shapes carry the level: the interface reads it without a cast.
                .contains(" int level();")
                .contains("if (fields.size() == 3) {")
                .contains("if (fields.size() == 1) {");
    }

    @Test
    void payloadUrcsRegisterTheirFramingForEverySpelling() {
        assertThat(source("DemoUrc"))
                .contains("channel.registerDecoder(\"+DDATA:\", Decoders.rawOrCounted(\"+DEND\","
                        + " UrcDecoder.counted(1, 0, 65535)));")
                .contains("channel.registerDecoder(\"+DDAT:\", Decoders.rawOrCounted(\"+DEND\","
                        + " UrcDecoder.counted(1, 0, 65535)));");
    }

    @Test
    void urcsWithoutPrefixOrFieldsAreMatchedByTheWholeLine() {
        assertThat(source("LinkLost"))
                .contains("List.of(\"LINK LOST\", \"LINK DROPPED\")")
                .contains("SPELLINGS.contains(line.strip())");
        assertThat(source("Ready")).contains("public record Ready() implements DemoUrc");
    }

    @Test
    void completionsWaitForTheRightReport() {
        String facade = source("DemoCommands");
        // collect ... until: the collected URC (with its alias) and the end URC.
        assertThat(facade)
                .contains(
                        "new Completion(List.of(\"+DDATA:\", \"+DDAT:\", \"+DEND:\"), DemoCommands::endsDemoSend, Duration.ofMillis(30000))");
        // until +X when state in 1|2
        assertThat(facade).contains("return Values.inRanges(Values.number(report.state().code()), 1L, 1L, 2L, 2L);");
        // poll ... for start: only the start form waits, and the runtime polls.
        assertThat(facade)
                .contains("if (!(request instanceof DemoLink.Start)) {")
                .contains("Polling.until(channel, DemoLink.query().command(), DemoLinkResponse::first,")
                .contains("Duration.ofMillis(500), completionTimeout")
                .doesNotContain("delayedExecutor")
                .doesNotContain("private static boolean in(");
    }

    @Test
    void generatedCodeLogsThroughSlf4jAsTheRuntimeDoes() {
        assertThat(source("DemoCommands"))
                .contains("import org.slf4j.Logger;")
                .contains("private static final Logger LOG = LoggerFactory.getLogger(DemoCommands.class);")
                .contains("LOG.warn(\"URC not delivered: {}\", malformed.getMessage());")
                .doesNotContain("System.Logger");
    }

    @Test
    void collectedPayloadsAreJoinedInTheOutcome() {
        assertThat(source("DemoSendOutcome"))
                .contains("public byte[] data() {")
                .contains("if (report instanceof DemoData.Raw r) {")
                .contains("out.writeBytes(r.raw());")
                .contains("if (report instanceof DemoData.Framed r) {")
                .contains("out.writeBytes(r.data());");
        // A report without a payload gives no data() method.
        assertThat(source("DemoJobOutcome")).doesNotContain("data()");
    }

    @Test
    void manualTextIsEscapedInJavadoc() {
        // The spec says "length of <data>" and "data sent after the > prompt".
        assertThat(source("DemoSend"))
                .contains("length of &lt;data&gt;")
                .contains("data sent after the &gt; prompt")
                .doesNotContain("length of <data>");
    }

    @Test
    void aCommandOfArgumentlessQueriesOnlyGetsOneFacadeMethodPerForm() {
        String facade = Specs.generate(Specs.HTTP, Specs.HTTP_NAME).stream()
                .filter(f -> f.relativePath().endsWith("/HttpCommands.java"))
                .findFirst()
                .orElseThrow()
                .content();

        // AT+HTTPGETSTAT has only its query form: the typed shortcut, not also a generic method.
        assertThat(facade)
                .contains("public HttpGetStatResponse httpGetStatQuery() {")
                .contains("public HttpGetStatResponse httpGetStatQuery(Duration timeout) {")
                .doesNotContain("httpGetStat(HttpGetStat request")
                .doesNotContain("httpGetStatAsync(");
    }

    @Test
    void aCommandMixingFormsGetsOneTypedMethodPerFormAndAsyncShortcuts() {
        String facade = source("DemoCommands");

        // AT+DCFG has a set, an exec, a query and a test form: the set and exec forms each get
        // their own method, typed by the form's record; nothing takes the query or the test,
        // whose typed shortcuts alone return their answers.
        assertThat(facade)
                .contains("public AtResponse demoConfig(DemoConfig.SetForm request) {")
                .contains("public AtResponse demoConfig(DemoConfig.Exec request) {")
                .contains("public CompletableFuture<AtResponse> demoConfigAsync(DemoConfig.SetForm request,"
                        + " Duration timeout) {")
                .doesNotContain("demoConfig(DemoConfig request")
                .doesNotContain("demoConfigAsync(DemoConfig request")
                .contains("public DemoConfigQueryResponse demoConfigQuery() {")
                .contains("public CompletableFuture<DemoConfigQueryResponse> demoConfigQueryAsync() {")
                .contains("public CompletableFuture<DemoConfigTestResponse> demoConfigTestAsync(Duration timeout) {")
                .contains(".thenApply(DemoConfigQueryResponse::first)");
    }

    @Test
    void javadocShowsTheLineAsSentNotTheSpecNotation() {
        assertThat(source("DemoSend"))
                .contains("<code>AT+DSEND=1,&lt;length&gt;[,&lt;format&gt;] &gt; &lt;data&gt;</code>")
                .doesNotContain("&lt;mode=1&gt;");
        // A fixed enum value is sent as its code, quoted as the parameter is.
        assertThat(source("DemoOpt")).contains("<code>AT+DOPT=\"label\",\"&lt;label&gt;\"</code>");
    }

    @Test
    void javadocCountsHexInCharactersAndSaysWhatAnUnknownCodeBecomes() {
        assertThat(source("DemoConfigQueryResponse"))
                .contains("MD5 of the configuration (32 hex characters)")
                .doesNotContain("hex, 32 bytes");
        assertThat(source("DemoLinkResponse"))
                .contains("a code the spec does not list arrives as a {@code Coded} without a value")
                .contains("public boolean stateIs(LinkState constant) {");
    }

    @Test
    void aFacadeMadeForAnEditionUsesThatEditionsTimeouts() {
        String facade = source("DemoCommands");

        assertThat(source("DemoEdition"))
                .contains("public enum DemoEdition")
                .contains("V1")
                .contains("V2");
        assertThat(facade)
                .contains("public DemoCommands(AtChannel channel, DemoEdition edition)")
                .contains("this(channel, DemoEdition.V1);")
                .contains("case V2 -> DemoSend.TIMEOUT_V2;")
                .contains("request.command(demoSendTimeout())");
    }
}
