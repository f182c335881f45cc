package io.atspec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HelpTest {

    static final List<List<String>> COMMANDS = List.of(
            List.of(),
            List.of("check"),
            List.of("generate"),
            List.of("doc"),
            List.of("decode"),
            List.of("http"),
            List.of("http", "get"),
            List.of("http", "head"),
            List.of("http", "post"),
            List.of("http", "download"),
            List.of("demo"));

    private static Run help(List<String> command) {
        return Run.of(Stream.concat(command.stream(), Stream.of("--help")).toArray(String[]::new));
    }

    @Test
    void everyHelpFitsEightyColumns() {
        for (List<String> command : COMMANDS) {
            Run run = help(command);
            assertThat(run.exit()).as("%s --help", command).isZero();
            assertThat(run.out()).as("%s --help", command).startsWith("Usage: atspec");
            assertThat(run.out().lines())
                    .as("%s --help", command)
                    .allSatisfy(line -> assertThat(line.length())
                            .as("%s --help: '%s'", command, line)
                            .isLessThanOrEqualTo(80));
        }
    }

    /** The command lists show each subcommand's first description line: a whole sentence each. */
    @Test
    void commandSummariesAreWholeSentences() {
        List<String> summaries = new ArrayList<>();
        summaries.addAll(summaries(help(List.of()).out()));
        summaries.addAll(summaries(help(List.of("http")).out()));
        assertThat(summaries).hasSize(7 + 4);
        assertThat(summaries)
                .allSatisfy(
                        s -> assertThat(s).matches("[a-z-]+ +[A-Z].*[a-z)]\\.").doesNotEndWith(":."));
    }

    /** Each entry of the "Commands:" section, its wrapped lines joined. */
    static List<String> summaries(String help) {
        List<String> entries = new ArrayList<>();
        boolean inList = false;
        for (String line : help.lines().toList()) {
            if (line.equals("Commands:")) {
                inList = true;
            } else if (inList && line.isBlank()) {
                inList = false;
            } else if (inList && line.startsWith("    ")) {
                int last = entries.size() - 1;
                entries.set(last, entries.get(last) + " " + line.strip());
            } else if (inList) {
                entries.add(line.strip());
            }
        }
        return entries;
    }
}
