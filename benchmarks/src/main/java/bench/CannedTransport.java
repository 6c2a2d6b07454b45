package bench;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The in-memory transport of the CPU scenario: the innermost application interceptor of each
 * client, answering every request with the same canned response instead of going to the network.
 * Everything before it (URL, headers, auth, the client's own interceptors) and after it (body
 * parsing, error mapping) is the client's own work, which is what the scenario measures.
 */
public final class CannedTransport implements Interceptor {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final int status;
  private final byte[] body;
  private volatile Request lastRequest;

  public CannedTransport(int status) {
    this.status = status;
    this.body = Fixture.body(status);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    lastRequest = request;
    return cannedFor(request);
  }

  /** The canned response to {@code request}. */
  public Response cannedFor(Request request) {
    String requestId = request.header("X-Request-ID");
    Response.Builder response =
        new Response.Builder()
            .request(request)
            .protocol(Protocol.HTTP_1_1)
            .code(status)
            .message(status == 200 ? "OK" : "Not Found")
            .header("Content-Type", "application/json; charset=utf-8")
            .header("X-Resource-ID", Fixture.RESOURCE_ID)
            .body(new CannedBody(body));
    if (requestId != null) {
      response.header("X-Request-ID", requestId);
    }
    return response.build();
  }

  /**
   * A fresh body per call, as a socket would give. Closing it discards what the client left unread
   * and returns those buffer segments to okio's pool, as OkHttp's HTTP/1 codec does on a real
   * connection; a plain {@code ResponseBody.create(buffer)} would drop them instead, and every
   * client would then allocate a new 8 KiB segment per call that a real call does not.
   */
  private static final class CannedBody extends ResponseBody {
    private final Buffer buffer;
    private final long length;

    CannedBody(byte[] body) {
      this.buffer = new Buffer().write(body);
      this.length = body.length;
    }

    @Override
    public MediaType contentType() {
      return JSON;
    }

    @Override
    public long contentLength() {
      return length;
    }

    @Override
    public BufferedSource source() {
      return buffer;
    }

    @Override
    public void close() {
      buffer.clear();
    }
  }

  /** The last request that reached the transport, as the client finally built it. */
  public Request lastRequest() {
    return lastRequest;
  }
}
