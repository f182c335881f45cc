package io.atspec.sim;

import io.atspec.neoway.http.AuthMode;
import io.atspec.neoway.http.SslVersion;
import java.util.Optional;

/**
 * What AT+HTTPSCFG has set (manual 9.10). Survives AT+HTTPSCLOSE; the module boots with TLS 1.2
 * and authmode 0 (no server check).
 */
record TlsSettings(
        SslVersion sslversion,
        AuthMode authmode,
        Optional<String> ciphersuite,
        Optional<String> cacert,
        Optional<String> clientcert,
        Optional<String> clientkey,
        Optional<String> sni) {

    static TlsSettings defaults() {
        return new TlsSettings(
                SslVersion.TLS_1_2,
                AuthMode.NONE,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    TlsSettings withSslversion(SslVersion v) {
        return new TlsSettings(v, authmode, ciphersuite, cacert, clientcert, clientkey, sni);
    }

    TlsSettings withAuthmode(AuthMode m) {
        return new TlsSettings(sslversion, m, ciphersuite, cacert, clientcert, clientkey, sni);
    }

    TlsSettings withCiphersuite(String s) {
        return new TlsSettings(sslversion, authmode, Optional.of(s), cacert, clientcert, clientkey, sni);
    }

    TlsSettings withCacert(String s) {
        return new TlsSettings(sslversion, authmode, ciphersuite, Optional.of(s), clientcert, clientkey, sni);
    }

    TlsSettings withClientcert(String s) {
        return new TlsSettings(sslversion, authmode, ciphersuite, cacert, Optional.of(s), clientkey, sni);
    }

    TlsSettings withClientkey(String s) {
        return new TlsSettings(sslversion, authmode, ciphersuite, cacert, clientcert, Optional.of(s), sni);
    }

    TlsSettings withSni(String s) {
        return new TlsSettings(sslversion, authmode, ciphersuite, cacert, clientcert, clientkey, Optional.of(s));
    }

    /** The AT+HTTPSCFG? answer, the shape of the manual's example: {@code +HTTPSCFG: 0,1,,ca.pem,cc.pem,ck.pem}. */
    String queryLine() {
        return "+HTTPSCFG: " + sslversion.code() + "," + authmode.code() + "," + ciphersuite.orElse("") + ","
                + cacert.orElse("") + "," + clientcert.orElse("") + "," + clientkey.orElse("");
    }

    @Override
    public String toString() {
        // The client key's name is no secret, but the spec marks the field secret: never logged.
        return "TlsSettings[" + sslversion + ", " + authmode + ", cacert=" + cacert.orElse("") + "]";
    }
}
