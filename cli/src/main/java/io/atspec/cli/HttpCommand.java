package io.atspec.cli;

import io.atspec.maven.OutputWriter;
import io.atspec.neoway.http.AuthMode;
import io.atspec.neoway.http.ContentType;
import io.atspec.neoway.http.HttpRecv;
import io.atspec.neoway.http.HttpStatus;
import io.atspec.neoway.http.HttpsRecv;
import io.atspec.neoway.http.SslVersion;
import io.atspec.neoway.http.client.HttpResult;
import io.atspec.neoway.http.client.HttpsOptions;
import io.atspec.neoway.http.client.NeowayHttpClient;
import io.atspec.neoway.http.client.NeowayHttpException;
import io.atspec.runtime.bind.Registration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "http",
        mixinStandardHelpOptions = true,
        description = {
            "Sends HTTP and HTTPS requests through the module.",
            "",
            "The spec's NeowayHttpClient does the work: AT+CPIN? and AT+CREG? first, then per request"
                    + " the data link check (AT+XIIC?, AT+XIIC=1 if down), AT+HTTP(S)PARA url, port and"
                    + " recvmode 1, AT+HTTP(S)SETUP, AT+HTTP(S)ACTION, and the data until the link closes."
                    + " An https:// URL configures the module's TLS first (AT+HTTPSCFG; see --ca, --ca-name"
                    + " and --authmode).",
            "",
            "The status line and headers, then the body, go to stdout (or the body to -o FILE); the"
                    + " module's progress and failures go to stderr. Exit status 1 if the module or the link"
                    + " fails; the HTTP status itself does not change it."
        },
        subcommands = {HttpCommand.Get.class, HttpCommand.Head.class, HttpCommand.Post.class, HttpCommand.Download.class
        })
final class HttpCommand implements Runnable {

