package io.atspec.neoway.http.client;

import io.atspec.neoway.http.AuthMode;
import io.atspec.neoway.http.SslVersion;
import java.util.Objects;
import java.util.Optional;

/**
 * The module's TLS settings for https:// URLs (AT+HTTPSCFG, manual 9.10).
 *
 * @param sslVersion the protocol, if not the module's default
 * @param authMode   0 no server check, 1 the server is checked against {@code caFile}
 * @param caFile     the name of a PEM CA certificate in the module's file system (authmode 1)
 */
public record HttpsOptions(Optional<SslVersion> sslVersion, AuthMode authMode, Optional<String> caFile) {

    /**
     * Checks that a server check has its CA file.
     *
     * @param sslVersion the protocol, if not the module's default
     * @param authMode   0 no server check, 1 the server is checked against {@code caFile}
     * @param caFile     the name of a PEM CA certificate in the module's file system (authmode 1)
     * @throws IllegalArgumentException if {@code authMode} checks the server but there is no CA file
     */
    public HttpsOptions {
        Objects.requireNonNull(sslVersion, "sslVersion");
        Objects.requireNonNull(authMode, "authMode");
        Objects.requireNonNull(caFile, "caFile");
        if (authMode != AuthMode.NONE && caFile.isEmpty()) {
            throw new IllegalArgumentException("authmode " + authMode.code() + " needs a CA file in the module");
        }
    }

    /**
     * authmode 0: any server certificate is accepted.
     *
     * @return the options
     */
    public static HttpsOptions noServerCheck() {
        return new HttpsOptions(Optional.empty(), AuthMode.NONE, Optional.empty());
    }

    /**
     * authmode 1: the server must be signed by the certificate in the module file {@code caFile}.
     *
     * @param caFile the name of a PEM CA certificate in the module's file system
     * @return the options
     */
    public static HttpsOptions serverCheckedBy(String caFile) {
        return new HttpsOptions(Optional.empty(), AuthMode.SERVER, Optional.of(caFile));
    }

    /**
     * These options with a protocol other than the module's default.
     *
     * @param version the protocol
     * @return the new options
     */
    public HttpsOptions withSslVersion(SslVersion version) {
        return new HttpsOptions(Optional.of(version), authMode, caFile);
    }
}
