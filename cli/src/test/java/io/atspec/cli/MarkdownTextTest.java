package io.atspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    private static String roundTrip(String prose) {
        return DocRenderTest.rendered(MarkdownText.escape(prose)).strip();
    }

    @Test
    void proseRendersAsWritten() {
        for (String prose : new String[] {
            "Length of <data> in bytes",
            "<para_value> of url & <mode>: a *b* _c_ `d` [e](f) ~g~ \\h",
            "para_value and OPEN_MODE stay readable",
            "# not a heading",
            "- not a list",
            "+ not a list",
            "1. not a list",
            "2) not a list",
            "= not a setext line",
            "> not a quote",
            "&amp; is not an entity",
        }) {
            assertThat(roundTrip(prose)).as(prose).isEqualTo(prose);
        }
    }

    @Test
    void underscoresInsideWordsStayUnescaped() {
        assertThat(MarkdownText.escape("para_value _x_")).isEqualTo("para_value \\_x\\_");
    }

    @Test
    void aCellIsOneLineAndItsPipesDoNotSplitIt() {
        String table = "| a | b |\n|---|---|\n| " + MarkdownText.cell("x | y\nz <w>") + " | 2 |\n";
        assertThat(DocRenderTest.rendered(table)).contains("x | y z <w>").contains("2");
    }

    @Test
    void indentationDoesNotMakeACodeBlock() {
        assertThat(roundTrip("first line\n    <indented> second")).isEqualTo("first line\n<indented> second");
    }
}
