package dev.rtsc.transcoder;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The response examples of the destroy operation in an OpenAPI file, as JSON strings. */
final class SpecExamples {
  static final Path OUR_SPEC = Path.of("openapi/cloud-transcoder.yaml");
  static final Path AGORA_SPEC = Path.of("../shared/reference/agora-cloud-transcoding.en.yaml");
  static final String DESTROY_PATH = "/v1/projects/{appId}/rtsc/cloud-transcoder/tasks/{taskId}";

  /** One example: the response key ("200", "404", "default"), its name and its JSON. */
  record Example(String responseKey, String name, String json) {
    @Override
    public String toString() {
      return responseKey + "/" + name;
    }
  }

  private SpecExamples() {}

  static OpenAPI parse(Path spec) {
    if (!Files.exists(spec)) {
      throw new IllegalStateException("missing " + spec.toAbsolutePath());
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    OpenAPI api = new OpenAPIV3Parser().read(spec.toString(), null, options);
    if (api == null) {
      throw new IllegalStateException("could not parse " + spec);
    }
    return api;
  }

  static Operation destroyOperation(OpenAPI api) {
    Operation operation = api.getPaths().get(DESTROY_PATH).getDelete();
    if (operation == null) {
      throw new IllegalStateException("no DELETE " + DESTROY_PATH);
    }
    return operation;
  }

  static List<Example> destroyExamples(Path spec) {
    List<Example> examples = new ArrayList<>();
    for (Map.Entry<String, ApiResponse> response :
        destroyOperation(parse(spec)).getResponses().entrySet()) {
      if (response.getValue().getContent() == null) {
        continue;
      }
      MediaType json = response.getValue().getContent().get("application/json");
      if (json == null) {
        continue;
      }
      if (json.getExample() != null) {
        examples.add(new Example(response.getKey(), "example", toJson(json.getExample())));
      }
      if (json.getExamples() != null) {
        json.getExamples()
            .forEach(
                (name, example) ->
                    examples.add(new Example(response.getKey(), name, toJson(example.getValue()))));
      }
    }
    return examples;
  }

  private static String toJson(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
