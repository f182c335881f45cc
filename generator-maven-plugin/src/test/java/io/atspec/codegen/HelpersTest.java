package io.atspec.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The small helpers every writer relies on for names and Javadoc. */
class HelpersTest {

    @Test
    void camelJoinsTheManualsWordsAndLowersTheFirst() {
        assertThat(Names.camel("post_content")).isEqualTo("postContent");
        assertThat(Names.camel("state_type")).isEqualTo("stateType");
        assertThat(Names.camel("url")).isEqualTo("url");
        // Spellings the manual uses that are not Java characters.
        assertThat(Names.camel("dir&filename")).isEqualTo("dirFilename");
        assertThat(Names.camel("HttpAction")).isEqualTo("httpAction");
    }

    @Test
    void camelKeepsNamesLegalJava() {
        // The manual's parameter names include Java keywords: <type> is fine, <default> is not.
        assertThat(Names.camel("default")).isEqualTo("defaultValue");
        assertThat(Names.camel("record")).isEqualTo("recordValue");
        assertThat(Names.camel("type")).isEqualTo("type");
        assertThat(Names.camel("3gpp")).isEqualTo("v3gpp");
        assertThat(Names.camel("__")).isEqualTo("value");
    }

    @Test
    void pascalCapitalisesAndDropsTheKeywordSuffix() {
        assertThat(Names.pascal("sslversion")).isEqualTo("Sslversion");
        assertThat(Names.pascal("ssl_version")).isEqualTo("SslVersion");
        assertThat(Names.pascal("http")).isEqualTo("Http");
        // A class may be called Default even though a variable may not be called default.
        assertThat(Names.pascal("default")).isEqualTo("Default");
        assertThat(Names.pascal("set")).isEqualTo("Set");
    }

    @Test
    void constantUpperCasesEditionNames() {
        assertThat(Names.constant("v2")).isEqualTo("V2");
        assertThat(Names.constant("n58-v2.0")).isEqualTo("N58_V2_0");
    }

    @Test
    void escapeShowsManualTextLiterallyInJavadoc() {
        assertThat(Docs.escape("AT+X=<a>,<b>")).isEqualTo("AT+X=&lt;a&gt;,&lt;b&gt;");
        assertThat(Docs.escape("MAC=NEOWAY&DATA=1")).isEqualTo("MAC=NEOWAY&amp;DATA=1");
        // An @ at the start of a Javadoc line would start a block tag.
        assertThat(Docs.escape("@param x")).isEqualTo("&#64;param x");
        // Ampersands are escaped first, so an escape is never escaped twice.
        assertThat(Docs.escape("<&>")).isEqualTo("&lt;&amp;&gt;");
    }

    @Test
    void escapeNeverEndsTheComment() {
        assertThat(Docs.escape("/*neoway homepage*/")).doesNotContain("*/");
        assertThat(Docs.escape("a */ b")).isEqualTo("a *&#47; b");
    }

    @Test
    void codeWrapsEscapedText() {
        assertThat(Docs.code("AT+HTTPPARA=<para>")).isEqualTo("<code>AT+HTTPPARA=&lt;para&gt;</code>");
    }
}
