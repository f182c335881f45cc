package io.atspec.grammar.check;

import io.atspec.grammar.Reporter;
import io.atspec.grammar.link.LineShape;
import io.atspec.grammar.link.PayloadFraming;
import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.Example;
import io.atspec.grammar.model.FinalResult;
import io.atspec.grammar.model.Form;
import io.atspec.grammar.model.Format;
import io.atspec.grammar.model.FormatItem;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.ResponseFormat;
import io.atspec.grammar.model.TranscriptLine;
import io.atspec.grammar.model.Urc;
import io.atspec.grammar.model.UrcReport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays an example transcript against the chapter, as a reader on the host would see it:
 * every sent command must fit a form of a declared command, every received line must be a
 * final result, a response of the pending command, a declared URC, or payload.
 */
final class ExampleChecker {

    private final Chapter chapter;
    private final Reporter reporter;
    private final FormMatcher matcher;

    ExampleChecker(Chapter chapter, Reporter reporter, ValueRules values) {
        this.chapter = chapter;
        this.reporter = reporter;
        this.matcher = new FormMatcher(values);
    }

    void check(Example example) {
        new Replay(example).run();
    }

    /** The reader's state while one transcript is replayed. */
    private final class Replay {
        private final Example example;
        private Command pending;
        private Form pendingForm;
        private List<FormatItem> pendingShape = List.of();
        private List<String> pendingArguments = List.of();
        private TranscriptLine promptLine;
        private List<String> payload;
        private List<String> rawTerminators = List.of();
        private long framedRemaining;

        Replay(Example example) {
            this.example = example;
        }

        void run() {
            for (TranscriptLine line : example.lines()) {
                switch (line.direction()) {
                    case SENT -> sent(line);
                    case SENT_REFUSED -> refused(line);
                    case RECEIVED -> received(line);
                }
            }
            finishPayload();
        }

        private void sent(TranscriptLine line) {
            if (payload != null) {
                payload.add(line.text());
                return;
            }
            endPayloadModes();
            String text = WireArguments.withoutSpaces(line.text());
            if (!text.startsWith("AT")) {
                reporter.error(
                        line.location(),
                        "a sent line is an AT command, or payload after a '>' prompt; found '" + shorten(line.text())
                                + "'");
                return;
            }
            Optional<FormMatcher.SentLine> parsed = FormMatcher.parse(chapter.commands(), text);
            if (parsed.isEmpty()) {
                reporter.error(
                        line.location(),
                        "example sends " + commandWord(text) + ", which the chapter does not declare"
                                + " (add an alias if the manual spells a declared command this way)");
                pending = null;
                return;
            }
            FormMatcher.Result result = matcher.match(parsed.get());
            if (result.form().isEmpty()) {
                reporter.error(
                        line.location(),
                        "example line does not fit " + parsed.get().command().name() + ": " + result.reason());
                pending = null;
                return;
            }
            pending = parsed.get().command();
            pendingForm = result.form().get();
            pendingShape = result.shape();
            pendingArguments = parsed.get().arguments();
            checkInlineLengths(line);
        }

        /**
         * A length derived from content in the same line ({@code <text_length>,<content>}) must
         * be the content's byte count: UTF-8 bytes of a string, half the characters of hex.
         */
        private void checkInlineLengths(TranscriptLine line) {
            for (int i = 0; i < pendingShape.size() && i < pendingArguments.size(); i++) {
                if (!(pendingShape.get(i) instanceof FormatItem.Field field)) {
                    continue;
                }
                Optional<String> target = pending.parameter(field.name()).flatMap(Parameter::derivedLengthOf);
                int at = target.map(this::shapeIndex).orElse(-1);
                if (at < 0 || at >= pendingArguments.size()) {
                    continue;
                }
                Optional<Parameter> content = pending.parameter(target.get());
                if (content.isEmpty() || !(content.get().type() instanceof ParamType.TextType text)) {
                    continue;
                }
                String value = WireArguments.unquoted(pendingArguments.get(at));
                long bytes = text.kind() == ParamType.TextKind.HEX
                        ? value.length() / 2
                        : value.getBytes(StandardCharsets.UTF_8).length;
                long declared = ValueRules.parseInt(pendingArguments.get(i)).orElse(-1L);
                if (text.kind() == ParamType.TextKind.HEX && value.length() % 2 != 0) {
                    reporter.error(
                            line.location(),
                            "<" + target.get() + "> has " + value.length() + " hex characters; its length <"
                                    + field.name() + "> counts bytes (two characters each), so it needs an even"
                                    + " number");
                } else if (declared != bytes) {
                    reporter.error(
                            line.location(),
                            "<" + target.get() + "> is " + bytes + " bytes"
                                    + (text.kind() == ParamType.TextKind.HEX
                                            ? " (" + value.length() + " hex characters)"
                                            : "")
                                    + ", but <" + field.name() + "> says " + declared);
                }
            }
        }

