package io.atspec.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.SpecCompiler;
import io.atspec.grammar.model.Alias;
import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.Example;
import io.atspec.grammar.model.TranscriptLine;
import io.atspec.grammar.model.TranscriptLine.Direction;
import io.atspec.grammar.model.Urc;
import io.atspec.runtime.bind.AtRequest;
import io.atspec.runtime.bind.ChapterBinding;
import io.atspec.runtime.bind.ChapterBindings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The manual's own exchanges, replayed through the generated bindings: one dynamic test per
 * example of every chapter of this build. The chapters are found, not listed: every spec under
 * {@code src/main/atspec} of the module the test runs in, with the generated chapter binding of
 * the same name on the class path ({@link ChapterBindings}). So a spec dropped into the build is
 * replayed without a Java edit, here or in any project that runs this test (the spec module's
 * test jar).
 *
 * <p>The replay follows the spec checker's rules (spec-grammar ExampleChecker): a {@code >}
 * line is a command (or, after a {@code < >} prompt, a payload line); {@code >!} is a line the
 * module refuses; the {@code <} lines up to the next sent line are what the module wrote, framed
 * as a channel frames them, by the runtime's reader with the chapter's own URC decoders (so a
 * length-framed or raw URC takes its payload from the lines after its header as the spec says);
 * each thing framed is a final result, a response of the pending command, or a URC of the
 * chapter.
 */
class ManualExamplesTest {

    /** Where a build keeps its specs (the plugin's default source directory). */
    private static final Path SPECS = Path.of("src/main/atspec");

    @TestFactory
    Stream<DynamicNode> examplesOfEveryChapter() throws IOException {
        Map<String, ChapterBinding> bindings =
                ChapterBindings.load().stream().collect(Collectors.toMap(ChapterBinding::name, Function.identity()));
        List<Path> specs;
        try (Stream<Path> files = Files.walk(SPECS)) {
            specs = files.filter(p -> p.toString().endsWith(".atspec")).sorted().toList();
        }
        assertThat(specs).as("specs under %s", SPECS.toAbsolutePath()).isNotEmpty();
        List<DynamicNode> chapters = new ArrayList<>();
        for (Path spec : specs) {
            CompilationResult result = SpecCompiler.parse(spec);
            assertThat(result.errors()).as(result.render()).isEmpty();
            Chapter chapter = result.chapter().orElseThrow();
            ChapterBinding binding = bindings.get(chapter.name());
            assertThat(binding)
                    .as("the generated chapter binding of %s (chapter %s) on the class path", spec, chapter.name())
                    .isNotNull();
            chapters.add(DynamicContainer.dynamicContainer(chapter.name(), examplesOf(chapter, binding)));
        }
        return chapters.stream();
    }

