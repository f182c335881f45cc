package io.atspec.grammar.check;

import io.atspec.grammar.Reporter;
import io.atspec.grammar.SourceLocation;
import io.atspec.grammar.model.Chapter;
import io.atspec.grammar.model.Edition;

/** Resolves an edition named by a timeout or final result. */
final class EditionNames {

    private EditionNames() {}

    static void check(Chapter chapter, Reporter reporter, String edition, SourceLocation where) {
        if (chapter.editions().stream().noneMatch(e -> e.name().equals(edition))) {
            String declared = chapter.editions().isEmpty()
                    ? "the chapter declares none"
                    : "declared: "
                            + String.join(
                                    ", ",
                                    chapter.editions().stream()
                                            .map(Edition::name)
                                            .toList());
            reporter.error(where, "unknown edition '" + edition + "'; " + declared);
        }
    }
}
