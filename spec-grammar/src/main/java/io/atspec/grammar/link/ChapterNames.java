package io.atspec.grammar.link;

import io.atspec.grammar.check.JavaNames;
import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.Form;
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

    /** The record of one form inside its command's interface: {@code get}, {@code Query}. */
    public static String recordName(Form form) {
        return JavaNames.pascal(form.name().orElse(form.kind().keyword()));
    }

    /** The static factory of one form: {@code HttpAction.get(...)}, {@code HttpPara.query()}. */
    public static String factoryName(Form form) {
        return JavaNames.camel(form.name().orElse(form.kind().keyword()));
    }

    /** {@code HttpGetStatResponse}, or {@code HttpsCfgQueryResponse} when several forms answer. */
    public static String responseName(Command command, Form form) {
        long answering =
                command.forms().stream().filter(f -> !f.responses().isEmpty()).count();
        return command.javaName() + (answering > 1 ? recordName(form) : "") + "Response";
    }

    /** The outcome record of a command with a completion. */
    public static String outcomeName(Command command) {
        return command.javaName() + "Outcome";
    }

    /** The enum of an error table written inside a command. */
    public static String inlineErrorName(Command command) {
        return command.javaName() + "Error";
    }
}
