package io.atspec.cli;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Messages of exceptions in one line. */
final class Errors {
    private Errors() {}

    static String oneLine(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            message = t.getClass().getSimpleName();
        } else if (!(t instanceof CliException) && !t.getClass().getName().startsWith("io.atspec")) {
            message = t.getClass().getSimpleName() + ": " + message;
        }
        return firstLine(message);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String s = message.strip();
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).replace('\r', ' ');
    }
}
