package io.atspec.grammar.model;

import io.atspec.grammar.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * One manual chapter: its header and every declaration of its spec file, in file order.
 *
 * @param name short name of the chapter ({@code http}), used for file names
 * @param title the chapter's title in the manual
 * @param javaPackage package of the generated bindings
 * @param facade Java name of the chapter's facade class, if the spec gives one
 * @param manual which manual and section the chapter transcribes
 * @param description free text about the chapter
 * @param editions the manual editions the spec distinguishes; the first is the default
 * @param uses the URCs of other chapters this one names ({@code uses network urc ...;})
 */
public record Chapter(
        String name,
        String title,
        String javaPackage,
        Optional<String> facade,
        Optional<ManualReference> manual,
        String description,
        List<Edition> editions,
        List<UsedUrc> uses,
        List<EnumType> enums,
        List<ErrorTable> errorTables,
        List<Command> commands,
        List<Urc> urcs,
        SourceLocation location) {

    public Chapter {
        editions = List.copyOf(editions);
        uses = List.copyOf(uses);
        enums = List.copyOf(enums);
        errorTables = List.copyOf(errorTables);
        commands = List.copyOf(commands);
        urcs = List.copyOf(urcs);
    }

    /** The URC of another chapter this one uses under {@code name}. */
    public Optional<UsedUrc> usedUrcNamed(String name) {
        return uses.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public Optional<EnumType> enumNamed(String enumName) {
        return enums.stream().filter(e -> e.name().equals(enumName)).findFirst();
    }

    public Optional<ErrorTable> errorTableNamed(String tableName) {
        return errorTables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }

    /** The command whose name or alias is {@code atName} ({@code AT+HTTPPARA}). */
    public Optional<Command> commandNamed(String atName) {
        return commands.stream().filter(c -> c.answersTo(atName)).findFirst();
    }

    /** The URC whose prefix or alias is {@code prefix} ({@code +HTTPRECV}, no colon). */
    public Optional<Urc> urcNamed(String prefix) {
        return urcs.stream().filter(u -> u.answersTo(prefix)).findFirst();
    }

    /** Sections (9.1, 9.2 ...) declared by commands and URCs, in file order. */
    public List<String> sections() {
        return java.util.stream.Stream.concat(
                        commands.stream().map(Command::section), urcs.stream().map(Urc::section))
                .flatMap(Optional::stream)
                .toList();
    }
}
