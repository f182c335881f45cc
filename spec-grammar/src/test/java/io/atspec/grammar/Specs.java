package io.atspec.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.grammar.model.Chapter;

/** Small helpers to compile spec snippets in tests. */
final class Specs {

    /** A minimal valid header; snippets are appended after it, so they start on line 2. */
    static final String HEADER = "chapter t \"Test\" { package io.atspec.test; }\n";

    private Specs() {}

    static CompilationResult compile(String body) {
        return SpecCompiler.parse("t.atspec", HEADER + body);
    }

    /**
     * Compiles and requires no diagnostic at all, showing them if there are some. The header
     * declares the given editions on line 1, so line numbers stay those of {@link #HEADER}.
     */
    static Chapter valid(String body, String... editions) {
        StringBuilder header = new StringBuilder("chapter t \"Test\" { package io.atspec.test;");
        for (String edition : editions) {
            header.append(" edition ").append(edition).append(';');
        }
        CompilationResult result = SpecCompiler.parse("t.atspec", header + " }\n" + body);
        assertThat(result.diagnostics()).as(result.render()).isEmpty();
        return result.chapter().orElseThrow();
    }
}
