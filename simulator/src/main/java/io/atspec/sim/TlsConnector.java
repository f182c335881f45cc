package io.atspec.sim;

import io.atspec.neoway.http.AuthMode;
import io.atspec.neoway.http.SslVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The module's TLS side, with the JDK's javax.net.ssl: turns a connected TCP socket into a TLS
 * one as AT+HTTPSCFG says. sslversion picks the one enabled protocol; authmode 0 trusts any
 * server; authmode 1 checks the server's chain and name against the PEM certificate(s) in the
 * {@code cacert} file of the module's file system. Authmode 2 (client certificates) is not
 * simulated.
 */
final class TlsConnector {

    private TlsConnector() {}

    /** The JDK protocol for an sslversion, or empty if this JDK cannot (or will not) speak it. */
    static Optional<String> protocol(SslVersion version) {
        String name = switch (version) {
            case SSL_3_0 -> "SSLv3";
            case TLS_1_0 -> "TLSv1";
            case TLS_1_1 -> "TLSv1.1";
            case TLS_1_2 -> "TLSv1.2";
            case TLS_1_3 -> "TLSv1.3";
        };
        try {
            List<String> supported = Arrays.asList(
                    SSLContext.getDefault().getSupportedSSLParameters().getProtocols());
            if (!supported.contains(name) || disabled(name)) {
                return Optional.empty();
            }
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
        return Optional.of(name);
    }

    /** Whether the JDK's security policy (jdk.tls.disabledAlgorithms) turns {@code protocol} off. */
    private static boolean disabled(String protocol) {
        String list = Security.getProperty("jdk.tls.disabledAlgorithms");
        if (list == null) {
            return false;
        }
        return Arrays.stream(list.split(",")).map(String::strip).anyMatch(p -> p.equalsIgnoreCase(protocol));
    }

    /**
     * Wraps {@code plain} (connected to {@code target}) and completes the handshake, so that a
     * server the settings do not trust fails here, at AT+HTTPSSETUP.
     *
     * @throws IOException the handshake failed, or the CA file is missing or not PEM
     */
    static Socket handshake(Socket plain, HttpTarget target, TlsSettings settings, ModuleFiles files)
            throws IOException {
        String protocol = protocol(settings.sslversion())
                .orElseThrow(() -> new IOException("sslversion " + settings.sslversion() + " is not available"));
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(settings, files), null);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS: " + e.getMessage(), e);
        }
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
        SSLParameters params = tls.getSSLParameters();
        params.setProtocols(new String[] {protocol});
        if (settings.authmode() != AuthMode.NONE) {
            // Manage server authentication: the certificate must name the host too.
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        settings.sni()
                .or(() -> isIpLiteral(target.host()) ? Optional.empty() : Optional.of(target.host()))
                .ifPresent(name -> params.setServerNames(List.of(new SNIHostName(name))));
        tls.setSSLParameters(params);
        try {
            tls.startHandshake();
        } catch (IOException e) {
            tls.close();
            throw e;
        }
        return tls;
    }

    private static TrustManager[] trustManagers(TlsSettings settings, ModuleFiles files)
            throws GeneralSecurityException, IOException {
        if (settings.authmode() == AuthMode.NONE) {
            return new TrustManager[] {TRUST_ALL};
        }
        String name = settings.cacert()
                .orElseThrow(() -> new IOException(
                        "authmode " + settings.authmode().code() + " needs AT+HTTPSCFG=\"cacert\",<file>"));
        byte[] pem = files.get(name).orElseThrow(() -> new IOException("no CA file '" + name + "' in the module"));
        Collection<? extends Certificate> certs =
                CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
        if (certs.isEmpty()) {
            throw new IOException("CA file '" + name + "' holds no certificate");
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        int i = 0;
        for (Certificate cert : certs) {
            trust.setCertificateEntry("ca" + i++, cert);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return tmf.getTrustManagers();
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.toLowerCase(Locale.ROOT).matches("[0-9.]+");
    }

    /** authmode 0, "No authentication": any server certificate is accepted. */
    private static final X509TrustManager TRUST_ALL = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Not a server.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // authmode 0: no check.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };
}
