package io.atspec.runtime;

import java.util.List;

/** A command's acknowledgement plus the URCs its {@link Completion} collected, in arrival order. */
public record CompletedResponse(AtResponse ack, List<Urc> urcs) {

    public CompletedResponse {
        urcs = List.copyOf(urcs);
    }
}
