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
import java.net.SocketTimeoutException;
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

  ResponseDecoder(
      Converter<ResponseBody, CloudTranscoderTask> taskConverter,
      Converter<ResponseBody, ErrorResponse> errorConverter) {
    this.taskConverter = taskConverter;
    this.errorConverter = errorConverter;
  }

  /** Decodes {@code response} and closes it. */
  DestroyTaskResult decode(Response response, String sentRequestId, Redactor redactor) {
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
            e, ErrorDetails.of(status, null, null, requestId, resourceId), redactor);
      }
      String rawBody = redactor.redact(prefix(buffer));

      if (!closing.isSuccessful()) {
        String agoraMessage =
            truncated ? null : errorMessage(buffer.clone(), contentType, redactor);
        throw CloudTranscoderServiceException.forStatus(
            ErrorDetails.of(status, agoraMessage, rawBody, requestId, resourceId));
      }

      ErrorDetails details = ErrorDetails.of(status, null, rawBody, requestId, resourceId);
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
      return new DestroyTaskResult(TaskMapper.toTask(task), status, requestId, resourceId);
    }
  }

  /** The exception for a call that failed without a usable response. */
  static CloudTranscoderException transportFailure(
      IOException cause, ErrorDetails details, Redactor redactor) {
    IOException safe = redactor.redact(cause);
    boolean timedOut =
        cause instanceof SocketTimeoutException
            || (cause instanceof InterruptedIOException && "timeout".equals(cause.getMessage()));
    return timedOut
        ? new RequestTimeoutException(details, safe)
        : new TransportException(details, safe);
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
