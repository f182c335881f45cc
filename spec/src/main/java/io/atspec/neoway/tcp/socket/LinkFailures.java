package io.atspec.neoway.tcp.socket;

import io.atspec.runtime.AtArgumentException;
import io.atspec.runtime.AtCommandFailedException;
import io.atspec.runtime.AtException;
import io.atspec.runtime.AtTimeoutException;
import io.atspec.runtime.ChannelClosedException;
import io.atspec.runtime.CompletionAbortedException;
import io.atspec.runtime.CompletionFailedException;
import io.atspec.runtime.FinalResult;
import io.atspec.runtime.ModuleRebootedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The module's failures as the {@code java.net} exceptions a Java programmer expects: a refused
 * or failed connection is a {@link ConnectException}, a timeout a {@link SocketTimeoutException},
 * a name the module cannot resolve an {@link UnknownHostException}, anything else on a link a
 * {@link SocketException}. The message names what was done (link, host and port) and what the
 * module said; the AT failure is the cause.
 */
final class LinkFailures {

    /** What was being done when the module failed: the same error code means different things. */
    enum Operation {
        CONNECT,
        SEND,
        READ,
        CLOSE,
        SETTINGS
    }

    private LinkFailures() {}

    /**
     * The exception for {@code failure} while doing {@code what} ("connect link 0 to
     * example.com:80").
     */
    static IOException of(Operation op, String what, AtException failure) {
        IOException e = map(op, what, failure);
        e.initCause(failure);
        return e;
    }

    /** The {@code +TCPSETUP: <n>,FAIL} outcome: nobody accepted the connection. */
    static ConnectException connectFailed(String what, String report) {
        return new ConnectException(what + ": connection failed (" + report + ")");
    }

    private static IOException map(Operation op, String what, AtException failure) {
        if (failure instanceof AtArgumentException refused) {
            // Refused before anything was sent: a host with a comma or a quote cannot be named to the module.
            return op == Operation.CONNECT
                    ? new UnknownHostException(what + ": " + refused.getMessage())
                    : new SocketException(what + ": " + refused.getMessage());
        }
        if (failure instanceof CompletionFailedException failed) {
            // +TCPSETUP: <n>,FAIL (the chapter's 'fails when result in FAIL').
            String report = failed.urc().line();
            return op == Operation.CONNECT
                    ? connectFailed(what, report)
                    : new SocketException(what + ": failed (" + report + ")");
        }
        if (failure instanceof CompletionAbortedException aborted) {
            return new SocketException(what + ": every link is gone (" + aborted.report() + ")");
        }
        if (failure instanceof ModuleRebootedException) {
            return new SocketException(what + ": the module restarted, every link is gone");
        }
        if (failure instanceof AtTimeoutException) {
            return new SocketTimeoutException(what + ": the module did not answer in time");
        }
        if (failure instanceof ChannelClosedException) {
            return new SocketException(what + ": the channel to the module is closed");
        }
        if (failure instanceof AtCommandFailedException failed) {
            return fromResult(op, what, failed.finalResult());
        }
        return new SocketException(what + ": " + failure.getMessage());
    }

    private static IOException fromResult(Operation op, String what, FinalResult result) {
        if (result instanceof FinalResult.CmeError cme) {
            return fromCme(op, what, cme);
        }
        if (result instanceof FinalResult.CommandSpecific line) {
            return fromLine(op, what, line.line());
        }
        String said = result instanceof FinalResult.Error ? "ERROR" : String.valueOf(result);
        return op == Operation.CONNECT
                ? new ConnectException(what + ": the module refused (" + said + ")")
                : new SocketException(what + ": the module refused (" + said + ")");
    }

    /** Neoway's socket codes (facts: 900-918, 980, 981). */
    private static IOException fromCme(Operation op, String what, FinalResult.CmeError cme) {
        String said =
                "+CME ERROR: " + cme.code() + (cme.text() == null || cme.text().isBlank() ? "" : " " + cme.text());
        String message = what + ": " + describe(cme.code()) + " (" + said + ")";
        return switch (cme.code()) {
            case 910 -> new ConnectException(message);
            case 911, 915 -> new SocketTimeoutException(message);
            case 916, 917, 918 -> new UnknownHostException(message);
            case 900, 901 -> op == Operation.CONNECT ? new ConnectException(message) : new SocketException(message);
            default -> new SocketException(message);
        };
    }

    private static String describe(int code) {
        return switch (code) {
            case 900 -> "dial rejected by the network";
            case 901 -> "PDP not active";
            case 902 -> "PDP already active";
            case 910 -> "connection refused";
            case 911 -> "connect timed out";
            case 912 -> "the socket already exists";
            case 913 -> "the socket does not exist";
            case 914 -> "the module's buffer is full";
            case 915 -> "send timed out";
            case 916 -> "the domain does not exist";
            case 917 -> "DNS timed out";
            case 918 -> "DNS failed";
            case 980 -> "illegal input";
            default -> "the module failed";
        };
    }

    /** The business lines that replace OK ({@code +TCPSETUP: ERROR}, {@code +TCPSEND: SOCKET ID OPEN FAILED}, ...). */
    private static IOException fromLine(Operation op, String what, String line) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.contains("OPERATION EXPIRED")) {
            return new SocketTimeoutException(what + ": the module got no data in time (" + line + ")");
        }
        if (upper.contains("SOCKET ID OPEN FAILED")) {
            return new SocketException(what + ": the link is not open (" + line + ")");
        }
        if (upper.contains("ERROR1")) {
            return new SocketException(what + ": the link number is in use in the module (" + line + ")");
        }
        if (op == Operation.CONNECT) {
            return new ConnectException(what + ": the module refused: bad parameters or no network (" + line + ")");
        }
        return new SocketException(what + ": the module refused (" + line + ")");
    }
}
