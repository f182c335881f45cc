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
    private final CountedPayloads counted;

    CommandChecks(Chapter chapter, Reporter reporter, ValueRules values) {
        this.chapter = chapter;
        this.reporter = reporter;
        this.values = values;
        this.formats = new FormatChecks(reporter, values);
        this.parameters = new ParameterChecks(chapter, reporter, values);
        this.counted = new CountedPayloads(reporter);
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
            checkResponseNames(command, form);
            for (ResponseFormat response : form.responses()) {
                formats.checkFields(
                        command.name(), "response " + response.wirePrefix(), response.format(), command.parameters());
                checkResponsePayloads(command, response);
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

    /** Several response shapes are told apart in code by their names: each needs one, once. */
    private void checkResponseNames(Command command, Form form) {
        FirstSeen names = new FirstSeen(reporter, "response shape");
        form.responses().forEach(r -> r.name().ifPresent(n -> names.add(n, r.location())));
        if (form.responses().size() > 1) {
            form.responses().stream()
                    .filter(r -> r.name().isEmpty())
                    .findFirst()
                    .ifPresent(r -> reporter.error(
                            r.location(),
                            "the " + form.describe() + " of " + command.name() + " has "
                                    + form.responses().size() + " response shapes; name each one (data: "
                                    + r.wirePrefix() + " ...)"));
        }
    }

    /**
     * A payload in an information response is counted ({@code +SOCKREAD: <link>,<len>,<data>}):
     * while the command is pending the reader counts its bytes, so it needs a bounded length
     * field before it and must end the line.
     */
    private void checkResponsePayloads(Command command, ResponseFormat response) {
        for (FormatItem.Field field : response.format().fields()) {
            Optional<Parameter> parameter = command.parameter(field.name());
            if (parameter.isEmpty() || !(parameter.get().type() instanceof ParamType.BytesType bytes)) {
                continue;
            }
            String where = "response " + response.wirePrefix() + " of " + command.name();
            if (!(bytes.framing() instanceof ParamType.SizedBy sized)) {
                reporter.error(
                        field.location(),
                        "<" + field.name() + "> is a payload in the " + where + ", which is read by counting"
                                + " its bytes: declare it bytes(<length field>) with the length field before it");
                continue;
            }
            if (!CountedPayloads.isLast(response.format(), field)) {
                reporter.error(
                        field.location(),
                        "payload <" + field.name() + "> must be the last field of its response: its bytes run"
                                + " to the end of the data");
            }
            counted.check(command.name(), "the " + where, response.format(), field, sized, command::parameter);
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
            // The content is sent after the prompt, or inline in the same line (a quoted string or hex).
            boolean inline =
                    form.format().fields().stream().anyMatch(f -> f.name().equals(payload));
            if (!form.promptPayload().filter(payload::equals).isPresent() && !inline) {
                reporter.error(
                        field.location(),
                        "<" + field.name() + "> is the length of <" + payload + ">, which the " + form.describe()
                                + " does not send: add <" + payload + "> to its line, or 'prompt <" + payload
                                + ">'");
            }
            if (inline
                    && command.parameter(payload)
                            .filter(p -> p.type() instanceof ParamType.TextType)
                            .isEmpty()) {
                reporter.error(
                        field.location(),
                        "<" + field.name() + "> is the length of <" + payload + ">, which the " + form.describe()
                                + " sends inline: an inline length is taken of a string or hex parameter");
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
        FirstSeen names = new FirstSeen(reporter, "final line name");
        for (FinalResult result : command.finalResults()) {
            if (result.shape().isPresent()) {
                checkShapedFinal(command, result, result.shape().get());
                names.add(result.shape().get().name(), result.location());
                result.edition().ifPresent(e -> EditionNames.check(chapter, reporter, e, result.location()));
                continue;
            }
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

    /**
     * {@code final in_use: +X: <link>,"ERROR1" error}: its fields are the command's parameters,
     * read as a response's are. A success line with fields is an answer: the language says so
     * with a final response, whose record the call returns.
     */
    private void checkShapedFinal(Command command, FinalResult result, FinalResult.Shape shape) {
        String what = "final line '" + shape.name() + "'";
        formats.checkFields(command.name(), what, shape.format(), command.parameters());
        formats.refuseRest(command.name(), what, shape.format(), command.parameters());
        if (result.success()) {
            reporter.error(
                    result.location(),
                    what + " of " + command.name() + " has a shape, so it cannot be 'ok': a line that ends the"
                            + " command with fields is its answer; write it as a final response ('-> final "
                            + shape.wirePrefix() + " " + shape.format() + "')");
        }
        if (!result.aliases().isEmpty()) {
            reporter.error(
                    result.location(),
                    what + " of " + command.name() + " is matched by its shape, which has no alias spellings;"
                            + " declare each spelling as a final line of its own");
        }
        if (shape.format().fields().stream().allMatch(f -> f.fixedValue().isPresent())) {
            reporter.error(
                    result.location(),
                    what + " of " + command.name() + " carries no field; write the line as it is sent" + " ('final \""
                            + shape.wirePrefix() + " ...\" error')");
        }
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
                                + placeholder.group() + ", but a quoted final line is matched as written, so it"
                                + " would never match; give the line a name and a shape to read the field"
                                + " ('final <name>: +X: " + placeholder.group() + ",\"TEXT\" error'), or write out"
                                + " each line the module sends");
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
                    checkValues(
                            urc.get(),
                            urc.get().parameter(field).get(),
                            until.when().get(),
                            until.location());
                }
                parameters.checkValueSet(until.values().ranges());
            }
            until.given().ifPresent(given -> checkGiven(command, completion, given, until.location()));
            urc.ifPresent(u -> {
                completion.matching().ifPresent(m -> checkMatching(command, completion, u, m));
                completion.failsWhen().ifPresent(f -> checkFailsWhen(u, until, f));
            });
        });
        if (completion.until().isEmpty()) {
            completion
                    .matching()
                    .ifPresent(m -> reporter.error(
                            m.location(), "'matching' ties reports to the request; it applies to a wait 'until +URC'"));
            completion
                    .failsWhen()
                    .ifPresent(f -> reporter.error(
                            f.location(), "'fails when' names ending reports; it applies to a wait 'until +URC'"));
        }
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
     * {@code matching <field> [= <param>]}: the report's field is compared with the request's
     * parameter, so both must exist, some awaited form must send it, and their values must be
     * of a kind that can be equal.
     */
    private void checkMatching(Command command, Completion completion, Urc urc, Completion.Matching matching) {
        Optional<Parameter> field = urc.parameter(matching.field());
        if (field.isEmpty()) {
            reporter.error(matching.location(), "URC " + urc.prefix() + " has no field <" + matching.field() + ">");
            return;
        }
        String name = matching.parameterName();
        Optional<Parameter> parameter = command.parameter(name);
        if (parameter.isEmpty()) {
            reporter.error(
                    matching.location(),
                    "'matching " + matching.field() + "' compares <" + matching.field() + "> of URC " + urc.prefix()
                            + " with <" + name + "> of the request, but " + command.name() + " has no parameter <"
                            + name + ">; name it with 'matching " + matching.field() + " = <parameter>'");
            return;
        }
        boolean sent = command.forms().stream()
                .filter(f -> completion.forms().isEmpty()
                        || f.name().filter(completion.forms()::contains).isPresent())
                .anyMatch(f -> f.format().fields().stream()
                        .anyMatch(x -> x.name().equals(name) && x.fixedValue().isEmpty()));
        if (!sent) {
            reporter.error(
                    matching.location(),
                    "'matching " + matching.field() + "': no awaited form of " + command.name() + " sends <" + name
                            + ">, so no report could be told to be the request's");
        }
        if (!sameKind(field.get().type(), parameter.get().type())) {
            reporter.error(
                    matching.location(),
                    "'matching " + matching.field() + "' compares <" + matching.field() + "> of URC " + urc.prefix()
                            + " (" + ParameterChecks.describe(field.get().type()) + ") with <" + name + "> of "
                            + command.name() + " ("
                            + ParameterChecks.describe(parameter.get().type())
                            + "), which are never equal; match fields of the same type");
        }
    }

    /** Can values of the two types be equal: both ints, both text, or the same enum? */
    private static boolean sameKind(ParamType a, ParamType b) {
        if (a instanceof ParamType.EnumRef || b instanceof ParamType.EnumRef) {
            return a instanceof ParamType.EnumRef x
                    && b instanceof ParamType.EnumRef y
                    && x.enumName().equals(y.enumName());
        }
        return a.getClass() == b.getClass() && !(a instanceof ParamType.BytesType);
    }

    /**
     * {@code fails when <field> in <values>}: a field of the awaited URC; with {@code when}, the
     * failing values must also end the wait, else no failing report would ever be the last.
     */
    private void checkFailsWhen(Urc urc, Completion.UntilUrc until, Completion.FieldValues fails) {
        Optional<Parameter> field = urc.parameter(fails.field());
        if (field.isEmpty()) {
            reporter.error(fails.location(), "URC " + urc.prefix() + " has no field <" + fails.field() + ">");
            return;
        }
        checkValues(urc, field.get(), fails, fails.location());
        parameters.checkValueSet(fails.numbers().ranges());
        until.when().ifPresent(when -> {
            boolean ends = when.field().equals(fails.field())
                    && fails.words().stream()
                            .allMatch(w ->
                                    when.words().stream().anyMatch(x -> x.text().equals(w.text())))
                    && fails.numbers().ranges().stream()
                            .allMatch(r -> when.numbers().contains(r.min())
                                    && when.numbers().contains(r.max()));
            if (!ends) {
                reporter.error(
                        fails.location(),
                        "'fails when " + fails.field() + " in ...' names reports that do not end the wait ('when "
                                + when.field() + " in ...'), so none of them would be the last; end the wait on"
                                + " them too");
            }
        });
    }

    /**
     * The values of {@code when} or {@code fails when} must be ones the field can hold: numbers
     * for an int or numeric enum field, words or strings for a text or word-enum field, and for
     * an enum its codes or constant names.
     */
    private void checkValues(Urc urc, Parameter field, Completion.FieldValues values, SourceLocation where) {
        ParamType type = field.type();
        Optional<io.atspec.grammar.model.EnumType> enumType =
                type instanceof ParamType.EnumRef ref ? chapter.enumNamed(ref.enumName()) : Optional.empty();
        boolean numeric = type instanceof ParamType.IntType
                || enumType.map(io.atspec.grammar.model.EnumType::isNumeric).orElse(false);
        boolean text = type instanceof ParamType.TextType || enumType.isPresent() && !numeric;
        String owner = "<" + field.name() + "> of URC " + urc.prefix() + " is " + ParameterChecks.describe(type);
        if (!values.numbers().isUnbounded() && !numeric) {
            reporter.error(
                    where,
                    owner + ", but 'in " + values.numbers() + "' names numbers, which it never equals; name"
                            + (text ? " words or strings ('in OK|FAIL', 'in \"Link Closed\"')" : " no values"));
        }
        for (io.atspec.grammar.model.Value word : values.words()) {
            if (!text && enumType.isEmpty()) {
                reporter.error(
                        word.location(),
                        owner + ", but 'in' names the "
                                + (word.kind() == io.atspec.grammar.model.CodeKind.QUOTED ? "string" : "word") + " '"
                                + word.text() + "', which it never equals; name numbers ('in 0|1')");
            } else if (enumType.isPresent()
                    && enumType.get().constant(word.text()).isEmpty()) {
                reporter.error(
                        word.location(),
                        owner + ", which has no value '" + word.text() + "'; its values are "
                                + String.join(
                                        ", ",
                                        enumType.get().constants().stream()
                                                .map(EnumConstant::code)
                                                .toList()));
            }
        }
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
        command.finalResults()
                .forEach(r -> r.shape().ifPresent(s -> s.format().fields().forEach(f -> used.add(f.name()))));
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
