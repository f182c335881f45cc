package io.atspec.runtime.bind;

import io.atspec.runtime.Urc;
import io.atspec.runtime.UrcDecoder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One generated chapter, as tools that handle every chapter on the class path see it (decode,
 * example replay, the CLI). Implemented by generated code, one class per chapter
 * ({@code <Chapter>Chapter}, e.g. {@code HttpChapter}), registered in
 * {@code META-INF/services/io.atspec.runtime.bind.ChapterBinding} by the generator and found by
 * {@link ChapterBindings#load()}.
 *
 * <p>Every method answers for this chapter only: an empty result means "not mine", so a tool can
 * ask each chapter in turn.
 */
public interface ChapterBinding {

    /** The spec's chapter name, e.g. {@code http}. */
    String name();

    /** The Java package of the chapter's generated types, e.g. {@code io.atspec.neoway.http}. */
    String javaPackage();

    /** The wire names of the chapter's commands, aliases included, e.g. {@code AT+HTTPACTION}. */
    Set<String> commandNames();

    /**
     * The decoders of the chapter's URCs by registered prefix (with its ':'), aliases too: what a
     * channel or a capture reader registers so that payload-carrying URCs are framed as the spec
     * says.
     */
    Map<String, UrcDecoder> urcDecoders();

    /** Line prefixes that mean the module restarted (e.g. {@code +PBREADY}). */
    List<String> rebootIndications();

    /**
     * Reads a host command line (and the prompt payload that followed it, or null) into a typed
     * request: what a simulated module or a capture reader needs. Empty if the line is not a
     * command of this chapter.
     *
     * @throws WireParseException if the line names a command of this chapter but does not parse
     */
    Optional<AtRequest> parseRequest(String line, byte[] payload);

    /**
     * The length of the payload that the command line announces it will send after the {@code >}
     * prompt, or empty if the line is not a prompt command of this chapter.
     */
    OptionalInt promptLength(String line);

    /**
     * Reads an information line that answers {@code request} into its typed response; empty if
     * the line is not an answer of that request.
     *
     * @throws WireParseException if the line is the request's answer but does not parse
     */
    Optional<Object> parseResponse(AtRequest request, String line);

    /**
     * As {@link #parseResponse(AtRequest, String)}, for a line whose payload the channel counted
     * ({@code AtResponse.payload(i)} of line {@code i}; null when it has none).
     *
     * @throws WireParseException if the line is the request's answer but does not parse
     */
    default Optional<Object> parseResponse(AtRequest request, String line, byte[] payload) {
        return parseResponse(request, line);
    }

    /**
     * Reads a URC into its typed form; empty if the URC is not one of this chapter.
     *
     * @throws WireParseException if the URC is of this chapter but does not parse
     */
    Optional<Object> parseUrc(Urc urc);

    /** The meaning of error {@code code} in the error table of command {@code commandName} (e.g. {@code AT+HTTPACTION}). */
    Optional<String> explainError(String commandName, String code);

    /** The meaning of error {@code code} in any error table of this chapter. */
    Optional<String> explainError(String code);
}