        private int shapeIndex(String name) {
            for (int i = 0; i < pendingShape.size(); i++) {
                if (pendingShape.get(i) instanceof FormatItem.Field f
                        && f.name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        private void refused(TranscriptLine line) {
            endPayloadModes();
            String text = WireArguments.withoutSpaces(line.text());
            Optional<FormMatcher.SentLine> parsed = FormMatcher.parse(chapter.commands(), text);
            pending = parsed.map(FormMatcher.SentLine::command).orElse(null);
            pendingForm = null;
            if (parsed.isPresent()) {
                FormMatcher.Result result = matcher.match(parsed.get());
                result.form()
                        .ifPresent(form -> reporter.error(
                                line.location(),
                                "line is marked refused ('>!') but fits the " + form.describe() + " of "
                                        + parsed.get().command().name()));
            }
        }

        private void received(TranscriptLine line) {
            String text = line.text();
            if (payload != null) {
                finishPayload();
            }
            if (framedRemaining > 0) {
                framedRemaining -= text.getBytes(StandardCharsets.UTF_8).length + 2L;
                return;
            }
            if (!rawTerminators.isEmpty()) {
                if (rawTerminators.stream().noneMatch(t -> startsUrc(text, t))) {
                    return;
                }
                rawTerminators = List.of();
            }
            if (text.equals(">")) {
                prompt(line);
                return;
            }
            if (isFinal(text) || isFinalResponse(text)) {
                pending = null;
                pendingForm = null;
                return;
            }
            if (pendingForm != null && isResponse(line)) {
                return;
            }
            Optional<Urc> urc =
                    chapter.urcs().stream().filter(u -> matchesUrc(u, text)).findFirst();
            if (urc.isPresent()) {
                urcLine(urc.get(), line);
                return;
            }
            reporter.error(
                    line.location(),
                    "received line '" + shorten(text) + "' is not a final result"
                            + (pending != null ? " or response of " + pending.name() : "")
                            + ", nor a URC the chapter declares");
        }

        private void prompt(TranscriptLine line) {
            if (pendingForm == null || pendingForm.promptPayload().isEmpty()) {
                reporter.error(
                        line.location(),
                        "prompt '>' received, but "
                                + (pending == null
                                        ? "no command is pending"
                                        : "the " + (pendingForm == null ? "line" : pendingForm.describe()) + " of "
                                                + pending.name() + " sends no payload"));
                return;
            }
            promptLine = line;
            payload = new ArrayList<>();
        }

        /** The payload ends at the next received line: its size must equal the derived length. */
        private void finishPayload() {
            if (payload == null) {
                return;
            }
            byte[] bytes = String.join("\r\n", payload).getBytes(StandardCharsets.UTF_8);
            String payloadName = pendingForm.promptPayload().orElseThrow();
            for (int i = 0; i < pendingShape.size(); i++) {
                if (pendingShape.get(i) instanceof FormatItem.Field field) {
                    Optional<Parameter> parameter = pending.parameter(field.name());
                    if (parameter.isPresent()
                            && parameter
                                    .get()
                                    .derivedLengthOf()
                                    .filter(payloadName::equals)
                                    .isPresent()) {
                        long declared =
                                ValueRules.parseInt(pendingArguments.get(i)).orElse(-1L);
                        if (declared != bytes.length) {
                            reporter.error(
                                    promptLine.location(),
                                    "payload after the prompt is " + bytes.length + " bytes (lines joined with CR"
                                            + " LF), but <" + field.name() + "> says " + declared);
                        }
                    }
                }
            }
            payload = null;
            promptLine = null;
        }

        private void endPayloadModes() {
            rawTerminators = List.of();
            framedRemaining = 0;
        }

        private boolean isFinal(String text) {
            if (text.equals("OK")
                    || text.equals("ERROR")
                    || text.startsWith("+CME ERROR:")
                    || text.startsWith("+CMS ERROR:")) {
                return true;
            }
            // A command-specific final line belongs to the pending command; with none pending
            // (the manual often leaves the command out) any command's line will do.
            List<Command> owners = pending != null ? List.of(pending) : chapter.commands();
            for (Command owner : owners) {
                for (FinalResult f : owner.finalResults()) {
                    boolean shaped = f.shape()
                            .filter(shape -> LineShape.of(
                                            chapter, shape.wirePrefix(), shape.format(), owner.parameters())
                                    .matches(text))
                            .isPresent();
                    if (shaped || f.matches(text)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** A response marked {@code final}: the line that answers the pending command also ends it. */
        private boolean isFinalResponse(String text) {
            return pendingForm != null
                    && pendingForm.responses().stream()
                            .filter(ResponseFormat::endsCommand)
                            .anyMatch(r -> LineShape.of(chapter, r.wirePrefix(), r.format(), pending.parameters())
                                    .matches(text));
        }

        private boolean isResponse(TranscriptLine line) {
            for (ResponseFormat response : pendingForm.responses()) {
                String wirePrefix = response.wirePrefix();
                if (response.endsCommand() || !line.text().startsWith(wirePrefix)) {
                    continue;
                }
                Optional<Long> counted = countedRemaining(
                        response.format(),
                        pending.parameters(),
                        line.text().substring(wirePrefix.length()).strip());
                if (counted.isPresent()) {
                    framedRemaining = counted.get();
                    return true;
                }
                List<String> fields = WireArguments.split(
                        line.text().substring(wirePrefix.length()).strip());
                int min = response.format().requiredCount();
                int max = response.format().maximumCount();
                if (fields.size() >= min && fields.size() <= max) {
                    return true;
                }
            }
            boolean prefixMatches =
                    pendingForm.responses().stream().anyMatch(r -> line.text().startsWith(r.wirePrefix()));
            if (prefixMatches && chapter.urcs().stream().noneMatch(u -> matchesUrc(u, line.text()))) {
                ResponseFormat first = pendingForm.responses().get(0);
                reporter.error(
                        line.location(),
                        "response of " + pending.name() + " does not fit " + first.wirePrefix() + " " + first.format());
                return true;
            }
            return false;
        }

        private void urcLine(Urc urc, TranscriptLine line) {
            if (urc.prefixless() || urc.reports().isEmpty()) {
                return;
            }
            String rest = afterPrefix(urc, line.text()).strip();
            for (UrcReport report : urc.reports()) {
                List<FormatItem> items = report.format().items();
                if (rest.isEmpty()) {
                    Optional<ParamType.UntilUrc> raw = rawPayload(urc, items);
                    if (raw.isPresent()) {
                        rawTerminators = raw.get().terminators();
                        return;
                    }
                    continue;
                }
                if (items.size() == 1 && items.get(0) instanceof FormatItem.Text fixed) {
                    if (rest.equals(fixed.text())) {
                        return;
                    }
                    continue;
                }
                Optional<Long> framed = framedLength(urc, items, rest);
                if (framed.isPresent()) {
                    framedRemaining = framed.get();
                    return;
                }
                List<String> fields = WireArguments.split(rest);
                if (rawPayload(urc, items).isEmpty()
                        && fields.size() >= report.format().requiredCount()
                        && fields.size() <= report.format().maximumCount()) {
                    return;
                }
            }
            reporter.error(
                    line.location(),
                    "URC line '" + shorten(line.text()) + "' fits none of the reports of " + urc.prefix());
        }

        /** The first line of a length-framed URC: the bytes still to come after this line. */
        private Optional<Long> framedLength(Urc urc, List<FormatItem> items, String rest) {
            return countedRemaining(new Format(items), urc.parameters(), rest);
        }

        private Optional<ParamType.UntilUrc> rawPayload(Urc urc, List<FormatItem> items) {
            if (items.size() != 1 || !(items.get(0) instanceof FormatItem.Field field)) {
                return Optional.empty();
            }
            return urc.parameter(field.name())
                    .filter(p -> p.type() instanceof ParamType.BytesType)
                    .map(p -> ((ParamType.BytesType) p.type()).framing())
                    .filter(f -> f instanceof ParamType.UntilUrc)
                    .map(f -> (ParamType.UntilUrc) f);
        }

        private boolean startsUrc(String text, String prefix) {
            return chapter.urcNamed(prefix).map(u -> matchesUrc(u, text)).orElse(false);
        }
    }

    /**
     * The first line of a counted payload ({@code +SOCKRECV: 0,12,ab}): how many bytes are still
     * to come after it, where {@link PayloadFraming#counted} says the length is; empty when
     * {@code format} counts no payload or the line ends before the payload.
     */
    static Optional<Long> countedRemaining(Format format, List<Parameter> declared, String rest) {
        Map<String, Parameter> parameters = new HashMap<>();
        declared.forEach(p -> parameters.put(p.name(), p));
        Optional<PayloadFraming.Counted> counted = PayloadFraming.counted(format, parameters);
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        int at = 0;
        String length = "";
        for (int i = 0; i < counted.get().fieldsBefore(); i++) {
            int comma = rest.indexOf(',', at);
            if (comma < 0) {
                return Optional.empty();
            }
            if (i == counted.get().lengthField()) {
                length = rest.substring(at, comma).strip();
            }
            at = comma + 1;
        }
        long onThisLine = rest.substring(at).getBytes(StandardCharsets.UTF_8).length;
        return ValueRules.parseInt(length).map(n -> n - onThisLine - 2);
    }

    /** Whether a received line is this URC: its prefix or an alias, then a colon or nothing. */
    static boolean matchesUrc(Urc urc, String text) {
        if (urc.prefixless()) {
            return text.equals(urc.prefix()) || urc.aliases().stream().anyMatch(a -> text.equals(a.name()));
        }
        return spellings(urc).stream().anyMatch(p -> text.equals(p) || text.startsWith(p + ":"));
    }

    private static String afterPrefix(Urc urc, String text) {
        for (String prefix : spellings(urc)) {
            if (text.startsWith(prefix + ":")) {
                return text.substring(prefix.length() + 1);
            }
        }
        return "";
    }

    private static List<String> spellings(Urc urc) {
        List<String> names = new ArrayList<>();
        names.add(urc.prefix());
        urc.aliases().forEach(a -> names.add(a.name()));
        return names;
    }

    private static String commandWord(String line) {
        int end = 2;
        while (end < line.length() && "=?".indexOf(line.charAt(end)) < 0) {
            end++;
        }
        return line.substring(0, end);
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
