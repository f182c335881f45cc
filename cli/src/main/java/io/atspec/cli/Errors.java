package io.atspec.cli;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Messages of exceptions in one line. */
final class Errors {
    /** How much of a value the user gave a message repeats. */
    private static final int QUOTED_LENGTH = 60;

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

    /**
     * Why a file operation failed, without the path: NIO's exceptions carry the path as their
     * message, and the caller's "cannot read FILE: " already names it.
     */
    static String ioReason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return firstLine(f.getReason());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
    }

    /**
     * Why a TCP connection failed, from the socket's own exception: the transport's message
     * repeats the endpoint (and an unknown host's message is the host again), so the caller names
     * the endpoint once and adds this.
     */
    static String connectReason(Throwable e, Duration timeout) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof UnknownHostException) {
            return "unknown host";
        }
        if (root instanceof SocketTimeoutException) {
            return "no answer within " + timeout.toSeconds() + " s";
        }
        if (root == e || root.getMessage() == null) {
            return oneLine(e);
        }
        return firstLine(root.getMessage()).toLowerCase(Locale.ROOT);
    }

    /** A value the user gave, quoted and cut to a readable length. */
    static String quoted(String value) {
        String v = value.length() <= QUOTED_LENGTH ? value : value.substring(0, QUOTED_LENGTH - 3) + "...";
        return "'" + v + "'";
    }
}
