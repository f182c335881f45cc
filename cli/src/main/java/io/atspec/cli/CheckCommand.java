package io.atspec.cli;

import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.SpecCompiler;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Checks spec files and reports their errors and warnings.",
            "",
            "Each diagnostic goes to stderr, compiler style: path:line:col: error: message, then the"
                    + " source line and a caret. Paths are relative to the working directory, so terminals"
                    + " and IDEs link them. The summary line goes to stdout.",
            "",
            "Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage error."
        })
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    AtspecCommand root;

    @Parameters(arity = "1..*", paramLabel = "<spec>", description = "Spec files (.atspec).")
    List<Path> specs;

    @Override
    public Integer call() {
        PrintWriter out = root.io.out();
        PrintWriter err = root.io.err();
        int errors = 0;
        int warnings = 0;
        for (Path spec : specs) {
            CompilationResult result = SpecCompiler.parse(ShownPath.of(spec));
            if (!result.diagnostics().isEmpty()) {
                err.println(result.render());
            }
            errors += result.errors().size();
            warnings += result.warnings().size();
        }
        out.println(summary(specs.size(), errors, warnings));
        return errors > 0 ? 1 : 0;
    }

    static String summary(int specs, int errors, int warnings) {
        return plural(specs, "spec file") + " checked: " + plural(errors, "error") + ", " + plural(warnings, "warning");
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