    private static Stream<DynamicNode> examplesOf(Chapter chapter, ChapterBinding binding) {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Command command : chapter.commands()) {
            nodes.add(container(command.name(), command.examples(), chapter, binding));
        }
        for (Urc urc : chapter.urcs()) {
            nodes.add(container(urc.prefix(), urc.examples(), chapter, binding));
        }
        return nodes.stream();
    }

    private static DynamicContainer container(
            String owner, List<Example> examples, Chapter chapter, ChapterBinding binding) {
        return DynamicContainer.dynamicContainer(
                owner,
                examples.stream()
                        .map(e -> DynamicTest.dynamicTest(
                                e.title() + " (line " + e.location().line() + ")",
                                () -> new Replay(chapter, binding).run(e))));
    }

    /** The host's view of one transcript. */
    private static final class Replay {
        private final Chapter chapter;
        private final ChapterBinding binding;
        private AtRequest pending;
        private int checkedLines;

        Replay(Chapter chapter, ChapterBinding binding) {
            this.chapter = chapter;
            this.binding = binding;
        }

        void run(Example example) {
            List<TranscriptLine> lines = example.lines();
            int i = 0;
            while (i < lines.size()) {
                TranscriptLine line = lines.get(i);
                i = switch (line.direction()) {
                    case SENT -> sent(lines, i);
                    case SENT_REFUSED -> refused(lines, i);
                    case RECEIVED -> received(lines, i);
                };
            }
            assertThat(checkedLines)
                    .as("lines checked in '%s'", example.title())
                    .isPositive();
        }

        /** A command line, with its payload when the module answers it with the prompt. */
        private int sent(List<TranscriptLine> lines, int index) {
            TranscriptLine line = lines.get(index);
            int next = index + 1;
            byte[] payload = null;
            if (next < lines.size() && isPrompt(lines.get(next))) {
                List<String> payloadLines = new ArrayList<>();
                next++;
                while (next < lines.size() && lines.get(next).direction() == Direction.SENT) {
                    payloadLines.add(lines.get(next).text());
                    next++;
                }
                payload = String.join("\r\n", payloadLines).getBytes(StandardCharsets.UTF_8);
                OptionalInt announced = binding.promptLength(line.text());
                assertThat(announced).as("prompt length of %s", at(line)).hasValue(payload.length);
            }
            Optional<AtRequest> request = binding.parseRequest(line.text(), payload);
            assertThat(request)
                    .as("%s is read by the generated parser", at(line))
                    .isPresent();
            assertThat(request.orElseThrow().line())
                    .as("%s formats back to the line the manual sends", at(line))
                    .isEqualTo(canonical(withoutSpaces(line.text())));
            if (payload != null) {
                assertThat(request.orElseThrow().command().promptPayload()).isEqualTo(payload);
            }
            pending = request.orElseThrow();
            checkedLines++;
            return next;
        }

        private int refused(List<TranscriptLine> lines, int index) {
            TranscriptLine line = lines.get(index);
            assertThat(binding.parseRequest(line.text(), null))
                    .as("%s is refused by the generated parser", at(line))
                    .isEmpty();
            // The module answers the refused line; nothing generated is pending.
            pending = null;
            checkedLines++;
            return index + 1;
        }

        /** The module's lines up to the next sent one, framed by the runtime with the chapter's decoders. */
        private int received(List<TranscriptLine> lines, int index) {
            int end = ModuleLines.end(lines, index);
            // While a command is pending, its counted responses are framed by its own decoders.
            Map<String, io.atspec.runtime.UrcDecoder> decoders = new java.util.HashMap<>(binding.urcDecoders());
            if (pending != null) {
                decoders.putAll(pending.command().responseDecoders());
            }
            List<io.atspec.runtime.Urc> framed = ModuleLines.frame(lines, index, end, decoders);
            assertThat(framed)
                    .as("what the module wrote from %s", at(lines.get(index)))
                    .isNotEmpty();
            for (io.atspec.runtime.Urc u : framed) {
                classify(u, lines.get(index));
            }
            return end;
        }

        private void classify(io.atspec.runtime.Urc u, TranscriptLine block) {
            String text = u.line();
            checkedLines++;
            if (u.payload() == null && isFinal(text)) {
                pending = null;
                return;
            }
            if (pending != null
                    && u.payload() != null
                    && pending.command().responseDecoders().containsKey(u.prefix())) {
                assertThat(binding.parseResponse(pending, text, u.payload()))
                        .as("'%s' (in the lines from %s) is a response of %s", u, at(block), pending.line())
                        .isPresent();
                return;
            }
            if (pending != null && u.payload() == null) {
                Optional<Object> response = binding.parseResponse(pending, text);
                if (response.isPresent()) {
                    return;
                }
            }
            Optional<Object> urc = binding.parseUrc(u);
            assertThat(urc)
                    .as(
                            "'%s' (in the lines from %s) is a final result, a response of %s, or a URC",
                            u, at(block), pending == null ? "nothing" : pending.line())
                    .isPresent();
        }

        private boolean isFinal(String text) {
            if (text.equals("OK")
                    || text.equals("ERROR")
                    || text.startsWith("+CME ERROR:")
                    || text.startsWith("+CMS ERROR:")) {
                return true;
            }
            if (pending != null) {
                return pending.command().finalLines().stream()
                        .anyMatch(f -> f.prefix() ? text.startsWith(f.text()) : text.equals(f.text()));
            }
            // With no command pending (the answer to a refused line) any command's line will do,
            // as in the spec checker.
            return chapter.commands().stream()
                    .flatMap(c -> c.finalResults().stream())
                    .anyMatch(f -> f.matches(text));
        }

        /** The line as formatters write it: the canonical name in place of an alias. */
        private String canonical(String compact) {
            return chapter.commands().stream()
                    .flatMap(c -> Stream.concat(
                                    Stream.of(c.name()), c.aliases().stream().map(Alias::name))
                            .map(name -> new String[] {name, c.name()}))
                    .filter(names -> compact.startsWith(names[0]))
                    .max(Comparator.comparingInt(names -> names[0].length()))
                    .map(names -> names[1] + compact.substring(names[0].length()))
                    .orElse(compact);
        }
    }

    private static boolean isPrompt(TranscriptLine line) {
        return line.direction() == Direction.RECEIVED && line.text().equals(">");
    }

    /** Spaces outside quotes are ignored by modules, and by the spec's examples. */
    private static String withoutSpaces(String line) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (char c : line.strip().toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (quoted || c != ' ') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String at(TranscriptLine line) {
        return ModuleLines.where(line);
    }
}
