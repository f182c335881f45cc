package io.atspec.neoway.http.client;

import java.util.Arrays;
import java.util.Objects;

/**
 * One HTTP response as the module delivered it: status line, header fields and the body (chunked
 * transfer coding removed).
 *
 * @param status  the status code (200, 206, 404...)
 * @param reason  the reason phrase, possibly empty
 * @param headers the header fields, in order
 * @param body    the body bytes (empty for HEAD, 204, 304)
 */
public record HttpResult(int status, String reason, HttpHeaders headers, byte[] body) {

    /**
     * Keeps a copy of the body.
     *
     * @param status  the status code (200, 206, 404...)
     * @param reason  the reason phrase, possibly empty
     * @param headers the header fields, in order
     * @param body    the body bytes (empty for HEAD, 204, 304)
     */
    public HttpResult {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(headers, "headers");
        body = body.clone();
    }

    /**
     * The body bytes, a copy: the result stays unchanged whatever the caller does with them.
     *
     * @return the body bytes (empty for HEAD, 204, 304)
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * Whether the status is 2xx.
     *
     * @return true for a status from 200 to 299
     */
    public boolean successful() {
        return status / 100 == 2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpResult r
                && r.status == status
                && r.reason.equals(reason)
                && r.headers.fields().equals(headers.fields())
                && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, reason, headers.fields(), Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "HttpResult[" + status + " " + reason + ", " + headers.fields().size() + " header fields, " + body.length
                + " body bytes]";
    }
}
