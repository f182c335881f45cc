package io.atspec.cli;

import io.atspec.maven.OutputWriter;
import io.atspec.neoway.http.ContentType;
import io.atspec.neoway.http.HttpAction;
import io.atspec.neoway.http.HttpActionOutcome;
import io.atspec.neoway.http.HttpPara;
import io.atspec.neoway.http.HttpRecv;
import io.atspec.neoway.http.HttpSetup;
import io.atspec.neoway.http.HttpStatus;
import io.atspec.neoway.http.RecvMode;
import io.atspec.runtime.bind.Registration;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "http",
    mixinStandardHelpOptions = true,
    description = {
      "HTTP through the module: attach check (AT+CPIN?, AT+CREG?, AT+XIIC?, AT+XIIC=1 if the PPP link",
      "is down), AT+HTTPPARA url/port/recvmode 1, AT+HTTPSETUP, AT+HTTPACTION, then the data until",
      "+HTTPCLOSED. Status line and headers, then the body, go to stdout (or the body to -o FILE).",
      "Exit status 1 if the module or the link fails; the HTTP status itself does not change it."
    },
    subcommands = {
      HttpCommand.Get.class,
      HttpCommand.Head.class,
      HttpCommand.Post.class,
      HttpCommand.Download.class
    })
final class HttpCommand implements Runnable {

