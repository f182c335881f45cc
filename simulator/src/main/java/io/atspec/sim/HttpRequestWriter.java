package io.atspec.sim;

import io.atspec.neoway.http.ContentType;
import io.atspec.neoway.http.HttpAction;
import io.atspec.neoway.http.KeepAlive;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds the HTTP/1.1 request bytes a module sends for one AT+HTTPACTION. */
final class HttpRequestWriter {

    private HttpRequestWriter() {}

    static byte[] request(HttpAction action, HttpTarget target, KeepAlive keepalive) {
        if (action instanceof HttpAction.Custom custom) {
            // OPEN_MODE: the host wrote the whole request itself; the module passes it through.
            return custom.postContent();
        }
        StringBuilder head = new StringBuilder();
        byte[] body = new byte[0];
        if (action instanceof HttpAction.Get get) {
            head.append("GET ").append(target.path()).append(" HTTP/1.1\r\n");
            commonHeaders(head, target, keepalive);
            if (get.offset().isPresent()) {
                long first = get.offset().getAsInt();
                long last = first + get.size().getAsInt() - 1;
                head.append("Range: bytes=")
                        .append(first)
                        .append('-')
                        .append(last)
                        .append("\r\n");
            }
        } else if (action instanceof HttpAction.Head) {
            head.append("HEAD ").append(target.path()).append(" HTTP/1.1\r\n");
            commonHeaders(head, target, keepalive);
        } else if (action instanceof HttpAction.Post post) {
            body = post.postContent();
            head.append("POST ").append(target.path()).append(" HTTP/1.1\r\n");
            commonHeaders(head, target, keepalive);
            head.append("Content-Type: ")
                    .append(mediaType(post.type().orElse(ContentType.X_WWW_FORM_URLENCODED)))
                    .append("\r\n");
            head.append("Content-Length: ").append(body.length).append("\r\n");
        } else {
            throw new IllegalArgumentException("no HTTP request for " + action);
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /**
     * A POST of any size (AT+FILEHTTPACTION=1 posts a file of up to 512 KiB, beyond what an
     * HTTPACTION body may hold).
     */
    static byte[] post(HttpTarget target, KeepAlive keepalive, ContentType type, byte[] body) {
        StringBuilder head = new StringBuilder();
        head.append("POST ").append(target.path()).append(" HTTP/1.1\r\n");
        commonHeaders(head, target, keepalive);
        head.append("Content-Type: ").append(mediaType(type)).append("\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void commonHeaders(StringBuilder head, HttpTarget target, KeepAlive keepalive) {
        head.append("Host: ").append(target.hostHeader()).append("\r\n");
        head.append("Connection: ")
                .append(keepalive == KeepAlive.LONG_TIME ? "keep-alive" : "close")
                .append("\r\n");
    }

    /** The manual's five POST data types (9.3 {@code <type>}) as media types. */
    static String mediaType(ContentType type) {
        return switch (type) {
            case X_WWW_FORM_URLENCODED -> "application/x-www-form-urlencoded";
            case TEXT -> "text/plain";
            case JSON -> "application/json";
            case XML -> "text/xml";
            case HTML -> "text/html";
        };
    }
}
