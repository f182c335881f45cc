package io.atspec.runtime.bind;

import io.atspec.runtime.AtCommand;
import java.time.Duration;

/** A typed, validated command line that a generated request type stands for. */
public interface AtRequest {

    /** The wire line without its CR, e.g. {@code AT+HTTPACTION=2,23}. */
    String line();

    /** The runtime descriptor with the timeout the spec gives. */
    AtCommand command();

    /** The runtime descriptor with another timeout: manuals and drivers disagree on them. */
    AtCommand command(Duration timeout);
}
