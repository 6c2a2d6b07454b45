package dev.rtsc.transcoder;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.rtsc.transcoder.errors.ErrorDetails;
import dev.rtsc.transcoder.errors.TransportException;
import dev.rtsc.transcoder.generated.model.CloudTranscoderTask;
import dev.rtsc.transcoder.generated.model.ErrorResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Turns an OkHttp response into a result or one of the documented exceptions.
 *
 * <p>The body is read into memory first, up to a limit. That keeps two failures apart that would
 * otherwise both surface as {@link IOException}: the network dropping mid-body (a transport
 * failure, the task may not be destroyed) and a body that arrived whole but is not a task (an
 * invalid response, the task most likely is destroyed). The limit keeps a misbehaving proxy from
 * filling the heap.
 */
final class ResponseDecoder {
  /** Far above any task body Agora sends (the Create config echoed back is a few KiB). */
  static final long MAX_BODY_BYTES = 1024 * 1024;

  /** Enough bytes for {@link ErrorDetails#MAX_RAW_BODY_CHARS} characters of UTF-8. */
  private static final int RAW_BODY_PREFIX_BYTES = ErrorDetails.MAX_RAW_BODY_CHARS * 4;

  private static final ByteString UTF8_BOM = ByteString.decodeHex("efbbbf");

  private final JsonAdapter<CloudTranscoderTask> taskAdapter;
  private final JsonAdapter<ErrorResponse> errorAdapter;
  private final Clock wallClock;

  ResponseDecoder(
      JsonAdapter<CloudTranscoderTask> taskAdapter,
      JsonAdapter<ErrorResponse> errorAdapter,
      Clock wallClock) {
    this.taskAdapter = taskAdapter;
    this.errorAdapter = errorAdapter;
    this.wallClock = wallClock;
  }

  /**
   * Decodes {@code response} and closes it. A failure's details carry {@code attempts}, the call's
   * live attempt log, which the caller completes before the exception is made.
   */
  Outcome decode(
      Response response,
      String sentRequestId,
      Redactor redactor,
      List<Attempt> attempts,
      boolean earlierOutcomeUnknown) {
    try (Response closing = response) {
      int status = closing.code();
      String requestId = headerOr(closing, "X-Request-ID", sentRequestId);
      String resourceId = headerOr(closing, "X-Resource-ID", null);
      ResponseBody body = closing.body();

      Buffer buffer = new Buffer();
      boolean truncated;
      try {
        truncated = readAtMost(body.source(), buffer, MAX_BODY_BYTES);
      } catch (IOException e) {
        return Outcome.of(
            transportFailure(
                e,
                ErrorDetails.of(status, null, null, requestId, resourceId)
                    .withHistory(attempts, earlierOutcomeUnknown),
                redactor));
      }
      // Copy the body out into one array for the parse and, only if something fails, the raw-body
      // copy. Reading returns okio's segments to its pool; a snapshot or clone would share them,
      // okio never recycles a shared segment, and every call then allocated a fresh 8 KiB segment
      // for the next response (BENCHMARKS.md).
      byte[] bytes = truncated ? prefixOf(buffer) : buffer.readByteArray();
      buffer.clear();

      if (!closing.isSuccessful()) {
        String agoraMessage = truncated ? null : errorMessage(bytes, redactor);
        ErrorDetails details =
            ErrorDetails.of(status, agoraMessage, rawBody(bytes, redactor), requestId, resourceId)
                .withHistory(attempts, earlierOutcomeUnknown);
        Duration wait = retryAfter(closing.header("Retry-After"));
        return Outcome.of(Failure.status(wait == null ? details : details.withRetryAfter(wait)));
      }

      // A 2xx whose body is not a task: the details, and the redacted raw-body copy in them, are
      // only made then; a successful call never needs them.
      String notATask = null;
      Exception cause = null;
      CloudTranscoderTask task = null;
      if (truncated) {
        notATask = "body is larger than " + MAX_BODY_BYTES + " bytes";
      } else if (bytes.length == 0) {
        notATask = "body is empty";
      } else {
        try {
          task = parse(taskAdapter, bytes, buffer);
          if (task == null) {
            notATask = "body is JSON null";
          }
        } catch (JsonDataException | IOException e) {
          // The whole body is in memory, so an IOException here is a parse failure, not the
          // network.
          notATask = "not a task (" + redactor.redact(String.valueOf(e.getMessage())) + ")";
          cause = e;
        } finally {
          buffer.clear();
        }
      }
      if (notATask != null) {
        ErrorDetails details =
            ErrorDetails.of(status, null, rawBody(bytes, redactor), requestId, resourceId)
                .withHistory(attempts, earlierOutcomeUnknown);
        return Outcome.of(Failure.invalid(notATask, details, cause));
      }
      return Outcome.of(
          new DestroyTaskResult(TaskMapper.toTask(task), status, requestId, resourceId, attempts));
    }
  }

