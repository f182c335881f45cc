package io.atspec.neoway.tcp.socket;

/**
 * What the module reports about its links, reduced to what a socket needs: the reports of the
 * TCP chapter and the network's "every link is gone" reports. {@link LinkCommands} makes them
 * from URCs; {@link NeowaySockets} routes them to the link they name.
 */
sealed interface LinkEvent {

    /** Data pushed for {@code link} (receive mode 1): a TCP piece or one UDP datagram. */
    record Received(int link, byte[] data) implements LinkEvent {}

    /** Data waits in the module for {@code link} (receive mode 0): read it with AT+TCPREAD / AT+UDPREAD. */
    record Waiting(int link) implements LinkEvent {}

    /** The server closed {@code link} ({@code +TCPCLOSE: <n>,Link Closed}). */
    record ClosedByServer(int link) implements LinkEvent {}

    /**
     * The same report, told on the reader thread as soon as it is read, before the data reports
     * queued ahead of it reach the link: a read that the module refuses after it knows the link
     * is over (its buffer drained), not a failure.
     */
    record CloseReported(int link) implements LinkEvent {}

    /** Every link is gone at once: the data link dropped, or the module restarted. */
    record AllGone(String why) implements LinkEvent {}

    /** URCs were dropped on the host (the listener side fell behind): received data is lost. */
    record ReportsLost(long count) implements LinkEvent {}
}
