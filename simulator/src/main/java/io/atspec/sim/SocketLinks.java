package io.atspec.sim;

import io.atspec.neoway.tcp.LinkType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The module's link table: links 0..5, each free or held by one {@link SocketLink}, plus the
 * settings that apply to all client sockets (AT+RECVMODE, AT+TCPKEEPALIVE). The command loop and
 * the links' own threads use it: every method is synchronized.
 */
final class SocketLinks {

    /** Link numbers 0..5 on the N58. */
    static final int LINKS = 6;

    private final SocketLink[] table = new SocketLink[LINKS];
    private ReceiveSettings settings = ReceiveSettings.atBoot();
    private KeepAlive keepAlive = KeepAlive.atBoot();

    /**
     * Takes link {@code link.n()} for {@code link}; false if the number is in use (ERROR1). A link
     * the server has ended no longer holds its number: a new set-up replaces it.
     */
    synchronized boolean reserve(SocketLink link) {
        SocketLink held = table[link.n()];
        if (held != null && held.state() != SocketLink.State.ENDED) {
            return false;
        }
        if (held != null) {
            held.close();
        }
        table[link.n()] = link;
        return true;
    }

    /** The link holding {@code n}, whatever its state. */
    synchronized Optional<SocketLink> get(int n) {
        return Optional.ofNullable(table[n]);
    }

    /** The connected link of {@code type} holding {@code n}: what sends and reads need. */
    synchronized Optional<SocketLink> connected(int n, LinkType type) {
        SocketLink link = table[n];
        return link != null && link.type() == type && link.state() == SocketLink.State.CONNECTED
                ? Optional.of(link)
                : Optional.empty();
    }

    /** A set-up failed: the number is free again. */
    synchronized void forget(SocketLink link) {
        if (table[link.n()] == link) {
            table[link.n()] = null;
        }
    }

    /** The server closed the link: its number is free once nothing waits to be read. */
    synchronized void endedByServer(SocketLink link) {
        if (link.buffer().isEmpty()) {
            forget(link);
        }
    }

    /** AT+TCPCLOSE / AT+UDPCLOSE: closes and frees the link of {@code type} holding {@code n}, if open. */
    synchronized boolean close(int n, LinkType type) {
        SocketLink link = table[n];
        if (link == null || link.type() != type || link.state() == SocketLink.State.ENDED) {
            return false;
        }
        link.close();
        table[n] = null;
        return true;
    }

    /** PPP loss, reboot, session end: every link goes, without a report. */
    void closeAll() {
        List<SocketLink> all = new ArrayList<>();
        synchronized (this) {
            for (int n = 0; n < LINKS; n++) {
                if (table[n] != null) {
                    all.add(table[n]);
                    table[n] = null;
                }
            }
        }
        all.forEach(SocketLink::close);
    }

    /**
     * Holds back the reports of every link (see {@link SocketLink#hold()}) and returns them for
     * their {@link SocketLink#release()}: from a {@code >} prompt until its send is answered, so
     * that no report lands between the prompt and the echo of the payload (a host strips that
     * echo only when it follows the prompt exactly).
     */
    List<SocketLink> holdAll() {
        List<SocketLink> held = new ArrayList<>();
        synchronized (this) {
            for (SocketLink link : table) {
                if (link != null) {
                    held.add(link);
                }
            }
        }
        // Outside this table's lock: a link reporting holds its own lock, then asks for the settings.
        held.forEach(SocketLink::hold);
        return held;
    }

    synchronized ReceiveSettings settings() {
        return settings;
    }

    /** AT+RECVMODE: the new settings, and what waited in any link's buffer is gone. */
    synchronized void settings(ReceiveSettings changed) {
        settings = changed;
        for (SocketLink link : table) {
            if (link != null) {
                link.buffer().clear();
            }
        }
    }

    synchronized KeepAlive keepAlive() {
        return keepAlive;
    }

    synchronized void keepAlive(KeepAlive changed) {
        keepAlive = changed;
    }

    /** A restart: links closed, settings as at boot (neither is remembered). */
    void reboot() {
        closeAll();
        synchronized (this) {
            settings = ReceiveSettings.atBoot();
            keepAlive = KeepAlive.atBoot();
        }
    }
}
