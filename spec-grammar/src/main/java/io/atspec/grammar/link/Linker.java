package io.atspec.grammar.link;

import io.atspec.grammar.model.Alias;
import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.Completion;
import io.atspec.grammar.model.EnumType;
import io.atspec.grammar.model.ErrorTable;
import io.atspec.grammar.model.FinalResult;
import io.atspec.grammar.model.Form;
import io.atspec.grammar.model.FormKind;
import io.atspec.grammar.model.ParamType;
import io.atspec.grammar.model.Parameter;
import io.atspec.grammar.model.ResponseFormat;
import io.atspec.grammar.model.Timeout;
import io.atspec.grammar.model.Urc;
import io.atspec.grammar.model.UrcRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link LinkedChapter} of a checked chapter, as Square Wire's linker builds its
 * schema: each name a spec uses (an enum, an error table, a URC, a polled command, a form) is
 * resolved once here, so the back ends never look a name up. The checker has already reported
 * every reference that does not resolve; meeting one here is a bug in the checker.
 */
public final class Linker {

    private final Chapter chapter;
    private final Map<String, LinkedUrc> urcsBySpelling = new LinkedHashMap<>();

    private Linker(Chapter chapter) {
        this.chapter = chapter;
    }

    /** The linked chapter of {@code chapter}, which must have passed the checker without errors. */
    public static LinkedChapter link(Chapter chapter) {
        return new Linker(chapter).link();
    }

    private LinkedChapter link() {
        List<LinkedUrc> urcs = new ArrayList<>();
        List<String> reboots = new ArrayList<>();
        for (Urc urc : chapter.urcs()) {
            LinkedUrc linked = urc(urc);
            urcs.add(linked);
            linked.spellings().forEach(s -> urcsBySpelling.put(s, linked));
            if (linked.rebootIndication()) {
                reboots.addAll(linked.spellings());
            }
        }
        List<LinkedCommand> commands =
                chapter.commands().stream().map(this::command).toList();
        return new LinkedChapter(chapter, ChapterNames.of(chapter), commands, urcs, reboots);
    }

    private LinkedUrc urc(Urc urc) {
        List<String> spellings = new ArrayList<>();
        spellings.add(urc.prefix());
        urc.aliases().stream().map(Alias::name).forEach(spellings::add);
        boolean bare = urc.prefixless() || urc.reports().isEmpty();
        List<String> lineStarts =
                spellings.stream().map(s -> bare ? s : s + ":").toList();
        Map<String, Parameter> byName = new LinkedHashMap<>();
        urc.parameters().forEach(p -> byName.put(p.name(), p));
        return new LinkedUrc(
                urc,
                spellings,
                lineStarts,
                PayloadFraming.of(urc.reports(), byName),
                urc.rebootIndication(),
                parameters(urc.parameters()));
    }

    private LinkedCommand command(Command command) {
        Map<String, Duration> byEdition = new LinkedHashMap<>();
        for (Timeout timeout : command.timeouts()) {
            timeout.edition().ifPresent(e -> byEdition.put(e, timeout.duration()));
        }
        List<ErrorTable> tables = new ArrayList<>();
        command.inlineErrors().ifPresent(tables::add);
        for (String name : command.errorTableNames()) {
            tables.add(chapter.errorTableNamed(name).orElseThrow(() -> unresolved("error table " + name)));
        }
        Optional<Duration> given = command.defaultTimeout().map(Timeout::duration);
        return new LinkedCommand(
                command,
                given.orElse(LanguageDefaults.COMMAND_TIMEOUT),
                given.isPresent(),
                byEdition,
                tables,
                command.inlineErrors().map(t -> ChapterNames.inlineErrorName(command)),
                parameters(command.parameters()),
                command.forms().stream().map(f -> form(command, f)).toList(),
                command.completion().map(c -> completion(command, c)),
                shapedFinals(command),
                responseShapes(command),
                urcSharedPrefixes(command));
    }

    private List<LinkedCommand.LinkedFinal> shapedFinals(Command command) {
        List<LinkedCommand.LinkedFinal> finals = new ArrayList<>();
        for (FinalResult result : command.finalResults()) {
            result.shape()
                    .ifPresent(shape -> finals.add(new LinkedCommand.LinkedFinal(
                            result,
                            LineShape.of(chapter, shape.wirePrefix(), shape.format(), command.parameters()),
                            ChapterNames.finalExceptionName(command, shape.name()))));
        }
        return finals;
    }

    private Map<ResponseFormat, LineShape> responseShapes(Command command) {
        Map<ResponseFormat, LineShape> shapes = new LinkedHashMap<>();
        for (Form form : command.forms()) {
            for (ResponseFormat response : form.responses()) {
                shapes.put(
                        response,
                        LineShape.of(chapter, response.wirePrefix(), response.format(), command.parameters()));
            }
        }
        return shapes;
    }

