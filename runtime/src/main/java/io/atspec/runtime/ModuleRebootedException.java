package io.atspec.runtime;

/** A reboot indicator (e.g. {@code +PBREADY}) arrived while the command or its completion was pending. */
public class ModuleRebootedException extends AtException {
    private static final long serialVersionUID = 1L;

    public ModuleRebootedException(String message) {
        super(message);
    }
}
