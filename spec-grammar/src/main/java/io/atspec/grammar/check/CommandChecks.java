package io.atspec.grammar.check;

import io.atspec.grammar.Reporter;
import io.atspec.grammar.SourceLocation;
import io.atspec.grammar.link.LanguageDefaults;
import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.Completion;
import io.atspec.grammar.model.EnumConstant;
import io.atspec.grammar.model.FinalResult;
import io.atspec.grammar.model.Form;
import io.atspec.grammar.model.FormKind;
import io.atspec.grammar.model.FormatItem;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.ResponseFormat;
import io.atspec.grammar.model.Timeout;
import io.atspec.grammar.model.Urc;
import io.atspec.grammar.model.UrcRef;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks one command: timeouts, forms, responses, final results, errors and completion. */
final class CommandChecks {

    /** Final results every command has; a spec declares only command-specific ones. */
    private static final Set<String> BUILT_IN_FINALS = Set.of("OK", "ERROR");

    private final Chapter chapter;
    private final Reporter reporter;
    private final ValueRules values;
    private final FormatChecks formats;
    private final ParameterChecks parameters;

    CommandChecks(Chapter chapter, Reporter reporter, ValueRules values) {
        this.chapter = chapter;
        this.reporter = reporter;
        this.values = values;
        this.formats = new FormatChecks(reporter, values);
        this.parameters = new ParameterChecks(chapter, reporter, values);
    }

    void check(Command command) {
        parameters.check(command.name(), command.parameters());
        checkTimeouts(command);
        checkForms(command);
        checkFinals(command);
        checkErrors(command);
        command.completion().ifPresent(c -> checkCompletion(command, c));
        for (var alias : command.aliases()) {
            if (!alias.name().startsWith("AT")) {
                reporter.error(
                        alias.location(),
                        "an alias of " + command.name() + " is a command name such as AT+HTTPSCFGA, not '"
                                + alias.name() + "'");
            }
        }
        warnUnusedParameters(command);
    }

    private void checkTimeouts(Command command) {
        if (command.timeouts().isEmpty()) {
            reporter.warning(
                    command.location(),
                    "command " + command.name() + " has no timeout; the default of "
                            + LanguageDefaults.human(LanguageDefaults.COMMAND_TIMEOUT) + " applies");
        }
        Set<Optional<String>> editions = new HashSet<>();
        for (Timeout timeout : command.timeouts()) {
            if (timeout.duration().isZero() || timeout.duration().isNegative()) {
                reporter.error(
                        timeout.location(),
                        "timeout of " + command.name() + " must be positive, found "
                                + timeout.duration().toMillis() + " ms");
            }
            if (!editions.add(timeout.edition())) {
                reporter.error(
                        timeout.location(),
                        "second timeout for "
                                + timeout.edition().map(e -> "edition " + e).orElse("the default edition") + " of "
                                + command.name());
            }
        }
    }

    private void checkForms(Command command) {
        if (command.forms().isEmpty()) {
            reporter.error(
                    command.location(), "command " + command.name() + " has no form; add set, exec, query or test");
            return;
        }
        FirstSeen names = new FirstSeen(reporter, "form");
        for (Form form : command.forms()) {
            form.name().ifPresent(n -> names.add(n, form.location()));
            if (form.kind() != FormKind.SET && !form.format().isEmpty()) {
                reporter.error(
                        form.location(),
                        "a " + form.kind().keyword() + " form takes no arguments; only set forms have a"
                                + " format after ':'");
            }
            if (form.kind() == FormKind.SET && form.format().isEmpty()) {
                reporter.error(form.location(), "a set form needs its arguments after ':'");
            }
            formats.checkFields(command.name(), form.describe(), form.format(), command.parameters());
            formats.checkRestLast(command.name(), form.describe(), form.format(), command.parameters());
            form.promptPayload().ifPresent(p -> checkPrompt(command, form, p));
            checkDerivedLengths(command, form);
            for (ResponseFormat response : form.responses()) {
                formats.checkFields(
                        command.name(), "response " + response.wirePrefix(), response.format(), command.parameters());
                refusePayloads(command, response);
                formats.refuseRest(
                        command.name(), "response " + response.wirePrefix(), response.format(), command.parameters());
            }
        }
        for (FormKind kind : FormKind.values()) {
            List<Form> ofKind = command.forms(kind);
            if (ofKind.size() > 1) {
                ofKind.stream()
                        .filter(form -> form.name().isEmpty())
                        .findFirst()
                        .ifPresent(form -> reporter.error(
                                form.location(),
                                command.name() + " has " + ofKind.size() + " " + kind.keyword()
                                        + " forms; name each one (" + kind.keyword() + " get: ...), the name"
                                        + " becomes its Java factory"));
            }
            for (int i = 0; i < ofKind.size(); i++) {
                for (int j = 0; j < i; j++) {
                    checkDistinguishable(command, ofKind.get(j), ofKind.get(i));
                }
            }
        }
    }

