package dev.rtsc.transcoder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * Where calls go, and where they fail over to. Follows Agora's availability guidance: retry on the
 * primary domain, then on the other global domain, then on regional domains; a network error (other
 * than a failed DNS lookup) skips straight to the regional step, since another global domain likely
 * shares the broken path.
 *
 * <p>Only HTTPS is accepted, except for loopback addresses (tests and local fakes): over plain HTTP
 * the credentials and builder token would travel in clear.
 */
public final class Endpoints {
  private static final Endpoints GLOBAL =
      failover(CloudTranscoderClient.DEFAULT_BASE_URL, "https://api.agora.io/");

  /** Base URLs per attempt step: primary, primary again, secondary, then the regional ones. */
  private final List<HttpUrl> steps;

  /** Each step's host, with the port when not the scheme's default, as attempts record it. */
  private final List<String> hosts;

  private final int regionalStart;

  private Endpoints(List<HttpUrl> steps, int regionalStart) {
    this.steps = Collections.unmodifiableList(steps);
    List<String> hosts = new ArrayList<>();
    for (HttpUrl url : steps) {
      hosts.add(
          url.port() == HttpUrl.defaultPort(url.scheme())
              ? url.host()
              : url.host() + ":" + url.port());
    }
    this.hosts = Collections.unmodifiableList(hosts);
    this.regionalStart = regionalStart;
  }

  /**
   * The default: {@code api.sd-rtn.com}, then {@code api.agora.io}. No regional step, since the
   * right region depends on where the caller runs; use {@link #region} to add one.
   */
  public static Endpoints global() {
    return GLOBAL;
  }

  /** The global domains followed by the regional domains of {@code region}. */
  public static Endpoints region(Region region) {
    if (region == null) {
      throw new IllegalArgumentException("region == null");
    }
    return region.endpoints();
  }

  /**
   * Every attempt goes to {@code baseUrl}; no failover. For a proxy (a path prefix is kept), one
   * regional domain, or a local fake server.
   *
   * @throws IllegalArgumentException if the URL is invalid, or plain http to a non-loopback host
   */
  public static Endpoints fixed(String baseUrl) {
    List<HttpUrl> steps = new ArrayList<>();
    steps.add(parse(baseUrl, "baseUrl"));
    return new Endpoints(steps, 1);
  }

  /**
   * A custom failover chain: attempts 1 and 2 go to {@code primary}, attempt 3 to {@code
   * secondary}, later ones to each of {@code regional} in turn (staying on the last).
   */
  public static Endpoints failover(String primary, String secondary, String... regional) {
    List<HttpUrl> steps = new ArrayList<>();
    HttpUrl first = parse(primary, "primary");
    steps.add(first);
    steps.add(first);
    steps.add(parse(secondary, "secondary"));
    for (String url : regional) {
      steps.add(parse(url, "regional"));
    }
    return new Endpoints(steps, 3);
  }

  /** The base URL of the first attempt. */
  public String primary() {
    return steps.get(0).toString();
  }

  /** Whether calls can fail over to another base URL. */
  public boolean failsOver() {
    return steps.size() > 1;
  }

  HttpUrl base(int step) {
    return steps.get(step);
  }

  /** The host of {@code step}'s base URL, with the port when not the scheme's default. */
  String host(int step) {
    return hosts.get(step);
  }

  /**
   * The step after a failed attempt at {@code step}. A network error jumps to the first regional
   * domain when one is configured and not yet reached.
   */
  int next(int step, boolean networkError) {
    if (networkError && step < regionalStart && regionalStart < steps.size()) {
      return regionalStart;
    }
    return Math.min(step + 1, steps.size() - 1);
  }

  @Override
  public String toString() {
    List<String> distinct = new ArrayList<>();
    for (HttpUrl url : steps) {
      if (!distinct.contains(url.toString())) {
        distinct.add(url.toString());
      }
    }
    return "Endpoints" + distinct;
  }

  static HttpUrl parse(String baseUrl, String name) {
    if (baseUrl == null) {
      throw new IllegalArgumentException(name + " == null");
    }
    HttpUrl parsed = HttpUrl.parse(baseUrl);
    if (parsed == null) {
      throw new IllegalArgumentException(name + " is not an http or https URL: " + baseUrl);
    }
    if (parsed.query() != null || parsed.fragment() != null) {
      throw new IllegalArgumentException(name + " must not have a query or fragment: " + baseUrl);
    }
    if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
      throw new IllegalArgumentException(name + " must not carry user info; use credentials()");
    }
    if (!parsed.isHttps() && !isLoopback(parsed.host())) {
      throw new IllegalArgumentException(
          name
              + " must use https: credentials and the builder token would cross the network in"
              + " clear to "
              + parsed.host()
              + " (plain http is allowed only to loopback addresses)");
    }
    String path = parsed.encodedPath();
    // Retrofit resolves the operation path against the base URL, which must end in '/'.
    return path.endsWith("/") ? parsed : parsed.newBuilder().encodedPath(path + "/").build();
  }

  private static boolean isLoopback(String host) {
    // Decided on the name alone: resolving it would let DNS turn "loopback" into anything.
    return host.equals("localhost")
        || host.endsWith(".localhost")
        || host.equals("::1")
        || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }
}
