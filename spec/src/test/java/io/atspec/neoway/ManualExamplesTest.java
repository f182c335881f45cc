package io.atspec.neoway;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.SpecCompiler;
import io.atspec.grammar.model.Alias;
import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.Example;
import io.atspec.grammar.model.FormatItem;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.TranscriptLine;
import io.atspec.grammar.model.TranscriptLine.Direction;
import io.atspec.grammar.model.Urc;
import io.atspec.grammar.model.UrcReport;
import io.atspec.neoway.http.HttpRecv;
import io.atspec.neoway.http.HttpRequests;
import io.atspec.neoway.http.HttpUrc;
import io.atspec.neoway.http.HttpsRecv;
import io.atspec.neoway.network.NetworkRequests;
import io.atspec.neoway.network.NetworkUrc;
import io.atspec.runtime.bind.AtRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The manual's own exchanges, replayed through the generated bindings: one dynamic test per
 * example of both chapters, read from the spec model (not copied here), so a new example in a
 * spec is tested without touching this class.
 *
 * <p>The replay follows the spec checker's rules (spec-grammar ExampleChecker): a {@code >}
 * line is a command (or, after a {@code < >} prompt, a payload line); {@code >!} is a line the
 * module refuses; a {@code <} line is a final result, a response of the pending command, or a
 * URC, and the lines after a raw or length-framed URC header are its payload.
 */
class ManualExamplesTest {

    private static final Path HTTP = Path.of("src/main/atspec/neoway/http.atspec");
    private static final Path NETWORK = Path.of("src/main/atspec/neoway/network.atspec");

    /** The generated entry points of one chapter. */
    private record Bindings(
            BiFunction<String, byte[], Optional<AtRequest>> requests,
            BiFunction<AtRequest, String, Optional<Object>> responses,
            Function<io.atspec.runtime.Urc, Optional<?>> urcs,
            Function<String, OptionalInt> promptLength) {}

    @TestFactory
    Stream<DynamicNode> httpChapterExamples() {
        return examplesOf(
                HTTP,
                new Bindings(
                        HttpRequests::parse, HttpRequests::parseResponse, HttpUrc::parse, HttpRequests::promptLength));
    }

    @TestFactory
    Stream<DynamicNode> networkChapterExamples() {
        return examplesOf(
                NETWORK,
                new Bindings(
                        NetworkRequests::parse,
                        NetworkRequests::parseResponse,
                        NetworkUrc::parse,
                        NetworkRequests::promptLength));
    }

