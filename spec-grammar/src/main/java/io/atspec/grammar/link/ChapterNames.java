package io.atspec.grammar.link;

import io.atspec.grammar.SourceLocation;
import io.atspec.grammar.check.JavaNames;
import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.FinalResult;
import io.atspec.grammar.model.Form;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java type names atspec gives a chapter: the one name allocator that the generator, the
 * checker (which keeps declarations off these names), {@code atspec doc} and the CLI share.
 * {@code chapter file_http} gets {@code FileHttpCommands}, {@code FileHttpUrc} and so on.
 *
 * @param stem the chapter name as a type name: {@code file_http} -> {@code FileHttp}
 * @param facade the facade, {@code <Stem>Commands} unless the spec names it
 * @param urcInterface the sealed interface of the chapter's URCs
 * @param requests the module-side reader of the chapter's command lines and responses
 * @param edition the enum of the chapter's manual editions
 * @param binding the chapter descriptor found through {@code ServiceLoader}
 */
public record ChapterNames(
        String stem, String facade, String urcInterface, String requests, String edition, String binding) {

    public static ChapterNames of(Chapter chapter) {
        String stem = JavaNames.pascal(chapter.name());
        return new ChapterNames(
                stem,
                chapter.facade().orElse(stem + "Commands"),
                stem + "Urc",
                stem + "Requests",
                stem + "Edition",
                stem + "Chapter");
    }

    /** Every chapter-wide name; a command, URC or enum must not take one. */
    public List<String> all() {
        return List.of(urcInterface, requests, facade, edition, binding);
    }

    /**
     * The form's name as a type name, {@code get} -> {@code Get}, {@code query} -> {@code Query}:
     * the record's name when nothing is in its way, and the part of composed names (the response
     * record, the facade method).
     */
    public static String formStem(Form form) {
        return JavaNames.pascal(form.name().orElse(form.kind().keyword()));
    }

    /**
     * The record of one form inside its command's interface. It is the {@link #formStem}
     * ({@code HttpAction.Get}, {@code HttpPara.Query}) unless that would shadow a type of {@code
     * java.lang} or {@code java.util} ({@code Set}, {@code List}) or look like a type of the chapter
     * (it equals an enum, error table, command or URC name ignoring case: {@code Sslversion} beside
     * {@code SslVersion}); then it is the stem followed by {@code Form} ({@code HttpGet.SetForm},
     * {@code HttpsCfg.SslversionForm}), which no JDK type and no chapter type in the way can be.
     */
    public static String recordName(Chapter chapter, Form form) {
        String stem = formStem(form);
        return PlatformTypeNames.contains(stem) || chapterTypeLike(chapter, stem) ? stem + "Form" : stem;
    }

    /**
     * The record of one named shape of a URC or response inside its sealed interface: the shape's
     * name as a type name ({@code framed} -> {@code HttpRecv.Framed}, {@code with_state} -> {@code
     * XiicResponse.WithState}), followed by {@code Shape} when it would shadow a type of {@code
     * java.lang} or {@code java.util} ({@code Error} -> {@code ErrorShape}) or look like a type of
     * the chapter, as {@link #recordName} does for forms.
     */
    public static String shapeRecordName(Chapter chapter, String shapeName) {
        String stem = JavaNames.pascal(shapeName);
        return PlatformTypeNames.contains(stem) || chapterTypeLike(chapter, stem) ? stem + "Shape" : stem;
    }

    private static boolean chapterTypeLike(Chapter chapter, String stem) {
        return java.util.stream.Stream.of(
                        chapter.enums().stream().map(e -> e.name()),
                        chapter.errorTables().stream().map(t -> t.name()),
                        chapter.commands().stream().map(Command::javaName),
                        chapter.urcs().stream().map(u -> u.javaName()))
                .flatMap(names -> names)
                .anyMatch(stem::equalsIgnoreCase);
    }

    /** The static factory of one form: {@code HttpAction.get(...)}, {@code HttpPara.query()}. */
    public static String factoryName(Form form) {
        return JavaNames.camel(form.name().orElse(form.kind().keyword()));
    }

    /** {@code HttpGetStatResponse}, or {@code HttpsCfgQueryResponse} when several forms answer. */
    public static String responseName(Command command, Form form) {
        long answering =
                command.forms().stream().filter(f -> !f.responses().isEmpty()).count();
        return command.javaName() + (answering > 1 ? formStem(form) : "") + "Response";
    }

    /** The outcome record of a command with a completion. */
    public static String outcomeName(Command command) {
        return command.javaName() + "Outcome";
    }

    /** The exception of a final line with fields: {@code SockOpenInUseException} for {@code in_use}. */
    public static String finalExceptionName(Command command, String finalName) {
        return command.javaName() + JavaNames.pascal(finalName) + "Exception";
    }

    /** The exception of a completion that ends in failure ({@code fails when}). */
    public static String failedExceptionName(Command command) {
        return command.javaName() + "FailedException";
    }

    /**
     * A type atspec generates for one command, with what asks for it: the checker keeps these off
     * the chapter's other type names.
     *
     * @param name the type's simple name, {@code SockOpenInUseException}
     * @param what what it is, for messages: {@code the exception of final 'in_use' of AT+SOCKOPEN}
     * @param location the spec text that asks for it (the final line, the completion, the form)
     */
    public record CommandType(String name, String what, SourceLocation location) {}

    /** Every type generated for {@code command} alone: responses, outcome, exceptions. */
    public static List<CommandType> commandTypes(Command command) {
        List<CommandType> types = new ArrayList<>();
        for (Form form : command.forms()) {
            if (!form.responses().isEmpty()) {
                types.add(new CommandType(
                        responseName(command, form),
                        "the response record of the " + form.describe() + " of " + command.name(),
                        form.location()));
            }
        }
        command.completion().ifPresent(completion -> {
            types.add(new CommandType(
                    outcomeName(command), "the outcome record of " + command.name(), completion.location()));
            completion
                    .failsWhen()
                    .ifPresent(fails -> types.add(new CommandType(
                            failedExceptionName(command),
                            "the exception of the failing completion of " + command.name(),
                            fails.location())));
        });
        for (FinalResult result : command.finalResults()) {
            result.shape()
                    .ifPresent(shape -> types.add(new CommandType(
                            finalExceptionName(command, shape.name()),
                            "the exception of final '" + shape.name() + "' of " + command.name(),
                            shape.location())));
        }
        return types;
    }

    /** The enum of an error table written inside a command. */
    public static String inlineErrorName(Command command) {
        return command.javaName() + "Error";
    }
}
