package io.atspec.cli;

import io.atspec.runtime.AtChannelConfig;
import io.atspec.runtime.ChannelStats;
import io.atspec.runtime.FinalLine;
import io.atspec.runtime.Urc;
import io.atspec.runtime.UrcDecoder;
import io.atspec.runtime.WireDecoder;
import io.atspec.runtime.WireTrace;
import io.atspec.runtime.bind.AtRequest;
import io.atspec.runtime.bind.ChapterBinding;
import io.atspec.runtime.bind.WireParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = {
            "Annotates a captured serial log with the chapters' bindings.",
            "",
            "The typed transcript tells which command each sent line is, which response answers it and"
                    + " which URC each report is, with its fields; '?? does not parse' where nothing fits.",
            "",
            "Capture formats (detected; --format to force):",
            "  trace  text lines with a TX or RX marker: 'TX: AT+CSQ\\r', 'RX: +CSQ: 20,0',",
            "         with the escapes \\r \\n \\t \\\\ \\xNN of the runtime's wire trace. Text",
            "         before the marker is ignored, so --trace output decodes as it is. An RX",
            "         record without CR or LF is one line.",
            "  raw    the bytes of the serial line; a line starting with AT counts as sent."
        })
final class DecodeCommand implements Callable<Integer> {

    @ParentCommand
    AtspecCommand root;

    @Parameters(index = "0", paramLabel = "<capture-file>", description = "The captured log.")
    Path capture;

    @Option(
            names = "--classpath",
            paramLabel = "PATH",
            split = "${sys:path.separator}",
            splitSynopsisLabel = "${sys:path.separator}",
            description = "Bindings jars or class directories with more chapters (a team's own, built with the"
                    + " atspec plugin), besides the chapters this tool carries.")
    List<Path> classPath = new ArrayList<>();

