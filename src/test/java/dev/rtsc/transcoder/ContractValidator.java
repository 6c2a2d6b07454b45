package dev.rtsc.transcoder;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.Buffer;

/**
 * Checks HTTP requests and responses against {@code openapi/cloud-transcoder.yaml} with Atlassian's
 * swagger-request-validator, and describes every violation in one readable line.
 *
 * <p>Every {@link TestServers#startLoopback()} server checks its traffic with this (see {@link
 * ContractDispatcher}); a fake Agora server can use it the same way to prove that every response it
 * serves follows the contract:
 *
 * <pre>{@code
 * List<String> problems = ContractValidator.ourSpec().checkResponse("DELETE", path, 200, headers, body);
 * assertEquals(List.of(), problems);
 * }</pre>
 */
public final class ContractValidator {
  private static final Map<String, ContractValidator> OURS = new ConcurrentHashMap<>();

  private final OpenApiInteractionValidator validator;

  private ContractValidator(OpenApiInteractionValidator validator) {
    this.validator = validator;
  }

  /** A validator for our spec, for servers whose base URL has no path. Cached: parsing is slow. */
  public static ContractValidator ourSpec() {
    return ourSpec("");
  }

  /**
   * A validator for our spec, for a server reached through a base URL with a path such as {@code
   * /agora-proxy}: requests to {@code /agora-proxy/v1/...} are checked as {@code /v1/...}.
   */
  public static ContractValidator ourSpec(String basePath) {
    return OURS.computeIfAbsent(basePath, p -> forSpec(SpecExamples.OUR_SPEC, p));
  }

  /** A validator for any OpenAPI file, such as a fixture with a deliberate mistake. */
  public static ContractValidator forSpec(Path spec, String basePath) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    OpenAPI api = new OpenAPIV3Parser().read(spec.toString(), null, options);
    if (api == null) {
      throw new IllegalStateException("could not parse " + spec);
    }
    // The validator checks credentials only for operations that name a security requirement
    // themselves, so hand it the document-wide requirement on each operation that inherits it.
    api.getPaths()
        .values()
        .forEach(
            item ->
                item.readOperations().stream()
                    .filter(operation -> operation.getSecurity() == null)
                    .forEach(operation -> operation.setSecurity(api.getSecurity())));
    OpenApiInteractionValidator.Builder builder =
        OpenApiInteractionValidator.createFor(api)
            .withLevelResolver(
                LevelResolver.create()
                    // The client must not send query parameters that the spec does not define:
                    // builderToken is a credential, and anything else is a typo or a leak.
                    .withLevel(
                        "validation.request.parameter.query.unexpected",
                        ValidationReport.Level.ERROR)
                    .build());
    if (!basePath.isEmpty()) {
      builder.withBasePathOverride(basePath);
    }
    return new ContractValidator(builder.build());
  }

  /** The violations of a request that a mock server received; empty when it follows the spec. */
  public List<String> checkRequest(RecordedRequest request) {
    return checkRequest(
        request.getMethod(),
        request.getUrl(),
        request.getHeaders(),
        request.getBody() == null ? "" : request.getBody().utf8());
  }

  /** The violations of a request; empty when it follows the spec. */
  public List<String> checkRequest(String method, HttpUrl url, Headers headers, String body) {
    SimpleRequest.Builder builder = new SimpleRequest.Builder(method, url.encodedPath());
    for (String name : url.queryParameterNames()) {
      builder.withQueryParam(name, url.queryParameterValues(name));
    }
    for (String name : headers.names()) {
      builder.withHeader(name, headers.values(name));
    }
    if (!body.isEmpty()) {
      builder.withBody(body);
    }
    ValidationReport report = validator.validateRequest(builder.build());
    return describe(method + " " + url.encodedPath(), "request", report);
  }

  /** The violations of a canned response served for {@code method path}; empty when none. */
  public List<String> checkResponse(String method, String path, MockResponse response) {
    return checkResponse(method, path, response.getCode(), response.getHeaders(), body(response));
  }

  /** The violations of a response to {@code method path}; empty when it follows the spec. */
  public List<String> checkResponse(
      String method, String path, int status, Headers headers, String body) {
    SimpleResponse.Builder builder = SimpleResponse.Builder.status(status);
    for (String name : headers.names()) {
      builder.withHeader(name, headers.values(name));
    }
    if (!body.isEmpty()) {
      builder.withBody(body);
    }
    ValidationReport report =
        validator.validateResponse(
            path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), builder.build());
    return describe(method + " " + path + " -> " + status, "response", report);
  }

  private static List<String> describe(String exchange, String what, ValidationReport report) {
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(
            m ->
                exchange
                    + ": "
                    + what
                    + " breaks the contract: "
                    + m.getMessage()
                    + " ["
                    + m.getKey()
                    + "]")
        .collect(Collectors.toList());
  }

  private static String body(MockResponse response) {
    MockResponseBody body = response.getBody();
    if (body == null) {
      return "";
    }
    Buffer buffer = new Buffer();
    try {
      body.writeTo(buffer); // Buffer-backed bodies copy; the response can still be served.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }
}
