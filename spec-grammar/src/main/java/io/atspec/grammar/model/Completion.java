package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * For a command whose OK only acknowledges it: where its real outcome comes from, and how
 * long that may take.
 *
 * @param timeout how long after the acknowledgement the outcome may take
 * @param forms the names of the forms it applies to; empty for every form
 * @param collect URC prefixes whose reports make up the outcome (HTTPACTION's +HTTPRECV)
 * @param until the URC that ends the outcome, if it ends with a URC
 * @param poll the query to repeat until the outcome is reached, if it is polled
 * @param abortOn URCs (of this chapter or used from another) that end the wait at once with a
 *     failure: the link the outcome would come on is gone
 * @param headersOnly the forms whose collected HTTP messages have no body ({@code headers only
 *     for head}: the answer to a HEAD request, RFC 9112 section 6.3)
 * @param matching the report field that ties a report to this request, if any
 * @param failsWhen the ending reports that mean the command failed, if any
 */
public record Completion(
        Optional<Duration> timeout,
        List<String> forms,
        List<String> collect,
        Optional<UntilUrc> until,
        Optional<Poll> poll,
        List<UrcRef> abortOn,
        List<String> headersOnly,
        Optional<Matching> matching,
        Optional<FieldValues> failsWhen,
        SourceLocation location) {

    public Completion {
        forms = List.copyOf(forms);
        collect = List.copyOf(collect);
        abortOn = List.copyOf(abortOn);
        headersOnly = List.copyOf(headersOnly);
    }

    /**
     * The URC that ends a completion, optionally only when one of its fields has one of a set
     * of values ({@code +HTTPGETRPT} when {@code state_type} is 11, 21, 30 or 31); with
     * {@code given}, only when the request carries that parameter (else the first report ends it).
     */
    public record UntilUrc(String prefix, Optional<FieldValues> when, Optional<String> given, SourceLocation location) {

        /** The field whose value decides, if only some values end the wait. */
        public Optional<String> field() {
            return when.map(FieldValues::field);
        }

        /** The numbers that end the wait; any when there is no {@code when}. */
        public ValueSet values() {
            return when.map(FieldValues::numbers).orElse(ValueSet.any());
        }
    }

    /**
     * {@code matching <field> [= <parameter>]}: only reports whose {@code field} equals the
     * request's {@code parameter} (the field's name when not given) are this request's.
     */
    public record Matching(String field, Optional<String> parameter, SourceLocation location) {
        public String parameterName() {
            return parameter.orElse(field);
        }
    }

    /**
     * A report field and the values that satisfy a test on it: numbers and ranges for an int
     * field, words and strings for a text or word-enum field ({@code fails when result in FAIL}).
     */
    public record FieldValues(String field, ValueSet numbers, List<Value> words, SourceLocation location) {
        public FieldValues {
            words = List.copyOf(words);
        }
    }

    /** A query repeated until one of its response fields has one of a set of values. */
    public record Poll(
            String command, String field, ValueSet values, Optional<Duration> every, SourceLocation location) {}
}