    /** Prefixes of the command's responses that a URC of the chapter starts with too. */
    private Set<String> urcSharedPrefixes(Command command) {
        Set<String> shared = new LinkedHashSet<>();
        for (Form form : command.forms()) {
            for (ResponseFormat response : form.responses()) {
                String prefix = response.wirePrefix();
                boolean urc = urcsBySpelling.values().stream()
                        .flatMap(u -> u.lineStarts().stream())
                        .anyMatch(start -> start.startsWith(prefix) || prefix.startsWith(start));
                if (urc) {
                    shared.add(prefix);
                }
            }
        }
        return shared;
    }

    private LinkedForm form(Command command, Form form) {
        return new LinkedForm(
                form,
                ChapterNames.recordName(chapter, form),
                ChapterNames.factoryName(form),
                form.responses().isEmpty() ? Optional.empty() : Optional.of(ChapterNames.responseName(command, form)));
    }

    private Map<String, LinkedParameter> parameters(List<Parameter> parameters) {
        Map<String, LinkedParameter> linked = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            Optional<EnumType> type = Optional.empty();
            if (parameter.type() instanceof ParamType.EnumRef ref) {
                type = Optional.of(
                        chapter.enumNamed(ref.enumName()).orElseThrow(() -> unresolved("enum " + ref.enumName())));
            }
            linked.put(parameter.name(), new LinkedParameter(parameter, type));
        }
        return linked;
    }

    private LinkedCompletion completion(Command command, Completion completion) {
        Duration timeout = completion.timeout().orElse(LanguageDefaults.COMPLETION_TIMEOUT);
        List<LinkedForm> forms = formsNamed(command, completion.forms());
        if (completion.poll().isPresent()) {
            Completion.Poll poll = completion.poll().get();
            Command query =
                    chapter.commandNamed(poll.command()).orElseThrow(() -> unresolved("command " + poll.command()));
            Form queryForm = query.forms(FormKind.QUERY).stream()
                    .filter(f -> f.responses().stream()
                            .anyMatch(r -> r.format().fields().stream()
                                    .anyMatch(x -> x.name().equals(poll.field()))))
                    .findFirst()
                    .orElseThrow(() -> unresolved("query of " + poll.command() + " with <" + poll.field() + ">"));
            LinkedParameter field = parameters(query.parameters()).get(poll.field());
            return new LinkedCompletion.Poll(
                    timeout,
                    forms,
                    query,
                    form(query, queryForm),
                    field,
                    poll.values(),
                    poll.every().orElse(LanguageDefaults.POLL_INTERVAL));
        }
        Completion.UntilUrc until = completion.until().orElseThrow(() -> unresolved("end of a completion"));
        List<LinkedUrc> collect =
                completion.collect().stream().map(this::urcNamed).toList();
        LinkedUrc end = urcNamed(until.prefix());
        List<String> lineStarts = new ArrayList<>();
        collect.forEach(u -> lineStarts.addAll(u.lineStarts()));
        for (String start : end.lineStarts()) {
            if (!lineStarts.contains(start)) {
                lineStarts.add(start);
            }
        }
        return new LinkedCompletion.Urcs(
                timeout,
                forms,
                collect,
                end,
                until.field().map(f -> end.parameters().get(f)),
                until.values(),
                until.given().map(g -> parameters(command.parameters()).get(g)),
                lineStarts,
                abortLineStarts(completion),
                formsNamed(command, completion.headersOnly()),
                until.when().map(Completion.FieldValues::words).orElse(List.of()),
                completion
                        .matching()
                        .map(m -> new LinkedCompletion.Matching(
                                end.parameters().get(m.field()),
                                parameters(command.parameters()).get(m.parameterName()))),
                completion
                        .failsWhen()
                        .map(f -> new LinkedCompletion.Failure(
                                end.parameters().get(f.field()),
                                f.numbers(),
                                f.words(),
                                ChapterNames.failedExceptionName(command))));
    }

    private List<LinkedForm> formsNamed(Command command, List<String> names) {
        List<LinkedForm> forms = new ArrayList<>();
        for (String name : names) {
            Form form = command.forms().stream()
                    .filter(f -> f.name().filter(name::equals).isPresent())
                    .findFirst()
                    .orElseThrow(() -> unresolved("form " + name + " of " + command.name()));
            forms.add(form(command, form));
        }
        return forms;
    }

    private List<String> abortLineStarts(Completion completion) {
        List<String> starts = new ArrayList<>();
        for (UrcRef abort : completion.abortOn()) {
            LinkedUrc local = urcsBySpelling.get(abort.name());
            List<String> own = local != null
                    ? local.lineStarts()
                    : List.of(chapter.usedUrcNamed(abort.name())
                            .orElseThrow(() -> unresolved("URC " + abort.name()))
                            .name());
            own.stream().filter(s -> !starts.contains(s)).forEach(starts::add);
        }
        return starts;
    }

    private LinkedUrc urcNamed(String prefix) {
        LinkedUrc urc = urcsBySpelling.get(prefix);
        if (urc == null) {
            throw unresolved("URC " + prefix);
        }
        return urc;
    }

    private IllegalStateException unresolved(String what) {
        return new IllegalStateException(
                "chapter " + chapter.name() + ": " + what + " does not resolve; the checker should have said so");
    }
}
