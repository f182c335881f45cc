package io.atspec.sim;

import io.atspec.neoway.http.KeepAlive;
import io.atspec.neoway.http.RecvMode;
import java.util.Optional;
import java.util.OptionalInt;

/** What AT+HTTPPARA has set; AT+HTTPCLOSE clears it (manual 9.4). */
record HttpSettings(Optional<String> url, OptionalInt port, KeepAlive keepalive, RecvMode recvmode) {

    static HttpSettings cleared() {
        return new HttpSettings(Optional.empty(), OptionalInt.empty(), KeepAlive.DEFAULT, RecvMode.DEFAULT);
    }

    HttpSettings withUrl(String url) {
        return new HttpSettings(Optional.of(url), port, keepalive, recvmode);
    }

    HttpSettings withPort(int port) {
        return new HttpSettings(url, OptionalInt.of(port), keepalive, recvmode);
    }

    HttpSettings withKeepalive(KeepAlive keepalive) {
        return new HttpSettings(url, port, keepalive, recvmode);
    }

    HttpSettings withRecvmode(RecvMode recvmode) {
        return new HttpSettings(url, port, keepalive, recvmode);
    }
}
