package io.atspec.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** An HTTP/1.x response as the module hands it over: status line, headers, body (de-chunked). */
record HttpMessage(String statusLine, int status, List<String> headers, byte[] body) {

  static HttpMessage parse(byte[] raw, boolean head) {
    int end = indexOf(raw, new byte[] {'\r', '\n', '\r', '\n'});
    int bodyStart = end + 4;
    if (end < 0) {
      end = indexOf(raw, new byte[] {'\n', '\n'});
      bodyStart = end + 2;
    }
    if (end < 0) {
      end = raw.length;
      bodyStart = raw.length;
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r?\n");
    String statusLine = lines.length == 0 ? "" : lines[0];
    if (!statusLine.startsWith("HTTP/")) {
      throw new CliException("the module's data is not an HTTP response: '" + Errors.firstLine(statusLine) + "'");
    }
    String[] parts = statusLine.split(" ", 3);
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (RuntimeException e) {
      throw new CliException("cannot read the HTTP status line '" + statusLine + "'");
    }
    List<String> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      headers.add(lines[i]);
    }
    byte[] body = head ? new byte[0] : java.util.Arrays.copyOfRange(raw, Math.min(bodyStart, raw.length), raw.length);
    HttpMessage m = new HttpMessage(statusLine, status, headers, body);
    if (!head && m.header("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
      m = new HttpMessage(statusLine, status, headers, dechunk(body));
    } else if (!head) {
      OptionalLong length = m.contentLength();
      if (length.isPresent() && length.getAsLong() < body.length) {
        m = new HttpMessage(statusLine, status, headers, java.util.Arrays.copyOf(body, (int) length.getAsLong()));
      }
    }
    return m;
  }

  Optional<String> header(String name) {
    for (String h : headers) {
      int colon = h.indexOf(':');
      if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase(name)) {
        return Optional.of(h.substring(colon + 1).trim());
      }
    }
    return Optional.empty();
  }

  OptionalLong contentLength() {
    try {
      return header("Content-Length").map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The total of {@code Content-Range: bytes a-b/total}, if known. */
  OptionalLong rangeTotal() {
    Optional<String> range = header("Content-Range");
    if (range.isEmpty()) {
      return OptionalLong.empty();
    }
    String v = range.get();
    int slash = v.lastIndexOf('/');
    try {
      return slash < 0 || v.endsWith("*") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v.substring(slash + 1).trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pos = 0;
    while (pos < body.length) {
      int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, pos);
      if (lineEnd < 0) {
        break;
      }
      String sizeText = new String(body, pos, lineEnd - pos, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int size;
      try {
        size = Integer.parseInt(sizeText, 16);
      } catch (NumberFormatException e) {
        throw new CliException("malformed chunked body: chunk size '" + sizeText + "'");
      }
      if (size == 0) {
        break;
      }
      int start = lineEnd + 2;
      out.write(body, start, Math.min(size, body.length - start));
      pos = start + size + 2;
    }
    return out.toByteArray();
  }

  static int indexOf(byte[] data, byte[] needle) {
    return indexOf(data, needle, 0);
  }

  static int indexOf(byte[] data, byte[] needle, int from) {
    outer:
    for (int i = from; i <= data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
