package io.atspec.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.Diagnostic;
import io.atspec.grammar.SpecCompiler;
import org.junit.jupiter.api.Test;

/**
 * Names that generated code would get wrong are refused by the checker, with a message, rather
 * than producing sources that do not compile; and the facade carries the chapter's words.
 */
class NameClashTest {

    @Test
    void theChapterDescriptionIsInTheFacadeJavadoc() {
        String facade = Specs.generate(Specs.DEMO, Specs.DEMO_NAME).stream()
                .filter(f -> f.relativePath().endsWith("/DemoCommands.java"))
                .findFirst()
                .orElseThrow()
                .content();

        assertThat(facade)
                .contains("Every construct of the language, on an imaginary module.")
                .contains("Text with &lt;angle brackets&gt;, an &#64; sign &amp; an ampersand must survive Javadoc.");
    }

    @Test
    void aFormNamedStringIsRefusedBecauseItsRecordWouldHideJavaLangString() {
        CompilationResult result = SpecCompiler.parse("clash.atspec", """
            chapter clash "Clash" { package com.acme.clash; }
            command AT+KV as Kv "Key value" {
                timeout 300ms;
                set string: <k=0>,<text>;
                set number: <k=1>,<n>;
                param k:    int 0..1 "key";
                param text: string   "text value";
                param n:    int      "number value";
            }
            """);

        assertThat(result.errors())
                .extracting(Diagnostic::header)
                .containsExactly("clash.atspec:4:5: error: 'String' would hide java.lang.String in generated code;"
                        + " choose another name");
    }

    @Test
    void aUrcNamedObjectIsRefused() {
        CompilationResult result = SpecCompiler.parse("clash.atspec", """
            chapter clash "Clash" { package com.acme.clash; }
            urc +KOBJ as Object "An object report" {
                report: <value>;
                param value: int "the value";
            }
            """);

        assertThat(result.errors())
                .extracting(Diagnostic::header)
                .containsExactly("clash.atspec:2:5: error: 'Object' would hide java.lang.Object in generated code;"
                        + " choose another name");
    }
}