  /** The failure of an attempt that got no usable response. */
  static Failure transportFailure(IOException cause, ErrorDetails details, Redactor redactor) {
    IOException safe = redactor.redact(cause);
    TransportException.Phase phase = phaseOf(cause, details.statusCode() > 0);
    boolean timedOut =
        cause instanceof SocketTimeoutException
            || (cause instanceof InterruptedIOException && "timeout".equals(cause.getMessage()));
    return Failure.transport(details, phase, safe, timedOut);
  }

  private static TransportException.Phase phaseOf(IOException cause, boolean gotStatus) {
    if (gotStatus) {
      return TransportException.Phase.EXCHANGE;
    }
    if (cause instanceof UnknownHostException) {
      return TransportException.Phase.DNS;
    }
    if (cause instanceof ConnectException
        || cause instanceof NoRouteToHostException
        || cause instanceof SSLHandshakeException
        || (cause instanceof SocketTimeoutException
            && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("connect"))) {
      return TransportException.Phase.CONNECT;
    }
    // Anything later (reset, read timeout, call timeout) may follow a request Agora received.
    return TransportException.Phase.EXCHANGE;
  }

  /** Agora's {@code message}, decoded with the same Moshi setup as tasks; null if not JSON. */
  private String errorMessage(byte[] body, Redactor redactor) {
    if (body.length == 0) {
      return null;
    }
    try {
      Buffer buffer = new Buffer();
      try {
        ErrorResponse error = parse(errorAdapter, body, buffer);
        return error == null ? null : redactor.redact(error.getMessage());
      } finally {
        buffer.clear();
      }
    } catch (JsonDataException | IOException notJson) {
      // An HTML page from a proxy or a plain-text gateway error: the status still classifies it.
      return null;
    }
  }

  /** Reads up to {@code limit} bytes; returns true if the body was longer. */
  private static boolean readAtMost(BufferedSource source, Buffer sink, long limit)
      throws IOException {
    while (sink.size() <= limit) {
      if (source.read(sink, 8192) == -1) {
        return false;
      }
    }
    return true;
  }

  /**
   * The wait a {@code Retry-After} value asks for: delay-seconds or an HTTP date. Null when absent
   * or unreadable; a date in the past means no wait.
   */
  Duration retryAfter(String value) {
    if (value == null || value.trim().isEmpty()) {
      return null;
    }
    String trimmed = value.trim();
    if (trimmed.matches("\\d{1,10}")) {
      return Duration.ofSeconds(Long.parseLong(trimmed));
    }
    try {
      Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(wallClock.instant(), at);
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  /**
   * Reads one JSON document from {@code bytes} as Retrofit's Moshi converter does: a UTF-8 byte
   * order mark is skipped and anything after the document but whitespace is an error. The bytes go
   * through {@code buffer}, which the caller clears afterwards: the reader stops at the end of the
   * document and leaves trailing whitespace there, which would keep its segment from okio's pool.
   */
  private static <T> T parse(JsonAdapter<T> adapter, byte[] bytes, Buffer buffer)
      throws IOException {
    buffer.write(bytes);
    if (buffer.rangeEquals(0, UTF8_BOM)) {
      buffer.skip(UTF8_BOM.size());
    }
    JsonReader reader = JsonReader.of(buffer);
    T result = adapter.fromJson(reader);
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new JsonDataException("JSON document was not fully consumed.");
    }
    return result;
  }

  private static byte[] prefixOf(Buffer buffer) {
    try {
      return buffer.readByteArray(Math.min(buffer.size(), RAW_BODY_PREFIX_BYTES));
    } catch (EOFException impossible) {
      throw new AssertionError(impossible);
    }
  }

  /** The start of the body as text, redacted, at most {@link ErrorDetails#MAX_RAW_BODY_CHARS}. */
  private static String rawBody(byte[] bytes, Redactor redactor) {
    if (bytes.length == 0) {
      return null;
    }
    // Decoded like okio's ByteString.utf8(), which is this constructor on the JVM.
    String text =
        new String(bytes, 0, Math.min(bytes.length, RAW_BODY_PREFIX_BYTES), StandardCharsets.UTF_8);
    // Redact before truncating: a secret cut in half at the limit would no longer match.
    String redacted = redactor.redact(text);
    return redacted.length() > ErrorDetails.MAX_RAW_BODY_CHARS
        ? redacted.substring(0, ErrorDetails.MAX_RAW_BODY_CHARS)
        : redacted;
  }

  private static String headerOr(Response response, String name, String fallback) {
    String value = response.header(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
