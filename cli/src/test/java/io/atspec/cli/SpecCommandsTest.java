package io.atspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecCommandsTest {

    static final Path SPECS = Path.of("../spec/src/main/atspec/neoway");
    static final String HTTP = SPECS.resolve("http.atspec").toString();
    static final String NETWORK = SPECS.resolve("network.atspec").toString();

    @Test
    void checkPassesTheChapterSpecs() {
        Run run = Run.of("check", HTTP, NETWORK);
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("2 spec files checked: 0 errors, 0 warnings");
    }

    @Test
    void checkReportsErrorsCompilerStyleWithoutAStackTrace(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.atspec");
        Files.writeString(bad, """
        chapter bad "Bad" {
            package io.example.bad;
        }
        command AT+FOO as Foo "Foo" {
            timeout 1s;
            param mode: int 10..5 "mode";
            set: <mode>;
        }
        """);
        Run run = Run.of("check", bad.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(bad + ":6:21: error: range 10..5 is empty");
        assertThat(run.out()).isEqualTo("1 spec file checked: 1 error, 0 warnings" + System.lineSeparator());
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void usageErrorsExitWithTwo() {
        Run noSpec = Run.of("check");
        assertThat(noSpec.exit()).isEqualTo(2);
        assertThat(noSpec.err()).contains("Missing required parameter").contains("atspec check --help");
        assertThat(Run.of("no-such-command").exit()).isEqualTo(2);
        assertThat(Run.of().exit()).isEqualTo(2);
        assertThat(Run.of("generate", HTTP).exit()).isEqualTo(2); // -d missing
        assertThat(Run.of("decode", "--format", "xml", "x").exit()).isEqualTo(2);
    }

    @Test
    void generateWritesOnlyChangedFiles(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("gen");
        Run first = Run.of("generate", HTTP, NETWORK, "-d", out.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        Path action = out.resolve("io/atspec/neoway/http/HttpAction.java");
        assertThat(action).exists();
        assertThat(Files.readString(action)).contains("from neoway/http.atspec");
        assertThat(Files.readString(out.resolve("META-INF/services/io.atspec.runtime.bind.ChapterBinding")))
                .isEqualTo("io.atspec.neoway.http.HttpChapter\nio.atspec.neoway.network.NetworkChapter\n");
        assertThat(first.out()).contains("0 unchanged");

        Map<Path, FileTime> before = new HashMap<>();
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, old);
                before.put(f, old);
            }
        }
        Run second = Run.of("generate", HTTP, NETWORK, "-d", out.toString());
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains(": 0 written, " + before.size() + " unchanged");
        for (Map.Entry<Path, FileTime> e : before.entrySet()) {
            assertThat(Files.getLastModifiedTime(e.getKey()))
                    .as("%s", e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void generateWritesNothingWhenASpecHasErrors(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.atspec");
        Files.writeString(bad, "chapter bad \"Bad\" {\n");
        Run run = Run.of(
                "generate", HTTP, bad.toString(), "-d", dir.resolve("gen").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(bad + ":").contains("error:").contains("nothing was generated");
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("gen")).doesNotExist();
    }

    @Test
    void docWritesAMarkdownReference(@TempDir Path dir) throws IOException {
        Run run = Run.of("doc", HTTP, "-o", dir.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String md = Files.readString(dir.resolve("http.md"));
        assertThat(md)
                .startsWith("# HTTP")
                .contains("## 9.3 AT+HTTPACTION: Executing HTTP Request")
                .contains("`AT+HTTPACTION=0[,<offset>,<size>]`")
                .contains("`AT+HTTPACTION=2,<length>[,<type>]`, then prompt `>` and `<post_content>`")
                .contains("`+HTTPACTION: SOCKET ID OPEN FAILED` | error")
                .contains("collects `+HTTPRECV` until `+HTTPCLOSED`")
                .contains("+HTTPRECV (URC)")
                .contains("### ContentType")
                .contains("| `2` | `JSON` | json |")
                .contains("1..2048 bytes")
                .contains("### Example: POST request")
                .contains("> AT+HTTPACTION=2,23\n< >\n> MAC=NEOWAY&DATA=0123456\n");
    }

    /** One name allocator: doc names the facade as generate writes it, for chapter file_http too. */
    @Test
    void docAndGenerateAgreeOnTheChaptersTypeNames(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("file_http.atspec");
        Files.writeString(spec, """
        chapter file_http "File HTTP" {
            package io.example.filehttp;
        }
        command AT+FOO as Foo "Foo" {
            timeout 1s;
            exec;
        }
        """);

        Run doc = Run.of("doc", spec.toString(), "-o", dir.resolve("md").toString());
        Run generate =
                Run.of("generate", spec.toString(), "-d", dir.resolve("java").toString());

        assertThat(doc.exit()).as(doc.err()).isZero();
        assertThat(generate.exit()).as(generate.err()).isZero();
        assertThat(Files.readString(dir.resolve("md/file_http.md"))).contains("facade `FileHttpCommands`");
        assertThat(dir.resolve("java/io/example/filehttp/FileHttpCommands.java"))
                .isRegularFile();
    }
}
