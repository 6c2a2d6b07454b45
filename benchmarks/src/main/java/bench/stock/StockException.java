package bench.stock;

/** The stock wrapper's one exception: status, Agora's message and the request id. */
public final class StockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;

  StockException(int statusCode, String agoraMessage, String requestId) {
    super("HTTP " + statusCode + ": " + agoraMessage + " (request-id: " + requestId + ")");
    this.statusCode = statusCode;
  }

  public int statusCode() {
    return statusCode;
  }
}
