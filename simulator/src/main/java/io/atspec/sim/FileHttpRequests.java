package io.atspec.sim;

import io.atspec.neoway.http.ContentType;
import io.atspec.neoway.http.FileHttpError;
import io.atspec.neoway.http.HttpAction;
import io.atspec.neoway.network.CmeError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * AT+FILEHTTPACTION / AT+FILEHTTPSACTION with +FILEHTTPSTAT (9.19-9.21): a GET into, or a POST
 * from, the module's file system over the link the scheme's SETUP opened.
 */
final class FileHttpRequests {

    static final String FILE_STAT = "+FILEHTTPSTAT: ";

    private FileHttpRequests() {}

    /**
     * 9.19/9.20 GET: a ranged GET on the set-up link; the body is written at {@code offset} of
     * the file named after the url (a 200 answer, which ignored the range, is written at 0).
     * OK, then {@code +FILEHTTPSTAT: 0,1,<length>}, or {@code +FILEHTTPSTAT: 0,0} on failure.
     */
    static void get(HttpScheme scheme, int offset, int size, CommandContext c) {
        Optional<HttpLink> open = link(scheme, c);
        if (open.isEmpty()) {
            return;
        }
        HttpLink link = open.get();
        ModuleState s = c.state();
        HttpSettings settings = scheme.connection(s).settings();
        byte[] request = HttpRequestWriter.request(HttpAction.get(offset, size), link.target(), settings.keepalive());
        String name = ModuleFiles.downloadName(link.target());
        inBackground(scheme, link, request, c, "0", response -> {
            if (response.status() / 100 != 2) {
                return null;
            }
            s.files().write(name, response.status() == 206 ? offset : 0, response.body());
            return response.body().length;
        });
    }

    /**
     * 9.19/9.20 POST: the first {@code length} bytes of {@code file} from the module's file system.
     * OK, then {@code +FILEHTTPSTAT: 1,1,<length>} on a 2xx answer, else {@code +FILEHTTPSTAT: 1,0}.
     */
    static void post(HttpScheme scheme, int length, ContentType type, String file, CommandContext c) {
        ModuleState s = c.state();
        if (!s.pppUp()) {
            pdpNotActive(c);
            return;
        }
        Optional<byte[]> content = s.files().get(file);
        if (content.isEmpty() || content.get().length < length) {
            c.reply().cme(CmeError.INCORRECT_PARAMETERS);
            return;
        }
        Optional<HttpLink> open = link(scheme, c);
        if (open.isEmpty()) {
            return;
        }
        HttpLink link = open.get();
        HttpSettings settings = scheme.connection(s).settings();
        byte[] body = Arrays.copyOf(content.get(), length);
        byte[] request = HttpRequestWriter.post(link.target(), settings.keepalive(), type, body);
        inBackground(scheme, link, request, c, "1", response -> response.status() / 100 == 2 ? length : null);
    }

    /** The set-up link for a file request; answers the error itself when there is none. */
    private static Optional<HttpLink> link(HttpScheme scheme, CommandContext c) {
        if (!c.state().pppUp()) {
            pdpNotActive(c);
            return Optional.empty();
        }
        Optional<HttpLink> link = scheme.connection(c.state()).idleLink();
        if (link.isEmpty()) {
            // "Establish a HTTP connection before executing this command."
            c.reply().cme(CmeError.OPERATION_NOT_ALLOWED);
        }
        return link;
    }

    private static void pdpNotActive(CommandContext c) {
        FileHttpError e = FileHttpError.PDP_NOT_ACTIVE;
        c.reply().cme(Integer.parseInt(e.code()), e.description());
    }

    /** What a file request makes of the server's answer: the length to report, or null for failure. */
    @FunctionalInterface
    private interface Outcome {
        Integer of(HttpResponse response);
    }

    private static void inBackground(
            HttpScheme scheme, HttpLink link, byte[] request, CommandContext c, String mode, Outcome outcome) {
        HttpConnection connection = scheme.connection(c.state());
        try {
            link.send(request);
        } catch (IOException sendFailed) {
            link.close();
            connection.forgetLink(link);
            c.reply().error();
            return;
        }
        c.reply().ok();
        Thread t = new Thread(
                () -> {
                    String report;
                    try {
                        Integer length = outcome.of(HttpResponse.parse(link.readAll()));
                        report = length == null ? mode + ",0" : mode + ",1," + length;
                    } catch (IOException | IllegalArgumentException failed) {
                        report = mode + ",0";
                    } finally {
                        connection.forgetLink(link);
                    }
                    try {
                        c.reply().urc(FILE_STAT + report);
                    } catch (UncheckedIOException hostGone) {
                        // Nobody left to tell.
                    }
                },
                "sim-file-http-" + link.target().hostHeader());
        t.setDaemon(true);
        t.start();
    }
}