    private static Stream<DynamicNode> examplesOf(Path spec, Bindings bindings) {
        CompilationResult result = SpecCompiler.parse(spec);
        assertThat(result.errors()).as(result.render()).isEmpty();
        Chapter chapter = result.chapter().orElseThrow();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Command command : chapter.commands()) {
            nodes.add(container(command.name(), command.examples(), chapter, bindings));
        }
        for (Urc urc : chapter.urcs()) {
            nodes.add(container(urc.prefix(), urc.examples(), chapter, bindings));
        }
        assertThat(nodes).isNotEmpty();
        return nodes.stream();
    }

    private static DynamicContainer container(
            String owner, List<Example> examples, Chapter chapter, Bindings bindings) {
        return DynamicContainer.dynamicContainer(
                owner,
                examples.stream()
                        .map(e -> DynamicTest.dynamicTest(
                                e.title() + " (line " + e.location().line() + ")",
                                () -> new Replay(chapter, bindings).run(e))));
    }

    /** The host's view of one transcript. */
    private static final class Replay {
        private final Chapter chapter;
        private final Bindings bindings;
        private AtRequest pending;
        private int checkedLines;

        Replay(Chapter chapter, Bindings bindings) {
            this.chapter = chapter;
            this.bindings = bindings;
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
                OptionalInt announced = bindings.promptLength().apply(line.text());
                assertThat(announced).as("prompt length of %s", at(line)).hasValue(payload.length);
            }
            Optional<AtRequest> request = bindings.requests().apply(line.text(), payload);
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
            assertThat(bindings.requests().apply(line.text(), null))
                    .as("%s is refused by the generated parser", at(line))
                    .isEmpty();
            // The module answers the refused line; nothing generated is pending.
            pending = null;
            checkedLines++;
            return index + 1;
        }

        private int received(List<TranscriptLine> lines, int index) {
            TranscriptLine line = lines.get(index);
            String text = line.text();
            checkedLines++;
            if (isFinal(text)) {
                pending = null;
                return index + 1;
            }
            if (pending != null) {
                Optional<Object> response = bindings.responses().apply(pending, text);
                if (response.isPresent()) {
                    return index + 1;
                }
            }
            Optional<Urc> urc =
                    chapter.urcs().stream().filter(u -> matchesUrc(u, text)).findFirst();
            assertThat(urc)
                    .as(
                            "%s is a final result, a response of %s, or a URC",
                            at(line), pending == null ? "nothing" : pending.line())
                    .isPresent();
            return urcLine(urc.orElseThrow(), lines, index);
        }

        /** A URC line; a raw or framed header takes the lines after it as its payload. */
        private int urcLine(Urc urc, List<TranscriptLine> lines, int index) {
            TranscriptLine line = lines.get(index);
            String spelling = spellingOf(urc, line.text());
            String rest = line.text()
                    .substring(Math.min(line.text().length(), spelling.length() + 1))
                    .strip();
            Optional<List<String>> terminators = rawTerminators(urc);
            if (rest.isEmpty() && terminators.isPresent()) {
                List<String> data = new ArrayList<>();
                int next = index + 1;
                while (next < lines.size() && !terminates(terminators.get(), lines.get(next))) {
                    data.add(lines.get(next).text());
                    next++;
                }
                byte[] bytes = String.join("\r\n", data).getBytes(StandardCharsets.UTF_8);
                Object parsed = parseUrc(io.atspec.runtime.Urc.withPayload(spelling + ":", line.text(), bytes), line);
                assertThat(rawData(parsed)).as("raw data of %s", at(line)).isEqualTo(bytes);
                return next;
            }
            int comma = rest.indexOf(',');
            if (comma > 0 && isFramed(urc)) {
                // As the runtime frames it: the header up to the comma, then exactly <length> bytes.
                int length = Integer.parseInt(rest.substring(0, comma).strip());
                StringBuilder data = new StringBuilder(rest.substring(comma + 1));
                int next = index + 1;
                while (next < lines.size()
                        && lines.get(next).direction() == Direction.RECEIVED
                        && data.toString().getBytes(StandardCharsets.UTF_8).length < length) {
                    data.append("\r\n").append(lines.get(next).text());
                    next++;
                }
                byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
                String header = line.text().substring(0, line.text().indexOf(',') + 1);
                Object parsed = parseUrc(io.atspec.runtime.Urc.withPayload(spelling + ":", header, bytes), line);
                assertThat(framedLength(parsed)).as("length of %s", at(line)).hasValue(length);
                assertThat(framedData(parsed)).as("data of %s", at(line)).isEqualTo(bytes);
                return next;
            }
            parseUrc(io.atspec.runtime.Urc.of(line.text()), line);
            return index + 1;
        }

        private boolean terminates(List<String> terminators, TranscriptLine line) {
            return line.direction() == Direction.RECEIVED
                    && terminators.stream().anyMatch(t -> isUrc(t, line.text()));
        }

        private Object parseUrc(io.atspec.runtime.Urc urc, TranscriptLine line) {
            Optional<?> parsed = bindings.urcs().apply(urc);
            assertThat(parsed)
                    .as("%s is read by the generated URC parser", at(line))
                    .isPresent();
            return parsed.orElseThrow();
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

        private boolean isUrc(String prefix, String text) {
            return chapter.urcNamed(prefix).map(u -> matchesUrc(u, text)).orElse(false);
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

        private static Optional<List<String>> rawTerminators(Urc urc) {
            for (UrcReport report : urc.reports()) {
                List<FormatItem> items = report.format().items();
                if (items.size() == 1 && items.get(0) instanceof FormatItem.Field field) {
                    Optional<ParamType.Framing> framing = urc.parameter(field.name())
                            .filter(p -> p.type() instanceof ParamType.BytesType)
                            .map(p -> ((ParamType.BytesType) p.type()).framing());
                    if (framing.isPresent() && framing.get() instanceof ParamType.UntilUrc until) {
                        return Optional.of(until.terminators());
                    }
                }
            }
            return Optional.empty();
        }

        private static boolean isFramed(Urc urc) {
            return urc.parameters().stream()
                    .anyMatch(
                            p -> p.type() instanceof ParamType.BytesType b && b.framing() instanceof ParamType.SizedBy);
        }
    }

    private static boolean isPrompt(TranscriptLine line) {
        return line.direction() == Direction.RECEIVED && line.text().equals(">");
    }

    static boolean matchesUrc(Urc urc, String text) {
        if (urc.prefixless()) {
            return text.equals(urc.prefix()) || urc.aliases().stream().anyMatch(a -> text.equals(a.name()));
        }
        return spellings(urc).stream().anyMatch(p -> text.equals(p) || text.startsWith(p + ":"));
    }

    private static String spellingOf(Urc urc, String text) {
        return spellings(urc).stream()
                .filter(p -> text.equals(p) || text.startsWith(p + ":"))
                .findFirst()
                .orElse(urc.prefix());
    }

    private static List<String> spellings(Urc urc) {
        List<String> names = new ArrayList<>();
        names.add(urc.prefix());
        urc.aliases().forEach(a -> names.add(a.name()));
        return names;
    }

    private static byte[] rawData(Object urc) {
        if (urc instanceof HttpRecv r) {
            return r.datas().orElseThrow();
        }
        return ((HttpsRecv) urc).datas().orElseThrow();
    }

    private static OptionalInt framedLength(Object urc) {
        return urc instanceof HttpRecv r ? r.length() : ((HttpsRecv) urc).length();
    }

    private static byte[] framedData(Object urc) {
        return urc instanceof HttpRecv r
                ? r.data().orElseThrow()
                : ((HttpsRecv) urc).data().orElseThrow();
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
        return "line " + line.location().line() + " '" + line.text() + "'";
    }
}
