package io.atspec.sim;

import io.atspec.neoway.network.CmeError;

/**
 * How a command answers: information lines, then one final result. Errors follow the module's
 * AT+CMEE mode: 0 plain {@code ERROR}, 1 {@code +CME ERROR: <code>}, 2 {@code +CME ERROR: <text>}.
 */
final class Replies {

    private final ModuleOutput out;
    private final ModuleState state;

    Replies(ModuleOutput out, ModuleState state) {
        this.out = out;
        this.state = state;
    }

    void info(String line) {
        out.line(line);
    }

    void ok() {
        out.line("OK");
    }

    /** Plain ERROR whatever the CMEE mode: unknown commands, and failures the manual shows as ERROR. */
    void error() {
        out.line("ERROR");
    }

    void cme(CmeError error) {
        cme(Integer.parseInt(error.code()), error.description());
    }

    void cme(int code, String text) {
        switch (state.cmeeMode()) {
            case 1 -> out.line("+CME ERROR: " + code);
            case 2 -> out.line("+CME ERROR: " + text);
            default -> out.line("ERROR");
        }
    }

    /** A command-specific final line such as {@code +HTTPACTION: SOCKET ID OPEN FAILED}. */
    void finalLine(String line) {
        out.line(line);
    }

    /** The payload prompt: CR LF {@code >} and no line end after it. */
    void prompt() {
        out.raw("\r\n>");
    }

    /** An unsolicited result code, e.g. {@code GPRS DISCONNECTION}. */
    void urc(String line) {
        out.line(line);
    }

    ModuleOutput output() {
        return out;
    }
}
