package io.atspec.runtime;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Channel settings.
 *
 * @param maxLineLength     longer lines are counted, logged and skipped up to the next line end
 * @param maxPayloadLength  bound for {@link UrcReader#readExactly} and {@link UrcReader#readUntilLine}
 * @param urcQueueCapacity  URCs waiting for the dispatcher; overflow is counted and reported
 * @param lateAnswerWindow  after a timeout, how long the next command is held back so that a late
 *                          final result of the timed-out command can be recognised and dropped
 * @param rebootIndicators  line prefixes that mean the module (re)booted, e.g. {@code +PBREADY}: the
 *                          pending command and completions fail with {@link ModuleRebootedException}
 *                          and the line is still delivered as a URC
 * @param charset           how line bytes become Strings
 */
public record AtChannelConfig(
        int maxLineLength,
        int maxPayloadLength,
        int urcQueueCapacity,
        Duration lateAnswerWindow,
        List<String> rebootIndicators,
        Charset charset) {

    public static final AtChannelConfig DEFAULTS = new AtChannelConfig(
            64 * 1024, 16 * 1024 * 1024, 4096, Duration.ofMillis(500), List.of(), StandardCharsets.UTF_8);

    public AtChannelConfig {
        if (maxLineLength < 16) {
            throw new IllegalArgumentException("maxLineLength must be at least 16");
        }
        if (maxPayloadLength < 1 || urcQueueCapacity < 1) {
            throw new IllegalArgumentException("maxPayloadLength and urcQueueCapacity must be positive");
        }
        Objects.requireNonNull(lateAnswerWindow, "lateAnswerWindow");
        rebootIndicators = List.copyOf(rebootIndicators);
        Objects.requireNonNull(charset, "charset");
    }

    public static AtChannelConfig defaults() {
        return DEFAULTS;
    }

    public AtChannelConfig withMaxLineLength(int v) {
        return new AtChannelConfig(v, maxPayloadLength, urcQueueCapacity, lateAnswerWindow, rebootIndicators, charset);
    }

    public AtChannelConfig withMaxPayloadLength(int v) {
        return new AtChannelConfig(maxLineLength, v, urcQueueCapacity, lateAnswerWindow, rebootIndicators, charset);
    }

    public AtChannelConfig withUrcQueueCapacity(int v) {
        return new AtChannelConfig(maxLineLength, maxPayloadLength, v, lateAnswerWindow, rebootIndicators, charset);
    }

    public AtChannelConfig withLateAnswerWindow(Duration v) {
        return new AtChannelConfig(maxLineLength, maxPayloadLength, urcQueueCapacity, v, rebootIndicators, charset);
    }

    public AtChannelConfig withRebootIndicators(String... v) {
        return new AtChannelConfig(
                maxLineLength, maxPayloadLength, urcQueueCapacity, lateAnswerWindow, List.of(v), charset);
    }

    public AtChannelConfig withCharset(Charset v) {
        return new AtChannelConfig(
                maxLineLength, maxPayloadLength, urcQueueCapacity, lateAnswerWindow, rebootIndicators, v);
    }
}
