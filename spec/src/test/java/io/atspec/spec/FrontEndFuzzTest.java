package io.atspec.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.Diagnostic;
import io.atspec.grammar.SpecCompiler;
import io.atspec.grammar.internal.AtSpecLexer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mutates both chapter specs at random, by token and by byte, and requires the front end to
 * answer every mutant with diagnostics or a chapter: never an exception, never a hang, never a
 * chapter together with an error. Seeded, so a failure names a case that can be replayed.
 */
class FrontEndFuzzTest {

    private static final int CASES_PER_FILE = 1500;

    @ParameterizedTest
    @ValueSource(strings = {"src/main/atspec/neoway/http.atspec", "src/main/atspec/neoway/network.atspec"})
    // A guard against a hang in the parser's recovery, not a measurement: normal runs take seconds.
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void everyMutantGetsDiagnosticsOrAChapter(String file) throws IOException {
        byte[] original = Files.readAllBytes(Path.of(file));
        List<String> tokens = tokens(new String(original, StandardCharsets.UTF_8));
        for (int seed = 0; seed < CASES_PER_FILE; seed++) {
            Random random = new Random(seed);
            byte[] mutant = seed % 2 == 0
                    ? mutateTokens(tokens, random).getBytes(StandardCharsets.UTF_8)
                    : mutateBytes(original, random);

            CompilationResult result;
            try {
                result = SpecCompiler.parse("mutant-" + seed + ".atspec", mutant);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("mutant " + seed + " of " + file + " threw", e);
            }

            assertThat(result.chapter().isPresent())
                    .as("mutant %d of %s: a chapter is handed on exactly when there is no error", seed, file)
                    .isEqualTo(!result.hasErrors());
            for (Diagnostic diagnostic : result.diagnostics()) {
                assertThat(diagnostic.location().line())
                        .as("mutant %d: %s", seed, diagnostic)
                        .isPositive();
                assertThat(diagnostic.location().column())
                        .as("mutant %d: %s", seed, diagnostic)
                        .isPositive();
                assertThat(diagnostic.message())
                        .as("mutant %d", seed)
                        .isNotBlank()
                        .doesNotContain("Exception");
            }
        }
    }

    /** The file's tokens, hidden ones (spaces, comments) included, so joining them gives it back. */
    private static List<String> tokens(String text) {
        AtSpecLexer lexer = new AtSpecLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<String> out = new ArrayList<>();
        for (Token token = lexer.nextToken(); token.getType() != Token.EOF; token = lexer.nextToken()) {
            out.add(token.getText());
        }
        return out;
    }

    /** Deletes, duplicates, swaps or inserts a few tokens. */
    private static String mutateTokens(List<String> tokens, Random random) {
        List<String> copy = new ArrayList<>(tokens);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && copy.size() > 2; i++) {
            int at = random.nextInt(copy.size());
            int other = random.nextInt(copy.size());
            switch (random.nextInt(4)) {
                case 0 -> copy.remove(at);
                case 1 -> copy.add(at, copy.get(other));
                case 2 -> {
                    String swap = copy.get(at);
                    copy.set(at, copy.get(other));
                    copy.set(other, swap);
                }
                default -> copy.add(at, random.nextBoolean() ? " " : copy.get(other) + " ");
            }
        }
        return String.join("", copy);
    }

    /** Deletes, inserts, replaces or swaps a few bytes, which can break UTF-8 too. */
    private static byte[] mutateBytes(byte[] original, Random random) {
        List<Byte> bytes = new ArrayList<>(original.length + 8);
        for (byte b : original) {
            bytes.add(b);
        }
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits && bytes.size() > 2; i++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(4)) {
                case 0 -> bytes.remove(at);
                case 1 -> bytes.add(at, (byte) random.nextInt(256));
                case 2 -> bytes.set(at, (byte) "{}[]<>;:,=\"|.\n\r\t".charAt(random.nextInt(16)));
                default -> {
                    int other = random.nextInt(bytes.size());
                    Byte swap = bytes.get(at);
                    bytes.set(at, bytes.get(other));
                    bytes.set(other, swap);
                }
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }
}
