package io.atspec.sim;

import java.util.Optional;

/**
 * One of the module's two HTTP clients as the host left it: what PARA has set, and the socket
 * SETUP opened (CLOSE clears both). The command loop changes it; receiver threads forget their
 * link when the server closes it, hence the lock.
 */
final class HttpConnection {

    private HttpSettings settings = HttpSettings.cleared();
    private HttpLink link;

    synchronized HttpSettings settings() {
        return settings;
    }

    synchronized void settings(HttpSettings newSettings) {
        settings = newSettings;
    }

    synchronized Optional<HttpLink> link() {
        return Optional.ofNullable(link);
    }

    synchronized void link(HttpLink newLink) {
        link = newLink;
    }

    /** The link if it is open and no earlier request is still reading from it. */
    synchronized Optional<HttpLink> idleLink() {
        return link().filter(l -> l.isOpen() && !l.receiving());
    }

    /** Forgets {@code old} if it is still the current link (a receiver ending late must not drop a newer one). */
    synchronized void forgetLink(HttpLink old) {
        if (link == old) {
            link = null;
        }
    }

    /** PPP loss, session end, a new SETUP, CLOSE: the socket goes without a report. */
    synchronized void closeLink() {
        if (link != null) {
            link.close();
            link = null;
        }
    }
}
