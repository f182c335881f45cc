package io.atspec.sim;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reports what an HTTP link receives to the host, in one of the two receive modes of
 * AT+HTTPPARA=recvmode. Called on the link's receiver thread, in order.
 */
interface RecvReporter {

    /** The report names of one link kind: {@link #HTTP} or {@link #HTTPS}. */
    record Names(String recv, String closed) {}

    Names HTTP = new Names("+HTTPRECV:", "+HTTPCLOSED: HTTP Link Closed");
    Names HTTPS = new Names("+HTTPSRECV:", "+HTTPSCLOSED: HTTPS Link Closed");

    /** Bytes from the server (never empty). */
    void data(byte[] bytes, int length);

    /** The server closed the link (or it failed): the last call. */
    void closed();

    /**
     * keepalive 1: the response is complete and the link stays open, so no closed URC follows;
     * the next request's response comes through a new reporter.
     */
    void messageEnd();

    /**
     * recvmode 0: one bare {@code +HTTPRECV:} header, the raw response, then CR LF
     * {@code +HTTPCLOSED: HTTP Link Closed} (kept alive: no closed line; the host ends the data
     * where the HTTP message's own framing says). The response is collected first and written as one
     * block so that no command answer can land inside it. Only the terminator line tells the host
     * where the data ends, so a response containing CR LF {@code +HTTPCLOSED} cannot be told apart
     * from the end: that is the protocol's limit, and why recvmode 1 exists. HTTPS the same with
     * its own {@code names}.
     */
    static RecvReporter raw(ModuleOutput out, Names names) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        return new RecvReporter() {
            @Override
            public void data(byte[] bytes, int length) {
                response.write(bytes, 0, length);
            }

            @Override
            public void closed() {
                out.atomically(() -> {
                    report();
                    out.raw("\r\n" + names.closed() + "\r\n");
                });
            }

            @Override
            public void messageEnd() {
                // The host finds the end from the message's own framing; CR LF after it as after
                // any report.
                out.atomically(() -> {
                    report();
                    out.raw("\r\n");
                });
            }

            private void report() {
                if (response.size() > 0) {
                    out.raw("\r\n" + names.recv() + "\r\n");
                    out.raw(response.toByteArray());
                }
            }
        };
    }

    /** recvmode 1: {@code +HTTPRECV: <length>,<data>} per piece received, then the closed URC. */
    static RecvReporter lengthFramed(ModuleOutput out, Names names) {
        return new RecvReporter() {
            @Override
            public void data(byte[] bytes, int length) {
                byte[] header = ("\r\n" + names.recv() + " " + length + ",").getBytes(StandardCharsets.US_ASCII);
                byte[] urc = new byte[header.length + length + 2];
                System.arraycopy(header, 0, urc, 0, header.length);
                System.arraycopy(bytes, 0, urc, header.length, length);
                urc[urc.length - 2] = '\r';
                urc[urc.length - 1] = '\n';
                out.raw(urc);
            }

            @Override
            public void closed() {
                out.line(names.closed());
            }

            @Override
            public void messageEnd() {
                // Every piece has been reported; the link stays open.
            }
        };
    }
}
