package io.atspec.sim;

import io.atspec.neoway.network.CmeError;

/**
 * The V.250 basics, parsed by hand because no chapter spec covers them: {@code AT},
 * {@code ATE0}/{@code ATE1}, {@code AT+CMEE=<n>}, {@code AT+CMEE?}, {@code AT+CMEE=?}, {@code ATI}.
 */
final class BasicCommandHandler implements CommandHandler {

    @Override
    public boolean handle(String line, CommandContext c) {
        String compact = line.replace(" ", "");
        switch (compact) {
            case "AT" -> c.reply().ok();
            case "ATE", "ATE0" -> {
                c.state().echo(false);
                c.reply().ok();
            }
            case "ATE1" -> {
                c.state().echo(true);
                c.reply().ok();
            }
            case "ATI" -> {
                c.reply().info("Neoway");
                c.reply().info("N58 (atspec simulator)");
                c.reply().ok();
            }
            case "AT+CMEE?" -> {
                c.reply().info("+CMEE: " + c.state().cmeeMode());
                c.reply().ok();
            }
            case "AT+CMEE=?" -> {
                c.reply().info("+CMEE: (0-2)");
                c.reply().ok();
            }
            default -> {
                if (!compact.startsWith("AT+CMEE=")) {
                    return compact.startsWith("ATE") && unknownEcho(c);
                }
                String value = compact.substring("AT+CMEE=".length());
                if (value.matches("[012]")) {
                    c.state().cmeeMode(Integer.parseInt(value));
                    c.reply().ok();
                } else {
                    c.reply().cme(CmeError.INCORRECT_PARAMETERS);
                }
            }
        }
        return true;
    }

    /** ATE2 and the like: an echo command with a value the module does not have. */
    private static boolean unknownEcho(CommandContext c) {
        c.reply().error();
        return true;
    }
}