    @ParentCommand
    AtspecCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: get, head, post or download");
    }

    /** The TLS settings for https:// URLs (AT+HTTPSCFG). */
    static final class TlsOptions {
        @Option(
                names = "--ca",
                paramLabel = "<pem file>",
                description = "https: a PEM CA certificate on this machine that must vouch for the server"
                        + " (implies --authmode 1). Only with --sim: it is put into the simulated module's file system"
                        + " as --ca-name. A real module reads the CA from its own file system: put it there first and"
                        + " give --authmode 1 [--ca-name <name>] without --ca.")
        Path ca;

        @Option(
                names = "--ca-name",
                paramLabel = "<name>",
                defaultValue = "ca.pem",
                description = "https: the CA file's name in the module's file system (default: ${DEFAULT-VALUE}),"
                        + " which AT+HTTPSCFG sets as cacert. On a real module the CA must already be in its file system"
                        + " under this name; this tool does not upload it.")
        String caName;

        @Option(
                names = "--authmode",
                paramLabel = "0|1",
                description = "https: 0 accept any server certificate, 1 check the server against the CA file"
                        + " (default: 1 with --ca, else 0).")
        Integer authmode;

        @Option(
                names = "--tls-version",
                paramLabel = "<version>",
                description = "https: AT+HTTPSCFG=\"sslversion\": ${COMPLETION-CANDIDATES} (default: the module's).")
        SslVersion tlsVersion;

        /** The --ca file, read before the module is opened. */
        private byte[] caPem;

        boolean given() {
            return ca != null || authmode != null || tlsVersion != null;
        }

        /** Checks the options, and reads the --ca file, before the module is opened. */
        void validate(boolean https, boolean sim) {
            if (!https && given()) {
                throw new CliException("--ca, --authmode and --tls-version are for https:// URLs", 2, null);
            }
            if (authmode != null && authmode != 0 && authmode != 1) {
                throw new CliException(
                        "--authmode must be 0 or 1 (client certificates, 2, are not supported)", 2, null);
            }
            if (ca != null && !sim) {
                throw new CliException(
                        "--ca works only with --sim; on a real module put the CA into its file system"
                                + " and give --authmode 1 --ca-name <name>",
                        2,
                        null);
            }
            if (ca != null && authmode != null && authmode == 0) {
                throw new CliException("--ca with --authmode 0: the CA would not be used", 2, null);
            }
            if (ca != null) {
                try {
                    caPem = Files.readAllBytes(ca);
                } catch (IOException e) {
                    throw new CliException("cannot read the CA file " + ca + ": " + Errors.ioReason(e), e);
                }
            }
        }

        HttpsOptions options() {
            int mode = authmode != null ? authmode : ca != null ? 1 : 0;
            return new HttpsOptions(
                    Optional.ofNullable(tlsVersion),
                    mode == 1 ? AuthMode.SERVER : AuthMode.NONE,
                    mode == 1 ? Optional.of(caName) : Optional.empty());
        }

        /** --ca into the simulated module's file system, then AT+HTTPSCFG through the client. */
        void configure(ModemSession session, NeowayHttpClient client, PrintWriter log) {
            if (caPem != null) {
                session.simulator().orElseThrow().files().put(caName, caPem);
                log.println("ca: " + ca + " -> module file " + caName + " (" + caPem.length + " bytes)");
            }
            HttpsOptions options = options();
            client.https(options);
            log.println("tls: authmode " + options.authMode().code()
                    + options.caFile()
                            .map(f -> ", server checked against module file " + f)
                            .orElse(", no server check")
                    + options.sslVersion().map(v -> ", " + v.name()).orElse(""));
        }
    }

    /** What every subcommand shares: the module, the URL, TLS; the client does the sequencing. */
    abstract static class Exchange implements Callable<Integer> {
        @ParentCommand
        HttpCommand parent;

        @Mixin
        ModemOptions modem;

        @Mixin
        TlsOptions tls;

        @Parameters(
                index = "0",
                paramLabel = "<url>",
                converter = HttpUrl.Checked.class,
                description = "The URL: http://host[:port]/path, or https:// with the same parts.")
        String url;

        /** Checks what needs no module (exit 2 on a usage error). */
        void validate() {}

        abstract void perform(Io io, ModemSession session, NeowayHttpClient client) throws IOException;

        @Override
        public Integer call() throws IOException {
            Io io = parent.root.io;
            boolean https = isHttps(url);
            tls.validate(https, modem.link.sim);
            validate();
            try (ModemSession session = ModemSession.open(modem)) {
                session.checkModule(io.err());
                NeowayHttpClient client = new NeowayHttpClient(session.http, session.net)
                        .attachTimeout(modem.completionTimeout())
                        .completionTimeout(modem.completionTimeout());
                if (https) {
                    tls.configure(session, client, io.err());
                }
                perform(io, session, client);
            } catch (NeowayHttpException e) {
                throw new CliException(Errors.oneLine(e), e);
            }
            return 0;
        }
    }

    /** What get, head and post share: one response, printed. */
    abstract static class Request extends Exchange {
        @Option(
                names = {"-o", "--output"},
                paramLabel = "<file>",
                description = "Write the body to this file.")
        Path output;

        @Option(
                names = {"-b", "--body-only"},
                description = "Print only the body (no status line, no headers).")
        boolean bodyOnly;

        abstract HttpResult send(NeowayHttpClient client);

        @Override
        void perform(Io io, ModemSession session, NeowayHttpClient client) throws IOException {
            HttpResult response;
            try (Registration progress = receivedProgress(io, session)) {
                response = send(client);
            } finally {
                endProgress(io);
            }
            print(io, response);
        }

        void print(Io io, HttpResult response) throws IOException {
            PrintWriter out = io.out();
            byte[] body = response.body();
            if (!bodyOnly) {
                out.println(statusLine(response));
                response.headers().fields().forEach(f -> out.println(f.getKey() + ": " + f.getValue()));
                out.println();
            }
            if (output != null) {
                writeAtomically(output, body);
                io.err().println("body: " + body.length + " bytes to " + output + " (sha-256 " + sha256(body) + ")");
            } else {
                out.flush();
                io.rawOut().write(body);
                io.rawOut().flush();
            }
        }
    }

    @Command(
            name = "get",
            mixinStandardHelpOptions = true,
            description = "Sends a GET request (AT+HTTP(S)ACTION=0) and prints the response.")
    static final class Get extends Request {
        @Override
        HttpResult send(NeowayHttpClient client) {
            return client.get(url);
        }
    }

    @Command(
            name = "head",
            mixinStandardHelpOptions = true,
            description = "Sends a HEAD request (AT+HTTP(S)ACTION=1) and prints the response.")
    static final class Head extends Request {
        @Override
        HttpResult send(NeowayHttpClient client) {
            return client.head(url);
        }
    }

    @Command(
            name = "post",
            mixinStandardHelpOptions = true,
            description = {
                "Sends a POST request with a body of 1 to 2048 bytes and prints the response.",
                "",
                "The request is AT+HTTP(S)ACTION=2,<length>,<type>, with the body sent after the '>' prompt."
            })
    static final class Post extends Request {
        @Option(
                names = {"-d", "--data"},
                paramLabel = "<text>",
                description = "The body, as text (UTF-8).")
        String data;

        @Option(names = "--data-file", paramLabel = "<file>", description = "The body, from a file.")
        Path dataFile;

        @Option(
                names = {"-t", "--type"},
                paramLabel = "<type>",
                defaultValue = "X_WWW_FORM_URLENCODED",
                description = "Content type: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        ContentType type;

        private byte[] body;

        @Override
        void validate() {
            if (data != null && dataFile != null) {
                throw new CliException("give --data or --data-file, not both", 2, null);
            } else if (dataFile != null) {
                try {
                    body = Files.readAllBytes(dataFile);
                } catch (IOException e) {
                    throw new CliException("cannot read " + dataFile + ": " + Errors.ioReason(e), e);
                }
            } else if (data != null) {
                body = data.getBytes(StandardCharsets.UTF_8);
            } else {
                throw new CliException("a POST needs a body: --data <text> or --data-file <file>", 2, null);
            }
            if (body.length < 1 || body.length > 2048) {
                throw new CliException("the module POSTs 1 to 2048 bytes; the body has " + body.length, 2, null);
            }
        }

        @Override
        HttpResult send(NeowayHttpClient client) {
            return client.post(url, body, type);
        }
    }

    @Command(
            name = "download",
            mixinStandardHelpOptions = true,
            description = {
                "Downloads a URL to a file in ranged GET requests.",
                "",
                "Each piece is one AT+HTTP(S)ACTION=0,<offset>,<size>; as drivers do, every piece has its"
                        + " own AT+HTTP(S)SETUP. The total size comes from the Content-Range of the first response."
            })
    static final class Download extends Exchange {
        @Option(
                names = {"-o", "--output"},
                required = true,
                paramLabel = "<file>",
                description = "Where the file goes.")
        Path output;

        @Option(
                names = "--piece-size",
                paramLabel = "<bytes>",
                defaultValue = "65536",
                description = "Bytes per ranged GET (default: ${DEFAULT-VALUE}).")
        int pieceSize;

        @Override
        void validate() {
            if (pieceSize < 1) {
                throw new CliException("--piece-size must be at least 1", 2, null);
            }
        }

        @Override
        void perform(Io io, ModemSession session, NeowayHttpClient client) throws IOException {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            Pieces pieces = new Pieces(file, io);
            try {
                client.download(url, pieces, pieceSize);
            } finally {
                endProgress(io);
            }
            byte[] bytes = file.toByteArray();
            writeAtomically(output, bytes);
            io.out()
                    .println("downloaded " + bytes.length + " bytes in " + pieces.count + " piece"
                            + (pieces.count == 1 ? "" : "s") + " to " + output + " (sha-256 " + sha256(bytes) + ")");
        }

        /** Counts the pieces the client writes (one write per response) and shows the progress. */
        private static final class Pieces extends OutputStream {
            private final OutputStream out;
            private final Io io;
            int count;
            long bytes;

            Pieces(OutputStream out, Io io) {
                this.out = out;
                this.io = io;
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                count++;
                bytes += len;
                if (io.console()) {
                    io.err().print("\rdownloaded " + bytes + " bytes in " + count + " piece" + (count == 1 ? "" : "s"));
                    io.err().flush();
                }
            }
        }
    }

    /** On a terminal: "received N bytes" while +HTTP(S)RECV data arrives. */
    static Registration receivedProgress(Io io, ModemSession session) {
        if (!io.console()) {
            return () -> {};
        }
        AtomicLong received = new AtomicLong();
        return session.http.listen(urc -> {
            long n;
            if (urc instanceof HttpRecv.Framed r) {
                n = r.length();
            } else if (urc instanceof HttpRecv.Raw r) {
                n = r.datas().length;
            } else if (urc instanceof HttpsRecv.Framed r) {
                n = r.length();
            } else if (urc instanceof HttpsRecv.Raw r) {
                n = r.datas().length;
            } else {
                return;
            }
            io.err().print("\rreceived " + received.addAndGet(n) + " bytes");
            io.err().flush();
        });
    }

    static void endProgress(Io io) {
        if (io.console()) {
            io.err().print("\r");
            io.err().flush();
        }
    }

    /** Whether the URL is https; the parameter's converter has checked it already. */
    static boolean isHttps(String url) {
        return HttpUrl.parse(url).https();
    }

    /** {@code HTTP 200 OK   [HttpStatus.OK]} (the client keeps no protocol version). */
    static String statusLine(HttpResult r) {
        return "HTTP " + r.status() + (r.reason().isEmpty() ? "" : " " + r.reason()) + statusNote(r.status());
    }

    static String statusNote(int status) {
        return HttpStatus.fromCode(Integer.toString(status))
                .map(s -> "   [HttpStatus." + s.name() + "]")
                .orElse("");
    }

    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        try {
            new OutputWriter().write(file, bytes);
        } catch (IOException e) {
            throw new CliException("cannot write " + file + ": " + Errors.ioReason(e), e);
        }
    }

    static String sha256(byte[] bytes) {
        return digest("SHA-256", bytes);
    }

    static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is in every JDK", e);
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
