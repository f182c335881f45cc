package io.atspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.grammar.SpecCompiler;
import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.Urc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** atspec doc's Markdown as a renderer shows it (CommonMark with GitHub's tables). */
class DocRenderTest {

    static final List<Extension> TABLES = List.of(TablesExtension.create());
    static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final Pattern PLACEHOLDER = Pattern.compile("<[A-Za-z_][A-Za-z0-9_]*>");

    /**
     * The text a browser shows for the Markdown: rendered to HTML, then without its tags. Raw
     * HTML in the Markdown (a {@code <data>} taken as a tag) vanishes here as it does on a page.
     */
    static String rendered(String markdown) {
        String html = HtmlRenderer.builder()
                .extensions(TABLES)
                .build()
                .render(Parser.builder().extensions(TABLES).build().parse(markdown));
        return html.replaceAll("<[^>]*>", "")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    @Test
    void everyPlaceholderOfTheChaptersSurvivesRendering(@TempDir Path dir) throws IOException {
        // Each chapter with one placeholder it must have, so that finding none cannot pass.
        for (Map.Entry<String, String> chapter :
                Map.of("http", "<mode>", "network", "<stat>").entrySet()) {
            String name = chapter.getKey();
            Path spec = SpecCommandsTest.SPECS.resolve(name + ".atspec");
            Run run = Run.of("doc", spec.toString(), "-o", dir.toString());
            assertThat(run.exit()).as(run.err()).isZero();
            String markdown = Files.readString(dir.resolve(name + ".md"));
            String text = rendered(markdown);

            Set<String> placeholders = placeholders(spec);
            assertThat(placeholders).as(name).contains(chapter.getValue()).hasSizeGreaterThan(15);
            // Every mention in the Markdown, escaped or in code, is still there once rendered.
            assertThat(placeholders).as(name).allSatisfy(p -> {
                String word = p.substring(1, p.length() - 1);
                int written = count(markdown, Pattern.compile("\\\\?<" + word + "\\\\?>"));
                assertThat(written).as("%s in %s.md", p, name).isPositive();
                assertThat(count(text, Pattern.compile(Pattern.quote(p))))
                        .as("%s in the rendered %s.md", p, name)
                        .isEqualTo(written);
            });
        }
    }

    @Test
    void theReferenceNamesNoInternalSourcePath(@TempDir Path dir) throws IOException {
        Run run = Run.of("doc", SpecCommandsTest.HTTP, "-o", dir.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        String md = Files.readString(dir.resolve("http.md"));
        assertThat(md).doesNotContain("seeds/").doesNotContain(".txt)");
        assertThat(rendered(md))
                .contains("Length of <data> in bytes")
                .contains("mandatory when <mode> is set to POST or OPEN_MODE");
    }

    /** The chapter's placeholders: its parameters, and every one its prose mentions. */
    static Set<String> placeholders(Path spec) throws IOException {
        Chapter chapter = SpecCompiler.parse(spec).chapter().orElseThrow();
        Set<String> found = new TreeSet<>();
        for (Command c : chapter.commands()) {
            c.parameters().stream().map(Parameter::name).forEach(n -> found.add("<" + n + ">"));
        }
        for (Urc u : chapter.urcs()) {
            u.parameters().stream().map(Parameter::name).forEach(n -> found.add("<" + n + ">"));
        }
        Matcher literal = STRING_LITERAL.matcher(withoutComments(Files.readString(spec)));
        while (literal.find()) {
            Matcher p = PLACEHOLDER.matcher(literal.group(1));
            while (p.find()) {
                found.add(p.group());
            }
        }
        return found;
    }

    private static int count(String text, Pattern pattern) {
        return (int) pattern.matcher(text).results().count();
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
    }
}
