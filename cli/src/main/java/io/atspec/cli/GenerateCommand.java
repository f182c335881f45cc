package io.atspec.cli;

import io.atspec.codegen.GeneratedFile;
import io.atspec.codegen.JavaGenerator;
import io.atspec.grammar.CompilationResult;
import io.atspec.grammar.SpecCompiler;
import io.atspec.grammar.link.LinkedChapter;
import io.atspec.maven.OutputWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Generates the Java bindings of spec files.",
            "",
            "The generator is the Maven plugin's. Every spec is checked first, and nothing is written if"
                    + " one has an error; diagnostics go to stderr. Files are written atomically, and only"
                    + " when their content changes, so the timestamps of unchanged files stay. The"
                    + " chapters' service registration (META-INF/services) goes below the output"
                    + " directory too."
        })
final class GenerateCommand implements Callable<Integer> {

    @ParentCommand
    AtspecCommand root;

    @Parameters(arity = "1..*", paramLabel = "<spec>", description = "Spec files (.atspec).")
    List<Path> specs;

    @Option(
            names = {"-d", "--directory"},
            required = true,
            paramLabel = "<dir>",
            description = "Output source directory (the package tree goes below it).")
    Path directory;

    @Option(
            names = "--spec-root",
            paramLabel = "<dir>",
            description = "Directory the spec paths in @Generated are relative to. Default: the part after"
                    + " src/main/atspec/ when the spec lies below one (as the plugin names it), else the file"
                    + " name.")
    Path specRoot;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = root.io.out();
        PrintWriter err = root.io.err();
        List<LinkedChapter> chapters = new ArrayList<>();
        int errors = 0;
        int warnings = 0;
        for (Path spec : specs) {
            CompilationResult result = SpecCompiler.parse(ShownPath.of(spec));
            if (!result.diagnostics().isEmpty()) {
                err.println(result.render());
            }
            errors += result.errors().size();
            warnings += result.warnings().size();
            result.linked().ifPresent(chapters::add);
        }
        if (errors > 0) {
            err.println(CheckCommand.summary(specs.size(), errors, warnings) + "; nothing was generated");
            return 1;
        }
        JavaGenerator generator = new JavaGenerator();
        Map<String, GeneratedFile> files = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            String name = specPath(specs.get(i));
            for (GeneratedFile file : generator.generate(chapters.get(i), name)) {
                if (files.putIfAbsent(file.relativePath(), file) != null) {
                    throw new CliException(file.relativePath()
                            + " would be generated twice; give the chapters different packages" + " or type names");
                }
            }
        }
        if (!chapters.isEmpty()) {
            GeneratedFile registration = JavaGenerator.serviceRegistration(chapters);
            files.put(registration.relativePath(), registration);
        }
        OutputWriter writer = new OutputWriter();
        Path output = directory.toAbsolutePath().normalize();
        int written = 0;
        for (GeneratedFile file : files.values()) {
            Path target = output.resolve(file.relativePath()).normalize();
            if (!target.startsWith(output)) {
                throw new CliException("the generator named a file outside " + output + ": " + file.relativePath());
            }
            try {
                if (writer.write(target, file.content())) {
                    written++;
                }
            } catch (IOException e) {
                throw new CliException("cannot write " + ShownPath.of(target) + ": " + Errors.ioReason(e), e);
            }
        }
        out.println("generated " + CheckCommand.plural(files.size(), "file") + " from "
                + CheckCommand.plural(specs.size(), "spec") + " into " + ShownPath.of(directory) + ": " + written
                + " written, " + (files.size() - written) + " unchanged"
                + (warnings > 0 ? " (" + CheckCommand.plural(warnings, "warning") + ")" : ""));
        return 0;
    }

    private String specPath(Path spec) {
        Path normalized = spec.toAbsolutePath().normalize();
        if (specRoot != null) {
            Path base = specRoot.toAbsolutePath().normalize();
            if (normalized.startsWith(base)) {
                return slashes(base.relativize(normalized));
            }
        }
        String text = slashes(normalized);
        int at = text.lastIndexOf("/src/main/atspec/");
        if (at >= 0) {
            return text.substring(at + "/src/main/atspec/".length());
        }
        return spec.getFileName().toString();
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }
}
