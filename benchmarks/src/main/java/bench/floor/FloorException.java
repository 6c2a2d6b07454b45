package bench.floor;

/** The floor's one exception: status, Agora's message and the request id. */
public final class FloorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;

  FloorException(int statusCode, String agoraMessage, String requestId) {
    super("HTTP " + statusCode + ": " + agoraMessage + " (request-id: " + requestId + ")");
    this.statusCode = statusCode;
  }

  public int statusCode() {
    return statusCode;
  }
}
