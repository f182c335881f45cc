package io.atspec.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP or HTTPS server on 127.0.0.1 for the HTTPS and file-system tests:
 * {@code /files/<name>} with ranges (206 + Content-Range, 416 + {@code bytes *&#47;N}),
 * {@code /chunked/<name>} (the same body in chunked transfer coding), {@code /echo} (POST body
 * back, with the request's Content-Type in {@code X-Request-Content-Type}), and {@code /upload}
 * (records POST bodies). HTTPS uses the test keystore {@code tls/localhost.p12} (see its README).
 */
final class WebServer implements AutoCloseable {

    static final String CA_PEM = "tls/localhost.pem";
    static final String OTHER_CA_PEM = "tls/other-ca.pem";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    private final HttpServer server;
    private final boolean https;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<byte[]> uploads = new CopyOnWriteArrayList<>();

    private WebServer(HttpServer server, boolean https) {
        this.server = server;
        this.https = https;
        server.createContext("/files/", ex -> serve(ex, false));
        server.createContext("/chunked/", ex -> serve(ex, true));
        server.createContext("/echo", this::echo);
        server.createContext("/upload", this::upload);
        server.start();
    }

    static WebServer http() throws IOException {
        return new WebServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), false);
    }

    static WebServer https() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = resource("tls/localhost.p12")) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new WebServer(server, true);
    }

    static byte[] bytes(String resource) throws IOException {
        try (InputStream in = resource(resource)) {
            return in.readAllBytes();
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = WebServer.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("no test resource " + name);
        }
        return in;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** {@code http(s)://127.0.0.1:<port><path>}. */
    String url(String path) {
        return (https ? "https" : "http") + "://127.0.0.1:" + port() + path;
    }

    /** Registers a body; returns its path. */
    String file(String name, byte[] body) {
        files.put(name, body.clone());
        return "/files/" + name;
    }

    List<byte[]> uploads() {
        return uploads;
    }

    private void serve(HttpExchange ex, boolean chunked) throws IOException {
        String path = ex.getRequestURI().getPath();
        byte[] body = files.get(path.substring(path.indexOf('/', 1) + 1));
        if (body == null) {
            send(ex, 404, new byte[0], false);
            return;
        }
        String range = ex.getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (m != null && m.matches()) {
            int first = Integer.parseInt(m.group(1));
            if (first >= body.length) {
                ex.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
                send(ex, 416, new byte[0], false);
                return;
            }
            int last = Math.min(Integer.parseInt(m.group(2)), body.length - 1);
            ex.getResponseHeaders().add("Content-Range", "bytes " + first + "-" + last + "/" + body.length);
            send(ex, 206, Arrays.copyOfRange(body, first, last + 1), chunked);
            return;
        }
        send(ex, 200, body, chunked);
    }

    private void echo(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        ex.getResponseHeaders()
                .add(
                        "X-Request-Content-Type",
                        String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")));
        send(ex, 200, body, false);
    }

    private void upload(HttpExchange ex) throws IOException {
        uploads.add(ex.getRequestBody().readAllBytes());
        send(ex, 201, new byte[0], false);
    }

    private static void send(HttpExchange ex, int status, byte[] body, boolean chunked) throws IOException {
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
        ex.getResponseHeaders().add("X-Body-Length", Integer.toString(body.length));
        // 0: chunked; -1: no body; otherwise a fixed length.
        long length = chunked && !head ? 0 : head || body.length == 0 ? -1 : body.length;
        ex.sendResponseHeaders(status, length);
        try (OutputStream out = ex.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
