package io.atspec.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A small HTTP server on 127.0.0.1 (ephemeral port) for the demo and tests: serves the files it
 * is given (GET, HEAD, and {@code Range: bytes=a-b} with 206 and Content-Range), and echoes
 * every POST with its Content-Type. {@link #startHttps()} serves the same over TLS with the
 * loopback certificate in {@code demo/} (CN=localhost, SAN IP:127.0.0.1; {@link #caPem()} is the
 * CA a client trusts it by).
 */
final class LoopbackServer implements AutoCloseable {

    record Resource(byte[] body, String contentType) {}

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();

    private LoopbackServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** The loopback certificate's keystore (PKCS12) and its password, as in the simulator's tests. */
    static final String KEYSTORE = "demo/localhost.p12";

    static final String CA_PEM = "demo/localhost.pem";
    private static final char[] PASSWORD = "changeit".toCharArray();

    static LoopbackServer start() throws IOException {
        return start(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /** HTTPS on 127.0.0.1 with the loopback certificate (TLS 1.2 and 1.3 as the JDK enables them). */
    static LoopbackServer startHttps() throws IOException {
        SSLContext context;
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = resource(KEYSTORE)) {
                keys.load(in, PASSWORD);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD);
            context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the loopback certificate " + KEYSTORE + ": " + e.getMessage(), e);
        }
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return start(server);
    }

    /** The PEM certificate that vouches for {@link #startHttps()}'s server. */
    static byte[] caPem() throws IOException {
        try (InputStream in = resource(CA_PEM)) {
            return in.readAllBytes();
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = LoopbackServer.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("resource " + name + " is missing from the tool's jar");
        }
        return in;
    }

    private static LoopbackServer start(HttpServer server) {
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, server instanceof HttpsServer ? "loopback-https" : "loopback-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        LoopbackServer s = new LoopbackServer(server, executor);
        server.createContext("/", s::handle);
        server.start();
        return s;
    }

    LoopbackServer serve(String path, byte[] body, String contentType) {
        resources.put(path, new Resource(body.clone(), contentType));
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** {@code 127.0.0.1} */
    String host() {
        return server.getAddress().getAddress().getHostAddress();
    }

    /** {@code 127.0.0.1:port} */
    String authority() {
        return server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] request = in.readAllBytes();
            String method = ex.getRequestMethod();
            if (method.equals("POST")) {
                String type = ex.getRequestHeaders().getFirst("Content-Type");
                ex.getResponseHeaders().add("Content-Type", type == null ? "application/octet-stream" : type);
                send(ex, 200, request, false);
                return;
            }
            Resource r = resources.get(ex.getRequestURI().getPath());
            if (r == null) {
                ex.getResponseHeaders().add("Content-Type", "text/plain");
                send(
                        ex,
                        404,
                        "not found\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        method.equals("HEAD"));
                return;
            }
            ex.getResponseHeaders().add("Content-Type", r.contentType());
            ex.getResponseHeaders().add("Accept-Ranges", "bytes");
            String range = ex.getRequestHeaders().getFirst("Range");
            if (range != null && range.startsWith("bytes=")) {
                String[] ab = range.substring(6).split("-", 2);
                int total = r.body().length;
                int from = Integer.parseInt(ab[0].trim());
                int to = ab.length > 1 && !ab[1].isBlank()
                        ? Math.min(Integer.parseInt(ab[1].trim()), total - 1)
                        : total - 1;
                if (from >= total || from > to) {
                    ex.getResponseHeaders().add("Content-Range", "bytes */" + total);
                    send(ex, 416, new byte[0], true);
                    return;
                }
                ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + to + "/" + total);
                send(ex, 206, java.util.Arrays.copyOfRange(r.body(), from, to + 1), method.equals("HEAD"));
                return;
            }
            send(ex, 200, r.body(), method.equals("HEAD"));
        } finally {
            ex.close();
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body, boolean headOnly) throws IOException {
        if (headOnly) {
            ex.getResponseHeaders().add("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
