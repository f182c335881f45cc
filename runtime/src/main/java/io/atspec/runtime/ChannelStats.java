package io.atspec.runtime;

/**
 * Counters of everything the reader skipped or dropped, so that nothing is lost silently.
 *
 * @param bytesRead         bytes read from the transport
 * @param garbageLines      lines with control characters, skipped
 * @param overlongLines     lines longer than the maximum, skipped up to the next line end
 * @param nulBytes          NUL bytes removed
 * @param bareLineEnds      a lone CR or LF where CR LF was expected
 * @param framingErrors     URC decoders that failed (bad length, payload too large, ...)
 * @param urcsDelivered     URCs handed to the dispatcher queue
 * @param urcsDropped       URCs dropped because the dispatcher queue was full
 * @param lateAnswersDropped final results (and response lines) of timed-out commands, dropped
 * @param unexpectedFinals  final results with no command pending, dropped
 * @param reboots           reboot indicators seen
 * @param listenerFailures  URC listeners that threw (contained; the dispatcher goes on)
 */
public record ChannelStats(
        long bytesRead,
        long garbageLines,
        long overlongLines,
        long nulBytes,
        long bareLineEnds,
        long framingErrors,
        long urcsDelivered,
        long urcsDropped,
        long lateAnswersDropped,
        long unexpectedFinals,
        long reboots,
        long listenerFailures) {}
