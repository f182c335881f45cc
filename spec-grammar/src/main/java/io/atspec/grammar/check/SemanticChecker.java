package io.atspec.grammar.check;

import io.atspec.grammar.Reporter;
import io.atspec.grammar.SourceLocation;
import io.atspec.grammar.link.ChapterNames;
import io.atspec.grammar.model.Alias;
import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.Command;
import io.atspec.grammar.model.EnumConstant;
import io.atspec.grammar.model.EnumType;
import io.atspec.grammar.model.ErrorTable;
import io.atspec.grammar.model.Example;
import io.atspec.grammar.model.Urc;
import java.util.HashMap;
import java.util.Map;

/**
 * The linker of the front end: checks what the grammar cannot, across the whole chapter, and
 * reports every problem to the {@link Reporter} in one pass.
 */
public final class SemanticChecker {

    private final Chapter chapter;
    private final Reporter reporter;
    private final ValueRules values;

    public SemanticChecker(Chapter chapter, Reporter reporter) {
        this.chapter = chapter;
        this.reporter = reporter;
        this.values = new ValueRules(chapter);
    }

    public void check() {
        checkHeader();
        checkTypes();
        checkUniqueNames();
        checkGeneratedNames();
        CommandChecks commands = new CommandChecks(chapter, reporter, values);
        chapter.commands().forEach(commands::check);
        UrcChecks urcs = new UrcChecks(chapter, reporter, values);
        chapter.urcs().forEach(urcs::check);
        ExampleChecker examples = new ExampleChecker(chapter, reporter, values);
        for (Command command : chapter.commands()) {
            command.examples().forEach(examples::check);
        }
        for (Urc urc : chapter.urcs()) {
            urc.examples().forEach(examples::check);
        }
        chapter.commands().forEach(c -> warnEmptyExamples(c.examples()));
        chapter.urcs().forEach(u -> warnEmptyExamples(u.examples()));
    }

    private void checkHeader() {
        if (chapter.javaPackage().isEmpty()) {
            reporter.error(
                    chapter.location(),
                    "chapter '" + chapter.name() + "' has no package; add 'package io.example." + chapter.name()
                            + ";' to its header");
        } else if (!JavaNames.isValidPackage(chapter.javaPackage())) {
            reporter.error(chapter.location(), "'" + chapter.javaPackage() + "' is not a valid Java package name");
        }
        FirstSeen editions = new FirstSeen(reporter, "edition");
        chapter.editions().forEach(e -> editions.add(e.name(), e.location()));
    }

    private void checkTypes() {
        FirstSeen types = new FirstSeen(reporter, "type");
        for (EnumType type : chapter.enums()) {
            types.add(type.name(), type.location());
            requireTypeName(type.name(), type.location());
            if (type.constants().isEmpty()) {
                reporter.error(type.location(), "enum '" + type.name() + "' has no constants");
            }
            FirstSeen codes = new FirstSeen(reporter, "code");
            FirstSeen names = new FirstSeen(reporter, "constant");
            for (EnumConstant constant : type.constants()) {
                codes.add(constant.code(), constant.location());
                names.add(constant.javaName(), constant.location());
                requireJavaName(constant.javaName(), constant.location());
            }
            boolean mixed =
                    type.constants().stream().map(EnumConstant::kind).distinct().count() > 1;
            if (mixed) {
                reporter.error(
                        type.location(),
                        "enum '" + type.name() + "' mixes numeric, bare and quoted codes; one enum is one"
                                + " kind of wire value");
            }
        }
        for (ErrorTable table : chapter.errorTables()) {
            types.add(table.name(), table.location());
            CommandChecks.ErrorCodes.check(reporter, "error table '" + table.name() + "'", table.codes());
        }
    }

    /**
     * Commands, URCs and their aliases share the wire: a name may mean one thing only. Java
     * names share the generated package.
     */
    private void checkUniqueNames() {
        Map<String, SourceLocation> wireNames = new HashMap<>();
        FirstSeen javaNames = new FirstSeen(reporter, "Java name");
        chapter.enums().forEach(e -> javaNames.add(e.name(), e.location()));
        chapter.errorTables().forEach(t -> javaNames.add(t.name(), t.location()));
        FirstSeen sections = new FirstSeen(reporter, "section");
        for (Command command : chapter.commands()) {
            claim(wireNames, command.name(), command.location(), "command");
            command.aliases().forEach(a -> claim(wireNames, a.name(), a.location(), "command"));
            requireTypeName(command.javaName(), command.location());
            command.forms().forEach(f -> f.name().ifPresent(n -> requireTypeName(JavaNames.pascal(n), f.location())));
            javaNames.add(command.javaName(), command.location());
            command.section().ifPresent(s -> sections.add(s, command.location()));
        }
        for (Urc urc : chapter.urcs()) {
            claim(wireNames, urc.prefix(), urc.location(), "URC");
            for (Alias alias : urc.aliases()) {
                claim(wireNames, alias.name(), alias.location(), "URC");
            }
            requireTypeName(urc.javaName(), urc.location());
            javaNames.add(urc.javaName(), urc.location());
            urc.section().ifPresent(s -> sections.add(s, urc.location()));
        }
    }

