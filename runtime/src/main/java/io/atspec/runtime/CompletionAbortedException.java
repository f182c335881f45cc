package io.atspec.runtime;

import java.util.List;

/**
 * A URC that its completion names as fatal ({@code abort on}) arrived while the command's
 * outcome was awaited: the link the outcome would come on is gone (the packet link dropped,
 * the module restarted), so the wait ends at once instead of at its timeout.
 */
public class CompletionAbortedException extends AtException {
    private static final long serialVersionUID = 1L;

    private final String command;
    private final String report;
    private final transient List<Urc> collected;

    public CompletionAbortedException(String command, String report, List<Urc> collected) {
        super(command + " completion aborted by '" + WireTrace.escape(report) + "'; collected " + collected.size()
                + " URC(s) before it");
        this.command = command;
        this.report = report;
        this.collected = List.copyOf(collected);
    }

    /** The command whose completion was aborted, as the channel describes it (name and masked line). */
    public String command() {
        return command;
    }

    /** The line of the URC that aborted it ({@code GPRS DISCONNECTION}). */
    public String report() {
        return report;
    }

    /** The URCs of the outcome that had arrived before the abort. */
    public List<Urc> collected() {
        return collected == null ? List.of() : collected;
    }
}
