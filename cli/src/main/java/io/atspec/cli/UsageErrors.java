package io.atspec.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints a usage error (exit status 2): the problem in one line on stderr, then where the help
 * is. An unknown option is named even when a required parameter is missing too: picocli checks
 * required parameters first, so {@code check --frobnicate} would say a {@code <spec>} is missing.
 */
final class UsageErrors implements IParameterExceptionHandler {

    private final PrintWriter err;

    UsageErrors(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        ParameterException shown = unmatchedFirst(e);
        CommandLine failed = shown.getCommandLine();
        err.println("atspec: " + Errors.firstLine(shown.getMessage()));
        if (shown instanceof UnmatchedArgumentException unmatched) {
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        String name = qualifiedName(failed);
        err.println("Try 'atspec " + name + (name.isEmpty() ? "" : " ") + "--help' for more information.");
        err.flush();
        return 2;
    }

    /** The arguments no option or parameter took, of the failed command or one above it. */
    static ParameterException unmatchedFirst(ParameterException e) {
        if (e instanceof UnmatchedArgumentException) {
            return e;
        }
        for (CommandLine at = e.getCommandLine(); at != null; at = at.getParent()) {
            ParseResult result = at.getParseResult();
            List<String> unmatched = result == null ? List.of() : result.unmatched();
            if (!unmatched.isEmpty()) {
                return new UnmatchedArgumentException(at, unmatched);
            }
        }
        return e;
    }

    private static String qualifiedName(CommandLine c) {
        StringBuilder name = new StringBuilder();
        for (CommandLine at = c; at != null && at.getParent() != null; at = at.getParent()) {
            name.insert(0, name.isEmpty() ? at.getCommandName() : at.getCommandName() + " ");
        }
        return name.toString();
    }
}
