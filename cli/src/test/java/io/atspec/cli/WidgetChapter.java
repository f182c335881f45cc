package io.atspec.cli;

import io.atspec.runtime.AtCommand;
import io.atspec.runtime.Urc;
import io.atspec.runtime.UrcDecoder;
import io.atspec.runtime.bind.AtRequest;
import io.atspec.runtime.bind.ChapterBinding;
import io.atspec.runtime.bind.WireParseException;
import io.atspec.runtime.testing.EmptyChapter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A hand-written chapter binding as the generator would emit it for a small non-Neoway chapter:
 * AT+WSTAT? answered by {@code +WSTAT: <state>}, AT+WSEND=<n> with an n-byte prompt payload and
 * its own error table, the length-framed URC {@code +WDATA: <n>,<data>} and the reboot URC
 * {@code +WBOOT}. Registered only through {@code atspec decode --classpath} in the tests.
 */
public class WidgetChapter implements ChapterBinding {

    record Stat(AtCommand command, String line) implements AtRequest {
        @Override
        public AtCommand command(Duration timeout) {
            return command;
        }
    }

    record Send(int length, byte[] data) implements AtRequest {
        @Override
        public String line() {
            return "AT+WSEND=" + length;
        }

        @Override
        public AtCommand command() {
            return AtCommand.builder(line()).prompt(data).build();
        }

        @Override
        public AtCommand command(Duration timeout) {
            return command();
        }

        @Override
        public String toString() {
            return "Send[" + new String(data, StandardCharsets.UTF_8) + "]";
        }
    }

    record StatResponse(int state) {}

    record Data(int length, String data) {}

    @Override
    public String name() {
        return "widget";
    }

    @Override
    public String javaPackage() {
        return "com.acme.widget";
    }

    @Override
    public Set<String> commandNames() {
        return Set.of("AT+WSTAT", "AT+WSEND");
    }

    @Override
    public Map<String, UrcDecoder> urcDecoders() {
        return Map.of("+WDATA:", UrcDecoder.lengthFramed());
    }

    @Override
    public List<String> rebootIndications() {
        return List.of("+WBOOT");
    }

    @Override
    public Optional<AtRequest> parseRequest(String line, byte[] payload) {
        if (line.equals("AT+WSTAT?")) {
            return Optional.of(
                    new Stat(AtCommand.builder(line).expect("+WSTAT:").build(), line));
        }
        OptionalInt length = promptLength(line);
        if (length.isPresent() && payload != null) {
            if (payload.length != length.getAsInt()) {
                throw new WireParseException(line + ": " + payload.length + " payload bytes, announced " + length);
            }
            return Optional.of(new Send(length.getAsInt(), payload));
        }
        return Optional.empty();
    }

    @Override
    public OptionalInt promptLength(String line) {
        if (line.startsWith("AT+WSEND=")) {
            try {
                return OptionalInt.of(Integer.parseInt(line.substring("AT+WSEND=".length())));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public Optional<Object> parseResponse(AtRequest request, String line) {
        if (request instanceof Stat && line.startsWith("+WSTAT: ")) {
            return Optional.of(new StatResponse(Integer.parseInt(line.substring("+WSTAT: ".length()))));
        }
        return Optional.empty();
    }

    @Override
    public Optional<Object> parseUrc(Urc urc) {
        if (urc.prefix().equals("+WDATA:") && urc.payload() != null) {
            return Optional.of(new Data(urc.payload().length, new String(urc.payload(), StandardCharsets.UTF_8)));
        }
        if (urc.line().equals("+WBOOT")) {
            return Optional.of("Boot");
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> explainError(String commandName, String code) {
        return commandName.equals("AT+WSEND") && code.equals("7")
                ? Optional.of("WsendError.BUFFER_FULL: the send buffer is full")
                : Optional.empty();
    }

    @Override
    public Optional<String> explainError(String code) {
        return explainError("AT+WSEND", code);
    }

    /** A second chapter: one command and error 7 in its table. */
    public static final class Gadget extends EmptyChapter {
        public Gadget() {
            super("gadget", "com.acme.gadget");
        }

        @Override
        public Set<String> commandNames() {
            return Set.of("AT+GSET");
        }

        @Override
        public Optional<String> explainError(String code) {
            return code.equals("7") ? Optional.of("GadgetError.JAMMED: the gadget jammed") : Optional.empty();
        }
    }

    /** Another build of the widget chapter. */
    public static final class SecondWidget extends WidgetChapter {
        @Override
        public String javaPackage() {
            return "com.acme.widget2";
        }
    }
}
