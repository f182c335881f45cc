package io.atspec.sim;

/**
 * The firmware a simulated module answers as, where the field's modules differ
 * (facts/network-attach.md): today only the form of the {@code AT+XIIC?} answer.
 */
public enum Firmware {

    /** N58 (and current N21/N716/M590): {@code +XIIC:    <state>,<ip>}, four spaces after the colon. */
    N58,

    /** Older M590 firmware: {@code +XIIC: <ip>}, no state field ({@code 0.0.0.0} while the link is down). */
    OLD_M590;

    /** The AT+XIIC? answer line for a link that is up (with {@code ip}) or down. */
    String xiicLine(boolean up, String ip) {
        String address = up ? ip : "0.0.0.0";
        return this == OLD_M590 ? "+XIIC: " + address : "+XIIC:    " + (up ? 1 : 0) + "," + address;
    }
}
