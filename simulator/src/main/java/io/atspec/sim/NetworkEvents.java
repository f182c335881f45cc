package io.atspec.sim;

/** What happens when the data link goes away, shared by commands and the test-facing controls. */
interface NetworkEvents {

    /**
     * The PPP link is gone: HTTP links close; with {@code announce} the module reports
     * {@code GPRS DISCONNECTION}.
     */
    void pppLost(boolean announce);
}