  @ParentCommand AtspecCommand root;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: get, head, post or download");
  }

  /** The url as the module wants it: host[:port]/path, and the port apart. */
  record Target(String moduleUrl, int port, String display) {
    static Target of(String url) {
      String withScheme = url.contains("://") ? url : "http://" + url;
      URI uri;
      try {
        uri = new URI(withScheme);
      } catch (URISyntaxException e) {
        throw new CliException("not a URL: " + url + " (" + e.getReason() + ")", 2, e);
      }
      if (uri.getScheme() == null || !uri.getScheme().equalsIgnoreCase("http")) {
        throw new CliException("only http:// URLs are supported (HTTPS through the module is not wired"
            + " into the CLI yet): " + url, 2, null);
      }
      if (uri.getHost() == null) {
        throw new CliException("the URL names no host: " + url, 2, null);
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      if (uri.getRawQuery() != null) {
        path += "?" + uri.getRawQuery();
      }
      int port = uri.getPort() < 0 ? 80 : uri.getPort();
      return new Target(uri.getHost() + path, port, withScheme);
    }
  }

  /** What get, head and post share. */
  abstract static class Request implements Callable<Integer> {
    @ParentCommand HttpCommand parent;

    @Mixin ModemOptions modem;

    @Parameters(index = "0", paramLabel = "<url>", description = "http://host[:port]/path")
    String url;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>", description = "Write the body to this file.")
    Path output;

    @Option(names = {"-b", "--body-only"}, description = "Print only the body (no status line, no headers).")
    boolean bodyOnly;

    abstract HttpAction action();

    boolean head() {
      return false;
    }

    @Override
    public Integer call() throws IOException {
      Io io = parent.root.io;
      Target target = Target.of(url);
      HttpAction action = action();
      try (ModemSession session = ModemSession.open(modem)) {
        session.attach(io.err(), modem.completionTimeout());
        HttpMessage response = exchange(session, target, action, head(), modem, io, -1);
        print(io, response);
      }
      return 0;
    }

    void print(Io io, HttpMessage response) throws IOException {
      PrintWriter out = io.out();
      if (!bodyOnly) {
        out.println(response.statusLine() + statusNote(response.status()));
        response.headers().forEach(out::println);
        out.println();
      }
      if (output != null) {
        writeAtomically(output, response.body());
        io.err().println("body: " + response.body().length + " bytes to " + output + " (sha-256 "
            + sha256(response.body()) + ")");
      } else {
        out.flush();
        io.rawOut().write(response.body());
        io.rawOut().flush();
      }
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "GET a URL (AT+HTTPACTION=0).")
  static final class Get extends Request {
    @Override
    HttpAction action() {
      return HttpAction.get();
    }
  }

  @Command(name = "head", mixinStandardHelpOptions = true, description = "HEAD a URL (AT+HTTPACTION=1).")
  static final class Head extends Request {
    @Override
    HttpAction action() {
      return HttpAction.head();
    }

    @Override
    boolean head() {
      return true;
    }
  }

  @Command(name = "post", mixinStandardHelpOptions = true,
      description = "POST a body (AT+HTTPACTION=2,<length>,<type>, the body after the '>' prompt; at most 2048 bytes).")
  static final class Post extends Request {
    @Option(names = {"-d", "--data"}, paramLabel = "<text>", description = "The body, as text (UTF-8).")
    String data;

    @Option(names = "--data-file", paramLabel = "<file>", description = "The body, from a file.")
    Path dataFile;

    @Option(names = {"-t", "--type"}, paramLabel = "<type>", defaultValue = "X_WWW_FORM_URLENCODED",
        description = "Content type: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ContentType type;

    @Override
    HttpAction action() {
      byte[] body;
      if (data != null && dataFile != null) {
        throw new CliException("give --data or --data-file, not both", 2, null);
      } else if (dataFile != null) {
        try {
          body = Files.readAllBytes(dataFile);
        } catch (IOException e) {
          throw new CliException("cannot read " + dataFile + ": " + e.getMessage(), e);
        }
      } else if (data != null) {
        body = data.getBytes(StandardCharsets.UTF_8);
      } else {
        throw new CliException("a POST needs a body: --data <text> or --data-file <file>", 2, null);
      }
      return HttpAction.post(body, type);
    }
  }

  @Command(name = "download", mixinStandardHelpOptions = true,
      description = {
        "Download a URL to a file in ranged GETs (AT+HTTPACTION=0,<offset>,<size>), re-running",
        "AT+HTTPSETUP before each piece as drivers do; the total comes from Content-Range."
      })
  static final class Download implements Callable<Integer> {
    @ParentCommand HttpCommand parent;

    @Mixin ModemOptions modem;

    @Parameters(index = "0", paramLabel = "<url>", description = "http://host[:port]/path")
    String url;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "<file>", description = "Where the file goes.")
    Path output;

    @Option(names = "--piece-size", paramLabel = "<bytes>", defaultValue = "65536",
        description = "Bytes per ranged GET (default: ${DEFAULT-VALUE}).")
    int pieceSize;

    @Override
    public Integer call() throws IOException {
      if (pieceSize < 1) {
        throw new CliException("--piece-size must be at least 1", 2, null);
      }
      Io io = parent.root.io;
      Target target = Target.of(url);
      java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
      long total = -1;
      int pieces = 0;
      try (ModemSession session = ModemSession.open(modem)) {
        session.attach(io.err(), modem.completionTimeout());
        while (total < 0 || file.size() < total) {
          int size = total < 0 ? pieceSize : (int) Math.min(pieceSize, total - file.size());
          HttpMessage piece = exchange(session, target, HttpAction.get(file.size(), size), false, modem, io, total);
          pieces++;
          if (piece.status() == 200) {
            // No range support: the whole file came at once.
            file.reset();
            file.writeBytes(piece.body());
            total = file.size();
            break;
          }
          if (piece.status() != 206) {
            throw new CliException("piece at offset " + file.size() + ": " + piece.statusLine());
          }
          if (piece.body().length == 0) {
            throw new CliException("piece at offset " + file.size() + " was empty (" + piece.statusLine() + ")");
          }
          file.writeBytes(piece.body());
          total = piece.rangeTotal().orElse(total < 0 && piece.body().length < size ? file.size() : total);
          if (total < 0) {
            throw new CliException("the server sent no Content-Range total; cannot tell when the file ends");
          }
          progress(io, file.size(), total);
        }
      }
      if (io.console()) {
        io.err().print("\r");
      }
      byte[] bytes = file.toByteArray();
      writeAtomically(output, bytes);
      io.out().println("downloaded " + bytes.length + " bytes in " + pieces + " piece" + (pieces == 1 ? "" : "s")
          + " to " + output + " (sha-256 " + sha256(bytes) + ")");
      return 0;
    }

    private static void progress(Io io, long done, long total) {
      if (io.console()) {
        io.err().print("\rdownloaded " + done + " of " + total + " bytes (" + (total == 0 ? 100 : done * 100 / total) + "%)");
        io.err().flush();
      }
    }
  }

  /**
   * HTTPPARA recvmode 1, url and port, HTTPSETUP, HTTPACTION; the data until +HTTPCLOSED, read
   * as an HTTP response.
   */
  static HttpMessage exchange(ModemSession session, Target target, HttpAction action, boolean head,
      ModemOptions modem, Io io, long expected) {
    session.http.httpPara(HttpPara.recvmode(RecvMode.LENGTH));
    session.http.httpPara(HttpPara.url(target.moduleUrl()));
    session.http.httpPara(HttpPara.port(target.port()));
    session.http.httpSetup(HttpSetup.exec());
    AtomicLong received = new AtomicLong();
    Registration progress = io.console() && expected < 0
        ? session.http.on(HttpRecv.class, r -> {
            long n = received.addAndGet(r.data().map(b -> b.length).orElse(0) + r.datas().map(b -> b.length).orElse(0));
            io.err().print("\rreceived " + n + " bytes");
            io.err().flush();
          })
        : () -> { };
    HttpActionOutcome outcome;
    try {
      outcome = session.http.httpAction(action, modem.completionTimeout());
    } finally {
      progress.close();
      if (io.console() && expected < 0) {
        io.err().print("\r");
        io.err().flush();
      }
    }
    byte[] raw = outcome.data();
    if (raw.length == 0) {
      throw new CliException("the module reported no data for " + target.display() + " (+HTTPCLOSED without +HTTPRECV)");
    }
    return HttpMessage.parse(raw, head);
  }

  static String statusNote(int status) {
    return HttpStatus.fromCode(Integer.toString(status))
        .map(s -> "   [HttpStatus." + s.name() + "]").orElse("");
  }

  static void writeAtomically(Path file, byte[] bytes) throws IOException {
    try {
      new OutputWriter().write(file, bytes);
    } catch (IOException e) {
      throw new CliException("cannot write " + file + ": " + e.getMessage(), e);
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
