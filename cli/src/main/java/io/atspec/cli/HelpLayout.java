package io.atspec.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * One help layout for every command: 80 columns whatever the terminal, a blank line after the
 * description and before the command list. The first description line is each command's summary
 * in its parent's command list, so it is a whole short sentence.
 */
final class HelpLayout {
    static final int WIDTH = 80;

    private HelpLayout() {}

    static void apply(CommandLine command) {
        command.setUsageHelpAutoWidth(false);
        command.setUsageHelpWidth(WIDTH);
        UsageMessageSpec usage = command.getCommandSpec().usageMessage();
        String[] description = usage.description();
        if (description.length > 0 && !description[description.length - 1].isEmpty()) {
            String[] spaced = Arrays.copyOf(description, description.length + 1);
            spaced[description.length] = "";
            usage.description(spaced);
        }
        usage.commandListHeading("%nCommands:%n");
        command.getSubcommands().values().forEach(HelpLayout::apply);
    }
}
