package io.atspec.runtime;

/**
 * The line that ends a command's response. {@link #isError()} decides whether
 * {@link AtChannel#execute(AtCommand)} returns or throws {@link AtCommandFailedException}.
 */
public sealed interface FinalResult {

    /** The final line as received. */
    String line();

    boolean isError();

    record Ok() implements FinalResult {
        public String line() {
            return "OK";
        }

        public boolean isError() {
            return false;
        }
    }

    record Error() implements FinalResult {
        public String line() {
            return "ERROR";
        }

        public boolean isError() {
            return true;
        }
    }

    /** {@code +CME ERROR: <n>} (code set, text null) or {@code +CME ERROR: <text>} (code -1, text set). */
    record CmeError(int code, String text) implements FinalResult {
        public String line() {
            return "+CME ERROR: " + (text != null ? text : code);
        }

        public boolean isError() {
            return true;
        }
    }

    /** {@code +CMS ERROR: <n>} or {@code +CMS ERROR: <text>}, same convention as {@link CmeError}. */
    record CmsError(int code, String text) implements FinalResult {
        public String line() {
            return "+CMS ERROR: " + (text != null ? text : code);
        }

        public boolean isError() {
            return true;
        }
    }

    /** A final line declared by the command itself, e.g. {@code +HTTPACTION: SOCKET ID OPEN FAILED}. */
    record CommandSpecific(String line, boolean isError) implements FinalResult {}

    FinalResult OK = new Ok();
    FinalResult ERROR = new Error();

    /** Parses the standard final results (OK, ERROR, +CME ERROR, +CMS ERROR); null for any other line. */
    static FinalResult parseStandard(String line) {
        switch (line.length()) {
            case 2:
                return line.equals("OK") ? OK : null;
            case 5:
                return line.equals("ERROR") ? ERROR : null;
            default:
                break;
        }
        if (line.startsWith("+CME ERROR:")) {
            String v = line.substring(11).trim();
            return isNumber(v) ? new CmeError(Integer.parseInt(v), null) : new CmeError(-1, v);
        }
        if (line.startsWith("+CMS ERROR:")) {
            String v = line.substring(11).trim();
            return isNumber(v) ? new CmsError(Integer.parseInt(v), null) : new CmsError(-1, v);
        }
        return null;
    }

    private static boolean isNumber(String v) {
        if (v.isEmpty() || v.length() > 9) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
