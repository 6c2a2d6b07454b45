package dev.rtsc.transcoder;

import com.squareup.moshi.JsonDataException;
import dev.rtsc.transcoder.errors.CloudTranscoderException;
import dev.rtsc.transcoder.errors.CloudTranscoderServiceException;
import dev.rtsc.transcoder.errors.ErrorDetails;
import dev.rtsc.transcoder.errors.InvalidResponseException;
import dev.rtsc.transcoder.errors.RequestTimeoutException;
import dev.rtsc.transcoder.errors.TransportException;
import dev.rtsc.transcoder.generated.model.CloudTranscoderTask;
import dev.rtsc.transcoder.generated.model.ErrorResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import retrofit2.Converter;

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

  private final Converter<ResponseBody, CloudTranscoderTask> taskConverter;
  private final Converter<ResponseBody, ErrorResponse> errorConverter;
  private final Clock wallClock;

  ResponseDecoder(
      Converter<ResponseBody, CloudTranscoderTask> taskConverter,
      Converter<ResponseBody, ErrorResponse> errorConverter,
      Clock wallClock) {
    this.taskConverter = taskConverter;
    this.errorConverter = errorConverter;
    this.wallClock = wallClock;
  }

  /**
   * Decodes {@code response} and closes it. Exceptions carry {@code attempts}, the call's live
   * attempt log, which the caller completes before throwing.
   */
  DestroyTaskResult decode(
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
      MediaType contentType = body.contentType();

      Buffer buffer = new Buffer();
      boolean truncated;
      try {
        truncated = readAtMost(body.source(), buffer, MAX_BODY_BYTES);
      } catch (IOException e) {
        throw transportFailure(
            e,
            ErrorDetails.of(status, null, null, requestId, resourceId)
                .withHistory(attempts, earlierOutcomeUnknown),
            redactor);
      }
      String rawBody = redactor.redact(prefix(buffer));

      if (!closing.isSuccessful()) {
        String agoraMessage =
            truncated ? null : errorMessage(buffer.clone(), contentType, redactor);
        throw CloudTranscoderServiceException.forStatus(
            ErrorDetails.of(status, agoraMessage, rawBody, requestId, resourceId)
                .withHistory(attempts, earlierOutcomeUnknown)
                .withRetryAfter(retryAfter(closing.header("Retry-After"))));
      }

      ErrorDetails details =
          ErrorDetails.of(status, null, rawBody, requestId, resourceId)
              .withHistory(attempts, earlierOutcomeUnknown);
      if (truncated) {
        throw new InvalidResponseException(
            "body is larger than " + MAX_BODY_BYTES + " bytes", details, null);
      }
      if (buffer.size() == 0) {
        throw new InvalidResponseException("body is empty", details, null);
      }
      CloudTranscoderTask task;
      try {
        task = taskConverter.convert(ResponseBody.create(buffer, contentType, buffer.size()));
      } catch (JsonDataException | IOException e) {
        // The whole body is in memory, so an IOException here is a parse failure, not the network.
        throw new InvalidResponseException(
            "not a task (" + redactor.redact(String.valueOf(e.getMessage())) + ")", details, e);
      }
      if (task == null) {
        throw new InvalidResponseException("body is JSON null", details, null);
      }
      return new DestroyTaskResult(
          TaskMapper.toTask(task), status, requestId, resourceId, attempts);
    }
  }

  /** The exception for an attempt that failed without a usable response. */
  static CloudTranscoderException transportFailure(
      IOException cause, ErrorDetails details, Redactor redactor) {
    IOException safe = redactor.redact(cause);
    TransportException.Phase phase = phaseOf(cause, details.statusCode() > 0);
    boolean timedOut =
        cause instanceof SocketTimeoutException
            || (cause instanceof InterruptedIOException && "timeout".equals(cause.getMessage()));
    return timedOut
        ? new RequestTimeoutException(details, phase, safe)
        : new TransportException(details, phase, safe);
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
  private String errorMessage(Buffer body, MediaType contentType, Redactor redactor) {
    if (body.size() == 0) {
      return null;
    }
    try {
      ErrorResponse error =
          errorConverter.convert(ResponseBody.create(body, contentType, body.size()));
      return error == null ? null : redactor.redact(error.getMessage());
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

  private static String prefix(Buffer buffer) {
    if (buffer.size() == 0) {
      return null;
    }
    long bytes = Math.min(buffer.size(), ErrorDetails.MAX_RAW_BODY_CHARS * 4L);
    String text = buffer.snapshot((int) bytes).utf8();
    return text.length() > ErrorDetails.MAX_RAW_BODY_CHARS
        ? text.substring(0, ErrorDetails.MAX_RAW_BODY_CHARS)
        : text;
  }

  private static String headerOr(Response response, String name, String fallback) {
    String value = response.header(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
