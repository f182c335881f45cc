package io.atspec.grammar.link;

import io.atspec.grammar.model.Chapter;
import java.util.List;

/**
 * A chapter as the back ends see it (the generator, {@code atspec doc}, the CLI, the tests):
 * the checked model, each reference resolved to its object and each derived fact computed
 * once. Built by {@link Linker} only from a chapter without errors.
 *
 * @param names the chapter-wide generated type names
 * @param commands every command, in spec order
 * @param urcs every URC, in spec order
 * @param rebootIndications line prefixes that mean the module restarted (every spelling of
 *     each URC marked {@code indicates reboot}), in spec order
 */
public record LinkedChapter(
        Chapter source,
        ChapterNames names,
        List<LinkedCommand> commands,
        List<LinkedUrc> urcs,
        List<String> rebootIndications) {

    public LinkedChapter {
        commands = List.copyOf(commands);
        urcs = List.copyOf(urcs);
        rebootIndications = List.copyOf(rebootIndications);
    }

    public String name() {
        return source.name();
    }

    public String javaPackage() {
        return source.javaPackage();
    }
}
