package io.atspec.runtime;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The report that ended a command's completion says the command failed ({@code +SOCKOPEN: 1,FAIL}).
 * Generated code subclasses it once per command, with the report typed.
 */
public class CompletionFailedException extends AtException {
    private static final long serialVersionUID = 1L;

    private final String command;
    private final transient Urc report;
    private final transient List<Urc> collected;

    /**
     * @param command the command as the channel describes it (name and masked line)
     * @param report the report that ended the wait
     * @param collected every report collected, the ending one last
     * @param mask masks secrets for the message
     */
    public CompletionFailedException(String command, Urc report, List<Urc> collected, UnaryOperator<String> mask) {
        super(command + " failed: its outcome was '" + WireTrace.excerpt(mask.apply(report.line())) + "'");
        this.command = command;
        this.report = report;
        this.collected = List.copyOf(collected);
    }

    /** The command, as the channel describes it. */
    public String command() {
        return command;
    }

    /** The report that ended the wait. */
    public Urc urc() {
        return report;
    }

    /** Every report collected, the ending one last. */
    public List<Urc> collected() {
        return collected == null ? List.of() : collected;
    }
}