    /**
     * The channel reads an information response as one line and registers no payload decoder
     * for it, so bytes in a response would never be read: the branch that fills them is dead.
     */
    private void refusePayloads(Command command, ResponseFormat response) {
        for (FormatItem.Field field : response.format().fields()) {
            command.parameter(field.name())
                    .filter(p -> p.type() instanceof ParamType.BytesType)
                    .ifPresent(p -> reporter.error(
                            field.location(),
                            "<" + field.name() + "> is a payload, which the information response "
                                    + response.wirePrefix() + " of " + command.name()
                                    + " cannot carry: a response is read as one line, so its bytes would never"
                                    + " be read; carry them in a URC"));
        }
    }

    private void checkPrompt(Command command, Form form, String payloadName) {
        Optional<Parameter> payload = command.parameter(payloadName);
        if (payload.isEmpty()) {
            reporter.error(
                    form.location(), "prompt payload <" + payloadName + "> is not a parameter of " + command.name());
            return;
        }
        if (!(payload.get().type() instanceof ParamType.BytesType)) {
            reporter.error(
                    form.location(),
                    "prompt payload <" + payloadName + "> must be bytes, not "
                            + ParameterChecks.describe(payload.get().type()));
        }
        boolean hasLength = form.format().fields().stream()
                .map(f -> command.parameter(f.name()))
                .flatMap(Optional::stream)
                .anyMatch(p -> p.derivedLengthOf().filter(payloadName::equals).isPresent());
        if (!hasLength) {
            reporter.error(
                    form.location(),
                    "prompt payload <" + payloadName + "> has no length: the " + form.describe()
                            + " needs a parameter declared '= length(" + payloadName + ")' so the module knows"
                            + " how many bytes follow the prompt");
        }
        if (form.format().fields().stream().anyMatch(f -> f.name().equals(payloadName))) {
            reporter.error(
                    form.location(),
                    "<" + payloadName + "> is sent after the prompt, so it cannot also be an argument");
        }
    }

    private void checkDerivedLengths(Command command, Form form) {
        for (FormatItem.Field field : form.format().fields()) {
            Optional<Parameter> parameter = command.parameter(field.name());
            if (parameter.isEmpty() || parameter.get().derivedLengthOf().isEmpty()) {
                continue;
            }
            String payload = parameter.get().derivedLengthOf().get();
            if (!form.promptPayload().filter(payload::equals).isPresent()) {
                reporter.error(
                        field.location(),
                        "<" + field.name() + "> is the length of <" + payload + ">, which the " + form.describe()
                                + " does not send: add 'prompt <" + payload + ">'");
            }
            if (field.fixedValue().isPresent()) {
                reporter.error(field.location(), "<" + field.name() + "> is derived, so it cannot be fixed");
            }
        }
    }