    /** The generator names some chapter-wide types itself; a declaration must not take them. */
    private void checkGeneratedNames() {
        // Types the generator makes for the whole chapter, from the one name allocator: a command,
        // URC or enum must not take one of these names.
        java.util.List<String> generated = ChapterNames.of(chapter).all();
        java.util.function.BiConsumer<String, SourceLocation> check = (name, where) -> {
            if (generated.contains(name)) {
                reporter.error(
                        where,
                        "'" + name + "' is the name of a type atspec generates for chapter '"
                                + chapter.name() + "' (" + String.join(", ", generated)
                                + "); choose another name");
            }
        };
        chapter.enums().forEach(e -> check.accept(e.name(), e.location()));
        chapter.errorTables().forEach(t -> check.accept(t.name(), t.location()));
        chapter.commands().forEach(c -> check.accept(c.javaName(), c.location()));
        chapter.urcs().forEach(u -> check.accept(u.javaName(), u.location()));
        checkCommandTypeNames(generated);
    }

    /**
     * The types generated for one command ({@code SockOpenInUseException}, {@code SockOpenOutcome})
     * must not take the name of a declared type, of a chapter-wide type or of another generated
     * one: both would be written to the same file.
     */
    private void checkCommandTypeNames(java.util.List<String> chapterWide) {
        Map<String, String> taken = new HashMap<>();
        chapterWide.forEach(n -> taken.put(n, "a type atspec generates for chapter '" + chapter.name() + "'"));
        chapter.enums()
                .forEach(e -> taken.putIfAbsent(
                        e.name(), "the enum declared at line " + e.location().line()));
        chapter.errorTables()
                .forEach(t -> taken.putIfAbsent(
                        t.name(),
                        "the error table declared at line " + t.location().line()));
        chapter.commands()
                .forEach(c -> taken.putIfAbsent(
                        c.javaName(),
                        "the record of command " + c.name() + " (line "
                                + c.location().line() + ")"));
        chapter.urcs()
                .forEach(u -> taken.putIfAbsent(
                        u.javaName(),
                        "the record of URC " + u.prefix() + " (line "
                                + u.location().line() + ")"));
        for (Command command : chapter.commands()) {
            for (ChapterNames.CommandType type : ChapterNames.commandTypes(command)) {
                String other = taken.putIfAbsent(
                        type.name(), type.what() + " (line " + type.location().line() + ")");
                if (other != null) {
                    reporter.error(
                            type.location(),
                            "'" + type.name() + "', " + type.what() + ", is also the name of " + other
                                    + "; rename one of them");
                }
            }
        }
    }

    private void claim(Map<String, SourceLocation> names, String name, SourceLocation where, String kind) {
        SourceLocation first = names.putIfAbsent(name, where);
        if (first != null) {
            reporter.error(
                    where,
                    kind + " " + name + " collides with the name or alias declared at line " + first.line()
                            + "; a spelling may belong to one " + kind + " only (declare it once, as an alias"
                            + " of the other)");
        }
    }

    private void requireJavaName(String name, SourceLocation where) {
        if (JavaNames.isReserved(name)) {
            reporter.error(where, "'" + name + "' is a Java keyword; choose another name");
        }
    }

    /** Type names, and form names that become record names, must not shadow java.lang. */
    private void requireTypeName(String name, SourceLocation where) {
        requireJavaName(name, where);
        if (JavaNames.shadowsJavaLang(name)) {
            reporter.error(
                    where, "'" + name + "' would hide java.lang." + name + " in generated code; choose another name");
        }
    }

    private void warnEmptyExamples(java.util.List<Example> examples) {
        for (Example example : examples) {
            if (example.lines().isEmpty()) {
                reporter.warning(example.location(), "example '" + example.title() + "' has no lines");
            }
        }
    }
}
