package dev.rtsc.transcoder.errors;

import java.time.Duration;

/**
 * Agora answered with a status other than 2xx. The subclass tells which class of status it was;
 * {@link #forStatus} picks it.
 */
public abstract class CloudTranscoderServiceException extends CloudTranscoderException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  CloudTranscoderServiceException(ErrorDetails details) {
    super("HTTP " + details.statusCode(), details, null);
    this.retryAfter = details.retryAfter();
  }

  /**
   * How long the response's {@code Retry-After} header asked the caller to wait, or null when it
   * had none. The client's own retries honour it already.
   */
  public Duration retryAfter() {
    return retryAfter;
  }

  /**
   * The exception for a non-2xx response: 400, 401, 403, 404, 409 and 429 each have their own
   * class, every 5xx is a {@link ServerException}, and anything else an {@link
   * UnexpectedStatusException}.
   */
  public static CloudTranscoderServiceException forStatus(ErrorDetails details) {
    int status = details.statusCode();
    switch (status) {
      case 400:
        return new BadRequestException(details);
      case 401:
        return new AuthenticationException(details);
      case 403:
        return new PermissionDeniedException(details);
      case 404:
        return new TaskNotFoundException(details);
      case 409:
        return new ConflictException(details);
      case 429:
        return new RateLimitException(details);
      default:
        return status >= 500 && status <= 599
            ? new ServerException(details)
            : new UnexpectedStatusException(details);
    }
  }
}