    /**
     * Two forms of one kind can be told apart when every pair of their shapes with the same
     * number of arguments differs in a fixed value at some position.
     */
    private void checkDistinguishable(Command command, Form first, Form second) {
        for (List<FormatItem> a : first.format().shapes()) {
            for (List<FormatItem> b : second.format().shapes()) {
                if (a.size() == b.size() && !differInFixedValue(command, a, b)) {
                    reporter.error(
                            second.location(),
                            command.name() + ": " + second.describe() + " cannot be told apart from "
                                    + first.describe() + " (line "
                                    + first.location().line() + ") when both have "
                                    + a.size() + " argument" + (a.size() == 1 ? "" : "s")
                                    + "; fix a discriminator to different values, such as <mode=0> and <mode=1>");
                    return;
                }
            }
        }
    }

    private boolean differInFixedValue(Command command, List<FormatItem> a, List<FormatItem> b) {
        for (int i = 0; i < a.size(); i++) {
            Optional<String> left = fixedCode(command, a.get(i));
            Optional<String> right = fixedCode(command, b.get(i));
            if (left.isPresent() && right.isPresent() && !left.get().equals(right.get())) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> fixedCode(Command command, FormatItem item) {
        if (item instanceof FormatItem.Text text) {
            return Optional.of(text.text());
        }
        if (item instanceof FormatItem.Field field && field.fixedValue().isPresent()) {
            return command.parameter(field.name())
                    .map(p -> values.wireCode(p, field.fixedValue().get()))
                    .or(() -> Optional.of(field.fixedValue().get().text()));
        }
        return Optional.empty();
    }

    private void checkFinals(Command command) {
        FirstSeen lines = new FirstSeen(reporter, "final result");
        for (FinalResult result : command.finalResults()) {
            for (String text : allSpellings(result)) {
                if (BUILT_IN_FINALS.contains(text) || text.startsWith("+CME ERROR") || text.startsWith("+CMS ERROR")) {
                    reporter.error(
                            result.location(),
                            "'" + text + "' is a built-in final result; declare only lines specific to "
                                    + command.name());
                } else {
                    lines.add(text, result.location());
                }
            }
            if (result.text().isBlank()) {
                reporter.error(result.location(), "a final result line cannot be empty");
            }
            refusePlaceholders(command, result);
            result.edition().ifPresent(e -> EditionNames.check(chapter, reporter, e, result.location()));
        }
        command.timeouts()
                .forEach(t -> t.edition().ifPresent(e -> EditionNames.check(chapter, reporter, e, t.location())));
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("<[^<>]+>");

    /** A final line is compared as written; a placeholder in it would be literal text. */
    private void refusePlaceholders(Command command, FinalResult result) {
        for (String text : allSpellings(result)) {
            java.util.regex.Matcher placeholder = PLACEHOLDER.matcher(text);
            if (placeholder.find()) {
                reporter.error(
                        result.location(),
                        "final line '" + text + "' of " + command.name() + " holds the placeholder "
                                + placeholder.group() + ", but a final line is matched as written, so it would"
                                + " never match; write out each line the module sends");
            }
        }
    }

    private static List<String> allSpellings(FinalResult result) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(result.text()), result.aliases().stream())
                .toList();
    }

    private void checkErrors(Command command) {
        for (String table : command.errorTableNames()) {
            if (chapter.errorTableNamed(table).isEmpty()) {
                reporter.error(
                        command.location(),
                        command.name() + " uses error table '" + table + "', which the chapter does not declare");
            }
        }
        command.inlineErrors().ifPresent(t -> ErrorCodes.check(reporter, "errors of " + command.name(), t.codes()));
    }

    private void checkCompletion(Command command, Completion completion) {
        completion.timeout().ifPresent(timeout -> {
            if (timeout.isZero() || timeout.isNegative()) {
                reporter.error(
                        completion.location(),
                        "completion timeout of " + command.name() + " must be positive, found " + timeout.toMillis()
                                + " ms");
            }
        });
        for (String formName : completion.forms()) {
            if (command.forms().stream()
                    .noneMatch(f -> f.name().filter(formName::equals).isPresent())) {
                reporter.error(
                        completion.location(),
                        "the completion of " + command.name() + " names form '" + formName
                                + "', which the command does not declare");
            }
        }
        for (String prefix : completion.collect()) {
            requireUrc(prefix, completion.location());
        }
        completion.until().ifPresent(until -> {
            Optional<Urc> urc = requireUrc(until.prefix(), until.location());
            if (urc.isPresent() && until.field().isPresent()) {
                String field = until.field().get();
                if (urc.get().parameter(field).isEmpty()) {
                    reporter.error(until.location(), "URC " + until.prefix() + " has no field <" + field + ">");
                } else {
                    requireNumber(urc.get().parameter(field).get(), "URC " + until.prefix(), until.location());
                }
                parameters.checkValueSet(until.values().ranges());
            }
            until.given().ifPresent(given -> checkGiven(command, completion, given, until.location()));
        });
        completion.poll().ifPresent(poll -> checkPoll(poll));
        checkAborts(command, completion);
        checkHeadersOnly(command, completion);
        if (completion.until().isEmpty() && completion.poll().isEmpty()) {
            reporter.error(
                    completion.location(),
                    "the completion of " + command.name() + " needs 'until +URC' or 'poll AT+X? until ...'"
                            + " to know when it ends");
        }
    }

    /**
     * An abort names a URC of this chapter or one the chapter header uses from another; it
     * applies to a wait on URCs (a polled outcome has its own query to tell it the link is gone).
     */
    private void checkAborts(Command command, Completion completion) {
        for (UrcRef abort : completion.abortOn()) {
            if (chapter.urcNamed(abort.name()).isEmpty()
                    && chapter.usedUrcNamed(abort.name()).isEmpty()) {
                reporter.error(
                        abort.location(),
                        "the completion of " + command.name() + " aborts on unknown URC '" + abort.name()
                                + "'; declare it with 'urc ...', or name it in the chapter header when another"
                                + " chapter declares it ('uses network urc \"" + abort.name() + "\";')");
            }
            if (completion.until().isPresent()
                            && completion.until().get().prefix().equals(abort.name())
                    || completion.collect().contains(abort.name())) {
                reporter.error(
                        abort.location(),
                        "the completion of " + command.name() + " both awaits and aborts on " + abort.name()
                                + "; a URC either belongs to the outcome or ends it with a failure");
            }
        }
        if (!completion.abortOn().isEmpty() && completion.poll().isPresent()) {
            reporter.error(
                    completion.abortOn().get(0).location(),
                    "'abort on' applies to a completion that waits for URCs ('until +URC'), not to a polled one");
        }
    }

    /**
     * {@code headers only for <form>}: a form of the command, in a completion that collects a URC
     * whose payload is an HTTP message ({@code bytes http until +URC}); no other payload has a
     * body to leave out.
     */
    private void checkHeadersOnly(Command command, Completion completion) {
        if (completion.headersOnly().isEmpty()) {
            return;
        }
        for (String formName : completion.headersOnly()) {
            if (command.forms().stream()
                    .noneMatch(f -> f.name().filter(formName::equals).isPresent())) {
                reporter.error(
                        completion.location(),
                        "'headers only for " + formName + "' names no form of " + command.name());
            }
        }
        boolean collectsHttp = completion.collect().stream()
                .map(chapter::urcNamed)
                .flatMap(Optional::stream)
                .flatMap(u -> u.parameters().stream())
                .anyMatch(p -> p.type() instanceof ParamType.BytesType b
                        && b.framing() instanceof ParamType.UntilUrc until
                        && until.httpMessage());
        if (!collectsHttp) {
            reporter.error(
                    completion.location(),
                    "'headers only' applies to a completion that collects an HTTP message payload"
                            + " ('bytes http until +URC'); the completion of " + command.name()
                            + " collects none");
        }
    }

    /** {@code given <p>}: a parameter that some awaited form sends only sometimes. */
    private void checkGiven(Command command, Completion completion, String given, SourceLocation where) {
        if (command.parameter(given).isEmpty()) {
            reporter.error(where, "'given <" + given + ">' names no parameter of " + command.name());
            return;
        }
        boolean sentSometimes = command.forms().stream()
                .filter(f -> completion.forms().isEmpty()
                        || f.name().filter(completion.forms()::contains).isPresent())
                .anyMatch(
                        f -> f.format().fields().stream().anyMatch(x -> x.name().equals(given)));
        if (!sentSometimes) {
            reporter.error(
                    where, "'given <" + given + ">': no awaited form of " + command.name() + " sends <" + given + ">");
        }
    }

    private void checkPoll(Completion.Poll poll) {
        Optional<Command> query = chapter.commandNamed(poll.command());
        if (query.isEmpty()) {
            reporter.error(poll.location(), "poll names " + poll.command() + ", which the chapter does not declare");
            return;
        }
        List<Form> queries = query.get().forms(FormKind.QUERY);
        if (queries.isEmpty()) {
            reporter.error(poll.location(), poll.command() + " has no query form to poll");
            return;
        }
        boolean hasField = queries.stream()
                .flatMap(f -> f.responses().stream())
                .flatMap(r -> r.format().fields().stream())
                .anyMatch(f -> f.name().equals(poll.field()));
        if (!hasField) {
            reporter.error(
                    poll.location(),
                    "the query response of " + poll.command() + " has no field <" + poll.field() + ">");
        } else {
            query.get()
                    .parameter(poll.field())
                    .ifPresent(p -> requireNumber(p, "the query response of " + poll.command(), poll.location()));
        }
        parameters.checkValueSet(poll.values().ranges());
    }

    /**
     * A wait ends when a field's value is in a set of numbers; a field whose values are text
     * (a string, an enum of words) never is, and the wait would never end.
     */
    private void requireNumber(Parameter field, String owner, SourceLocation where) {
        boolean numeric = field.type() instanceof ParamType.IntType
                || field.type() instanceof ParamType.EnumRef ref
                        && chapter.enumNamed(ref.enumName())
                                .map(io.atspec.grammar.model.EnumType::isNumeric)
                                .orElse(true);
        if (!numeric) {
            reporter.error(
                    where,
                    "<" + field.name() + "> of " + owner + " holds text ("
                            + ParameterChecks.describe(field.type())
                            + "), but a wait ends on numbers ('in 0|1'), so it would never end; wait on a number"
                            + " field");
        }
    }

    private Optional<Urc> requireUrc(String prefix, SourceLocation where) {
        Optional<Urc> urc = chapter.urcNamed(prefix);
        if (urc.isEmpty()) {
            reporter.error(where, "unknown URC " + prefix + "; declare it with 'urc " + prefix + " ...'");
        }
        return urc;
    }

    private void warnUnusedParameters(Command command) {
        Set<String> used = new HashSet<>();
        for (Form form : command.forms()) {
            form.format().fields().forEach(f -> used.add(f.name()));
            form.promptPayload().ifPresent(used::add);
            form.responses().forEach(r -> r.format().fields().forEach(f -> used.add(f.name())));
        }
        for (Parameter parameter : command.parameters()) {
            if (!used.contains(parameter.name())) {
                reporter.warning(
                        parameter.location(),
                        "parameter '" + parameter.name() + "' is not used by any form or response of "
                                + command.name());
            }
        }
    }

    /** Checks of error-code lists, shared by chapter tables and inline command tables. */
    static final class ErrorCodes {
        private ErrorCodes() {}

        static void check(Reporter reporter, String owner, List<EnumConstant> codes) {
            FirstSeen seenCodes = new FirstSeen(reporter, "error code");
            FirstSeen seenNames = new FirstSeen(reporter, "error name");
            for (EnumConstant code : codes) {
                if (code.kind() != io.atspec.grammar.model.CodeKind.INTEGER) {
                    reporter.error(
                            code.location(), "error code '" + code.code() + "' in " + owner + " must be a number");
                }
                seenCodes.add(code.code(), code.location());
                seenNames.add(code.javaName(), code.location());
            }
        }
    }
}
