package io.atspec.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated sources of {@code golden/demo.atspec}, a chapter that uses every construct of
 * the language, are checked in under {@code src/test/resources/golden/expected/} (same relative
 * paths as generated). Any change of the generator's output shows up here as a diff a reviewer
 * can read, instead of going unnoticed.
 *
 * <p>When a change is intended, rewrite the expected files and review the diff with git:
 *
 * <pre>
 * mvn -pl generator-maven-plugin test -Dtest=GoldenFilesTest -Datspec.updateGolden=true
 * </pre>
 *
 * (add {@code -o -Dinvoker.skip} to stay offline and skip the integration tests). The property
 * makes this test write the expected files, delete the ones no longer generated, and pass.
 */
class GoldenFilesTest {

    /** Set to {@code true} to rewrite the expected files instead of comparing with them. */
    static final String UPDATE_PROPERTY = "atspec.updateGolden";

    static final Path EXPECTED = Path.of("src/test/resources/golden/expected");

    private static final String HOW_TO_UPDATE =
            "If the change is intended, rewrite the expected files and review the diff:\n"
                    + "  mvn -pl generator-maven-plugin test -Dtest=GoldenFilesTest -D" + UPDATE_PROPERTY + "=true";

    @Test
    void generatedSourcesOfTheDemoChapterMatchTheCheckedInFiles() throws IOException {
        List<GeneratedFile> generated = Specs.generate(Specs.DEMO, Specs.DEMO_NAME);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            update(generated);
            return;
        }
        Map<String, String> expected = readExpected();
        Map<String, String> actual = new TreeMap<>();
        generated.forEach(file -> actual.put(file.relativePath(), file.content()));

        List<String> missing = new ArrayList<>(actual.keySet());
        missing.removeAll(expected.keySet());
        List<String> stale = new ArrayList<>(expected.keySet());
        stale.removeAll(actual.keySet());
        if (!missing.isEmpty() || !stale.isEmpty()) {
            fail("The generated files differ from " + EXPECTED + ":\n"
                    + "  generated but not expected: " + missing + "\n"
                    + "  expected but not generated: " + stale + "\n"
                    + HOW_TO_UPDATE);
        }
        for (Map.Entry<String, String> file : actual.entrySet()) {
            String difference = firstDifference(expected.get(file.getKey()), file.getValue());
            if (difference != null) {
                fail(EXPECTED.resolve(file.getKey()) + ":" + difference + "\n" + HOW_TO_UPDATE);
            }
        }
    }

    @Test
    void theDemoChapterGeneratesEveryKindOfFile() {
        // Guards the golden files against a demo spec that silently stops covering a writer.
        List<String> names = Specs.generate(Specs.DEMO, Specs.DEMO_NAME).stream()
                .map(f -> f.relativePath().substring(f.relativePath().lastIndexOf('/') + 1))
                .toList();
        assertThat(names)
                .contains(
                        "TransferMode.java", // enum, int codes
                        "DemoOption.java", // enum, quoted codes
                        "DemoError.java", // error table
                        "DemoOptError.java", // inline error table
                        "DemoConfig.java", // request
                        "DemoConfigQueryResponse.java", // one of several responses
                        "DemoConfigTestResponse.java",
                        "DemoLinkResponse.java", // the only response of its command
                        "DemoSendOutcome.java", // URC completion
                        "DemoJobOutcome.java",
                        "DemoLinkOutcome.java", // poll completion
                        "DemoData.java", // URC with payloads
                        "LinkLost.java", // prefix-less URC
                        "Ready.java", // URC without fields
                        "DemoUrc.java", // sealed URC interface
                        "DemoCommands.java", // facade
                        "DemoRequests.java"); // dispatch
    }

    private static void update(List<GeneratedFile> generated) throws IOException {
        if (Files.isDirectory(EXPECTED)) {
            try (Stream<Path> old = Files.walk(EXPECTED)) {
                for (Path path : old.filter(Files::isRegularFile).toList()) {
                    Files.delete(path);
                }
            }
        }
        for (GeneratedFile file : generated) {
            Path target = EXPECTED.resolve(file.relativePath());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.content(), StandardCharsets.UTF_8);
        }
        System.out.println(
                "GoldenFilesTest: rewrote " + generated.size() + " files under " + EXPECTED.toAbsolutePath());
    }

    private static Map<String, String> readExpected() throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(EXPECTED)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(EXPECTED)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                String relative = EXPECTED.relativize(path).toString().replace('\\', '/');
                files.put(relative, Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** {@code "line: ..."} naming the first line that differs, or null when equal. */
    static String firstDifference(String expected, String actual) {
        if (expected.equals(actual)) {
            return null;
        }
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        int line = 0;
        while (line < want.length && line < got.length && want[line].equals(got[line])) {
            line++;
        }
        String wanted = line < want.length ? want[line] : "<end of file>";
        String found = line < got.length ? got[line] : "<end of file>";
        return (line + 1) + ": first difference\n  expected: " + wanted + "\n  generated: " + found;
    }
}
