package io.atspec.grammar;

import java.nio.file.Path;

/**
 * Checks spec files from the command line and prints their diagnostics: the smallest tool a
 * spec writer needs before the CLI exists. Exit status 0 clean, 1 errors, 2 usage.
 */
public final class SpecCheck {

  private SpecCheck() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: SpecCheck <file.atspec>...");
      System.exit(2);
    }
    boolean failed = false;
    int errors = 0;
    int warnings = 0;
    for (String arg : args) {
      CompilationResult result = SpecCompiler.parse(Path.of(arg));
      if (!result.diagnostics().isEmpty()) {
        System.out.println(result.render());
      }
      errors += result.errors().size();
      warnings += result.warnings().size();
      failed |= result.hasErrors();
    }
    System.out.println(
        args.length + " spec file" + (args.length == 1 ? "" : "s") + " checked: " + errors
            + " error" + (errors == 1 ? "" : "s") + ", " + warnings + " warning"
            + (warnings == 1 ? "" : "s"));
    System.exit(failed ? 1 : 0);
  }
}