    @Option(
            names = "--format",
            paramLabel = "auto|trace|raw",
            description = "Capture format (default: ${DEFAULT-VALUE}).",
            defaultValue = "auto",
            converter = FormatConverter.class)
    Capture.Format format;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Capture.Format> {
        @Override
        public Capture.Format convert(String value) {
            return Capture.Format.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    @Override
    public Integer call() {
        byte[] data;
        try {
            data = Files.readAllBytes(capture);
        } catch (NoSuchFileException e) {
            throw new CliException("cannot read " + capture + ": no such file");
        } catch (IOException e) {
            throw new CliException("cannot read " + capture + ": " + Errors.ioReason(e), e);
        }
        try (Chapters chapters = Chapters.found(classPath)) {
            Annotator annotator = new Annotator(root.io.out(), chapters);
            int unparsed = annotator.run(
                    Capture.read(data, format),
                    !(format == Capture.Format.TRACE || (format == Capture.Format.AUTO && Capture.isTrace(data))));
            return unparsed == 0 ? 0 : 1;
        }
    }

    /** Walks the events, tracking the pending command as the runtime does. */
    static final class Annotator {
        private final PrintWriter out;
        private final Chapters chapters;
        private final Map<String, UrcDecoder> decoders;
        private final Noise noise = new Noise();

        private String pendingLine;
        private AtRequest pending;
        private ChapterBinding pendingChapter;
        private int payloadLength = -1;
        private boolean promptSeen;
        private ByteArrayOutputStream rawPayload;

        private int commands;
        private int responses;
        private int urcs;
        private int finals;
        private int unparsed;

        Annotator(PrintWriter out, Chapters chapters) {
            this.out = out;
            this.chapters = chapters;
            this.decoders = chapters.decoders();
        }

        /** Prints the transcript and its summary; returns how many lines did not parse. */
        int run(List<Capture.Event> events, boolean raw) {
            for (Capture.Event e : events) {
                if (e instanceof Capture.Tx tx) {
                    sent(tx.bytes());
                } else if (e instanceof Capture.RxPayloadOmitted omitted) {
                    String line = omitted.line();
                    int colon = line.indexOf(':');
                    Urc urc = Urc.withPayload(
                            colon < 0 ? line : line.substring(0, colon + 1), line, new byte[omitted.length()]);
                    out.println("< " + WireTrace.escape(line) + " (" + omitted.length()
                            + " payload bytes, not in the trace)");
                    classify(urc, false);
                } else if (e instanceof Capture.Rx rx) {
                    List<Urc> lines = new ArrayList<>();
                    String framingError = null;
                    try {
                        noise.add(WireDecoder.decode(
                                new ByteArrayInputStream(rx.bytes()),
                                AtChannelConfig.defaults(),
                                decodersNow(),
                                lines::add));
                    } catch (IOException | RuntimeException framing) {
                        framingError = Errors.oneLine(framing);
                    }
                    for (Urc u : lines) {
                        if (raw && rawPayload != null) {
                            rawPayloadLine(u.line());
                        } else if (raw && u.payload() == null && isCommandLine(u.line())) {
                            sent(u.line().getBytes(StandardCharsets.UTF_8));
                        } else {
                            received(u, raw);
                        }
                    }
                    if (framingError != null) {
                        unknown("the capture ends inside a payload (" + framingError + ")");
                    }
                }
            }
            out.println();
            out.println(CheckCommand.plural(commands, "command") + ", " + CheckCommand.plural(responses, "response")
                    + ", " + CheckCommand.plural(finals, "final result") + ", " + CheckCommand.plural(urcs, "URC")
                    + "; "
                    + CheckCommand.plural(unparsed, "line") + " did not parse; " + noise);
            return unparsed;
        }

        /**
         * The chapters' URC decoders, and while a command is pending the decoders of its own
         * response lines (a counted payload such as {@code +X: <n>,<len>,<data>}), as the channel
         * reads them.
         */
        private Map<String, UrcDecoder> decodersNow() {
            if (pending == null || pending.command().responseDecoders().isEmpty()) {
                return decoders;
            }
            Map<String, UrcDecoder> now = new java.util.HashMap<>(decoders);
            now.putAll(pending.command().responseDecoders());
            return now;
        }

        private static boolean isCommandLine(String line) {
            return line.length() >= 2 && line.regionMatches(true, 0, "AT", 0, 2);
        }

        private void sent(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (payloadLength >= 0) {
                payload(bytes);
                return;
            }
            print(">", WireTrace.escape(text));
            commands++;
            pendingLine = text;
            pending = null;
            pendingChapter = null;
            promptSeen = false;
            for (ChapterBinding b : chapters.all()) {
                OptionalInt prompt = b.promptLength(text);
                if (prompt.isPresent()) {
                    payloadLength = prompt.getAsInt();
                    pendingChapter = b;
                    note("command " + name(text) + " (chapter " + b.name() + "): " + payloadLength
                            + " payload bytes follow the '>' prompt");
                    return;
                }
            }
            for (ChapterBinding b : chapters.all()) {
                Optional<AtRequest> request = parseQuietly(b, text, null);
                if (request.isPresent()) {
                    pending = request.get();
                    pendingChapter = b;
                    note("command " + typed(request.get()) + " (chapter " + b.name() + ")");
                    return;
                }
            }
            String name = name(text);
            unknown(chapters.owning(name)
                    .map(c -> "no form of " + name + " (chapter " + c.name() + ") fits this line")
                    .orElse(name + " is not a command of " + chapters.names()));
        }

        private void payload(byte[] bytes) {
            print(">", WireTrace.escape(bytes, 0, bytes.length, 80) + " (" + bytes.length + " bytes)");
            Optional<AtRequest> request = parseQuietly(pendingChapter, pendingLine, bytes);
            payloadLength = -1;
            rawPayload = null;
            if (request.isPresent()) {
                pending = request.get();
                note("payload of " + name(pendingLine) + ": command " + typed(pending));
            } else {
                unknown("the payload does not fit " + pendingLine);
            }
        }

        private void rawPayloadLine(String line) {
            if (rawPayload.size() > 0) {
                rawPayload.writeBytes(new byte[] {'\r', '\n'});
            }
            rawPayload.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            if (rawPayload.size() >= payloadLength) {
                payload(rawPayload.toByteArray());
            }
        }

        private void received(Urc u, boolean raw) {
            String line = u.line();
            if (u.payload() == null && line.isBlank()) {
                return;
            }
            if (u.payload() != null) {
                print(
                        "<",
                        WireTrace.escape(line) + " " + WireTrace.escape(u.payload(), 0, u.payload().length, 60) + " ("
                                + u.payload().length + " payload bytes)");
            } else {
                print("<", WireTrace.escape(line));
            }
            classify(u, raw);
        }

        private void classify(Urc u, boolean raw) {
            String line = u.line();
            if (pendingLine != null && u.payload() == null && line.equals(pendingLine)) {
                note("echo of the command");
                return;
            }
            if (payloadLength >= 0 && !promptSeen && line.startsWith(">")) {
                promptSeen = true;
                note("prompt: the host sends " + payloadLength + " bytes");
                if (raw) {
                    rawPayload = new ByteArrayOutputStream();
                    String rest = line.substring(1).startsWith(" ") ? line.substring(2) : line.substring(1);
                    if (!rest.isEmpty()) {
                        rawPayloadLine(rest);
                    }
                }
                return;
            }
            Optional<FinalLine> answer = pendingAnswer(u);
            if (answer.isPresent()) {
                ended(u);
                return;
            }
            Optional<String> fin = finalResult(line);
            if (fin.isPresent()) {
                finals++;
                note(
                        pendingLine == null
                                ? "final result " + fin.get() + " (no command pending)"
                                : "final result of " + pendingLine + ": " + fin.get());
                pendingLine = null;
                pending = null;
                payloadLength = -1;
                return;
            }
            if (pending != null
                    && (u.payload() == null
                            || pending.command().responseDecoders().containsKey(u.prefix()))) {
                try {
                    Optional<Object> response = u.payload() == null
                            ? pendingChapter.parseResponse(pending, line)
                            : pendingChapter.parseResponse(pending, line, u.payload());
                    if (response.isPresent()) {
                        responses++;
                        note("response to " + pendingLine + ": " + typed(response.get()));
                        return;
                    }
                } catch (WireParseException e) {
                    unknown("malformed response to " + pendingLine + ": " + e.getMessage());
                    return;
                }
            }
            for (ChapterBinding b : chapters.all()) {
                try {
                    Optional<Object> urc = b.parseUrc(u);
                    if (urc.isPresent()) {
                        urcs++;
                        note("URC " + typed(urc.get()) + " (chapter " + b.name() + ")");
                        if (b.rebootIndications().stream().anyMatch(line::startsWith)) {
                            rebooted();
                        }
                        return;
                    }
                } catch (WireParseException e) {
                    unknown("malformed URC: " + e.getMessage());
                    return;
                }
            }
            unknown(null);
        }

        /** The pending command's final line that is also its answer ({@code -> final +X: ...}), if {@code u} is one. */
        private Optional<FinalLine> pendingAnswer(Urc u) {
            if (pending == null || u.payload() != null) {
                return Optional.empty();
            }
            return pending.command().finalLines().stream()
                    .filter(f -> f.isAnswer() && f.matches(u.line()))
                    .findFirst();
        }

        /** An answer that ends its command: the response, and the final result, in one line. */
        private void ended(Urc u) {
            try {
                Optional<Object> response = pendingChapter.parseResponse(pending, u.line());
                if (response.isEmpty()) {
                    unknown("the answer ending " + pendingLine + " has none of its response shapes");
                    return;
                }
                responses++;
                finals++;
                note("response to " + pendingLine + ", which it ends (no OK follows): " + typed(response.get()));
            } catch (WireParseException e) {
                unknown("malformed response to " + pendingLine + ": " + e.getMessage());
                return;
            } finally {
                pendingLine = null;
                pending = null;
                payloadLength = -1;
            }
        }

        /** As the channel does: a pending command gets no answer from a module that restarted. */
        private void rebooted() {
            note("the module restarted"
                    + (pendingLine == null ? "" : ": " + WireTrace.escape(pendingLine) + " gets no answer"));
            pendingLine = null;
            pending = null;
            payloadLength = -1;
        }

        private Optional<String> finalResult(String line) {
            if (line.equals("OK")) {
                return Optional.of("OK");
            }
            if (line.equals("ERROR")) {
                return Optional.of("ERROR");
            }
            if (line.startsWith("+CME ERROR:") || line.startsWith("+CMS ERROR:")) {
                return Optional.of(line + errorMeaning(line));
            }
            if (pending != null) {
                for (FinalLine f : pending.command().finalLines()) {
                    if (!f.isAnswer() && f.matches(line)) {
                        return Optional.of(line + (f.error() ? " (error)" : " (success)"));
                    }
                }
            }
            return Optional.empty();
        }

        /** From the table of the command that was pending, else from any chapter defining the code. */
        private String errorMeaning(String line) {
            String code = line.substring(line.indexOf(':') + 1).strip();
            return chapters.explainError(pendingLine == null ? null : name(pendingLine), code)
                    .map(meaning -> " (" + meaning + ")")
                    .orElse("");
        }

        private static Optional<AtRequest> parseQuietly(ChapterBinding b, String line, byte[] payload) {
            try {
                return b.parseRequest(line, payload);
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        }

        private void unknown(String why) {
            unparsed++;
            out.println("    ?? does not parse" + (why == null ? "" : ": " + why));
        }

        private void print(String direction, String text) {
            out.println(direction + " " + text);
        }

        private void note(String text) {
            out.println("    = " + text);
        }

        /** The command name of a line: {@code AT+HTTPPARA} of {@code AT+HTTPPARA=url,...}. */
        static String name(String line) {
            String s = line.strip();
            int end = s.length();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '=' || c == '?' || c == ' ') {
                    end = i;
                    break;
                }
            }
            return s.substring(0, end).toUpperCase(Locale.ROOT);
        }
    }

    /** What the reader skipped in the capture: the runtime counts it, decode reports it. */
    static final class Noise {
        private long garbageLines;
        private long overlongLines;
        private long nulBytes;

        void add(ChannelStats stats) {
            garbageLines += stats.garbageLines();
            overlongLines += stats.overlongLines();
            nulBytes += stats.nulBytes();
        }

        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            if (garbageLines > 0) {
                parts.add(CheckCommand.plural(garbageLines, "garbage line"));
            }
            if (overlongLines > 0) {
                parts.add(CheckCommand.plural(overlongLines, "overlong line"));
            }
            if (nulBytes > 0) {
                parts.add(CheckCommand.plural(nulBytes, "NUL byte"));
            }
            return parts.isEmpty() ? "no noise" : "noise skipped: " + String.join(", ", parts);
        }
    }

    /** A record's toString with its enclosing type: {@code HttpAction.Get[...]}. */
    static String typed(Object o) {
        String s = String.valueOf(o);
        Class<?> c = o.getClass();
        if (c.getEnclosingClass() != null && s.startsWith(c.getSimpleName())) {
            return c.getEnclosingClass().getSimpleName() + "." + s;
        }
        return s;
    }
}
