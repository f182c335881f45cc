package io.atspec.cli;

import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.SpecCompiler;
import io.atspec.grammar.model.Chapter;
import io.atspec.maven.OutputWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "doc",
        mixinStandardHelpOptions = true,
        description = {
            "Writes a Markdown reference of each chapter.",
            "",
            "One file per chapter, <dir>/<chapter>.md, generated from the spec model: every command with"
                    + " its wire forms, parameters, timeouts, responses, final lines, errors, completions,"
                    + " URCs and the manual's examples. Diagnostics go to stderr."
        })
final class DocCommand implements Callable<Integer> {

    @ParentCommand
    AtspecCommand root;

    @Parameters(arity = "1..*", paramLabel = "<spec>", description = "Spec files (.atspec).")
    List<Path> specs;

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "<dir>",
            description = "Directory for the Markdown files.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = root.io.out();
        PrintWriter err = root.io.err();
        OutputWriter writer = new OutputWriter();
        boolean failed = false;
        for (Path spec : specs) {
            CompilationResult result = SpecCompiler.parse(ShownPath.of(spec));
            if (!result.diagnostics().isEmpty()) {
                err.println(result.render());
            }
            if (result.hasErrors()) {
                failed = true;
                continue;
            }
            Chapter chapter = result.chapter().orElseThrow();
            Path file = output.resolve(chapter.name() + ".md");
            try {
                boolean written = writer.write(
                        file, new MarkdownDoc(chapter, spec.getFileName().toString()).render());
                out.println((written ? "wrote " : "unchanged ") + ShownPath.of(file));
            } catch (IOException e) {
                throw new CliException("cannot write " + ShownPath.of(file) + ": " + Errors.ioReason(e), e);
            }
        }
        if (failed) {
            err.println("errors in the specs above; their reference was not written");
        }
        return failed ? 1 : 0;
    }
}
