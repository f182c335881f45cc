package io.atspec.grammar.link;

import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.Value;
import io.atspec.grammar.model.ValueSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * For a command whose OK only acknowledges it: how its outcome arrives, every reference
 * resolved and every default applied.
 */
public sealed interface LinkedCompletion {

    /** How long after the acknowledgement the outcome may take (the spec's, or the default). */
    Duration timeout();

    /** The forms it applies to; empty for every form. */
    List<LinkedForm> forms();

    /**
     * URCs collected until one ends the wait.
     *
     * @param collect the URCs whose reports make up the outcome
     * @param end the URC that ends the wait
     * @param endField the field of {@code end} whose value decides, if only some values end it
     * @param endValues the values of {@code endField} that end the wait
     * @param endGiven the request parameter without which {@code endField} does not matter
     *     (the first {@code end} then ends the wait), if the spec says {@code given}
     * @param lineStarts the line starts the channel collects: those of {@code collect}, then
     *     {@code end}'s, each once
     * @param abortLineStarts the line starts of the URCs that end the wait at once with a
     *     failure (this chapter's with their colon when they have fields; another chapter's as
     *     the header's {@code uses} names them)
     * @param headersOnlyForms the forms whose collected HTTP messages have no body (a HEAD
     *     request's answer), whatever their Content-Length says
     * @param endWords the words or strings of {@code endField} that end the wait (a text field)
     * @param matching the report field equal to a request parameter in this request's reports
     * @param fails the ending reports that fail the call, and the exception they fail it with
     */
    record Urcs(
            Duration timeout,
            List<LinkedForm> forms,
            List<LinkedUrc> collect,
            LinkedUrc end,
            Optional<LinkedParameter> endField,
            ValueSet endValues,
            Optional<LinkedParameter> endGiven,
            List<String> lineStarts,
            List<String> abortLineStarts,
            List<LinkedForm> headersOnlyForms,
            List<Value> endWords,
            Optional<Matching> matching,
            Optional<Failure> fails)
            implements LinkedCompletion {
        public Urcs {
            forms = List.copyOf(forms);
            collect = List.copyOf(collect);
            lineStarts = List.copyOf(lineStarts);
            abortLineStarts = List.copyOf(abortLineStarts);
            headersOnlyForms = List.copyOf(headersOnlyForms);
            endWords = List.copyOf(endWords);
        }

        /**
         * The collected URCs whose HTTP message, once whole, also ends the wait: those framed as
         * {@code bytes http until <end>}. Their terminator is the end of the wait, and on a
         * kept-alive link it never comes; the message's own framing says the answer is complete.
         */
        public List<LinkedUrc> wholeMessageEnds() {
            return collect.stream()
                    .filter(u -> u.framing().httpMessage()
                            && u.framing()
                                    .terminator()
                                    .filter(end.prefix()::equals)
                                    .isPresent())
                    .toList();
        }
    }

    /**
     * {@code matching <field> = <parameter>}: a report is the request's when its {@code field}
     * equals the request's {@code parameter}.
     */
    record Matching(LinkedParameter field, LinkedParameter parameter) {}

    /**
     * {@code fails when <field> in <values>}: an ending report with such a value fails the call.
     *
     * @param exceptionName the generated exception, {@code <Command>FailedException}
     */
    record Failure(LinkedParameter field, ValueSet numbers, List<Value> words, String exceptionName) {
        public Failure {
            words = List.copyOf(words);
        }
    }

    /**
     * A query repeated until one of its response fields has one of a set of values.
     *
     * @param query the polled command
     * @param queryForm its query form, whose response holds the field
     * @param field the field watched
     * @param values the values that end the wait
     * @param every the interval between polls (the spec's, or the default)
     */
    record Poll(
            Duration timeout,
            List<LinkedForm> forms,
            Command query,
            LinkedForm queryForm,
            LinkedParameter field,
            ValueSet values,
            Duration every)
            implements LinkedCompletion {
        public Poll {
            forms = List.copyOf(forms);
        }
    }
}
