package io.atspec.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server on loopback: serves registered bodies under {@code /files/<name>} (honouring
 * {@code Range: bytes=a-b}), and echoes POST bodies at {@code /echo} with the request's
 * Content-Type in {@code X-Request-Content-Type}. A test class that shares one for all its tests
 * registers it, {@code @RegisterExtension static final TestHttpServer server = TestHttpServer.perClass();},
 * and JUnit stops it after the last test.
 */
final class TestHttpServer implements AutoCloseable, AfterAllCallback {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    TestHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/files/", this::serveFile);
        server.createContext("/echo", this::echo);
        server.start();
    }

    /** A started server for a test class's {@code @RegisterExtension} field. */
    static TestHttpServer perClass() {
        try {
            return new TestHttpServer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback HTTP server", e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Registers a body; returns the url path (no host) to fetch it from. */
    String file(String name, byte[] body) {
        files.put(name, body.clone());
        return "/files/" + name;
    }

    private void serveFile(HttpExchange ex) throws IOException {
        byte[] body = files.get(ex.getRequestURI().getPath().substring("/files/".length()));
        if (body == null) {
            send(ex, 404, new byte[0]);
            return;
        }
        String range = ex.getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (m != null && m.matches()) {
            int first = Integer.parseInt(m.group(1));
            int last = Math.min(Integer.parseInt(m.group(2)), body.length - 1);
            ex.getResponseHeaders().add("Content-Range", "bytes " + first + "-" + last + "/" + body.length);
            send(ex, 206, Arrays.copyOfRange(body, first, last + 1));
            return;
        }
        send(ex, 200, body);
    }

    private void echo(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        ex.getResponseHeaders().add("X-Request-Content-Type", String.valueOf(type));
        send(ex, 200, body);
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
        if (head) {
            // As the manual's HEAD example: the length of the body a GET would get, which no body follows.
            ex.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
        }
        // -1: no body (HEAD, or an empty one); otherwise a fixed length, so the response is not chunked.
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
