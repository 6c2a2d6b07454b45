package dev.rtsc.transcoder;

import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.ComposedChanged;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The breaking-change gate: diffs two versions of the spec with OpenAPITools' openapi-diff and
 * decides whether the newer one breaks clients built from the older one. The report lists each
 * breaking change with where it is, then openapi-diff's full change log.
 *
 * <p>Three rules differ from openapi-diff's defaults, because of how this client is built:
 *
 * <ul>
 *   <li>A value added to an enum in a response is compatible. openapi-diff calls it breaking (an
 *       old client would not know the value), but our clients keep unknown values as {@code
 *       UNKNOWN} plus the raw string, so nothing fails.
 *   <li>A value removed from an enum in a response is breaking. openapi-diff calls it compatible
 *       (the server just sends fewer values), but the generated enum, and the public {@code
 *       TaskStatus}/{@code ServiceStatus} that mirror it, would lose a constant that callers' code
 *       may name.
 *   <li>A property removed from a response body is breaking, even though every property is
 *       optional. openapi-diff only objects to removing required ones, but the generated getter
 *       would disappear, and a caller that reads the field would silently get null.
 * </ul>
 */
final class SpecDiff {
  /** The outcome: whether the change breaks clients, and a report a reviewer can read. */
  record Result(boolean breaking, String report) {}

  private SpecDiff() {}

  static Result compare(Path older, Path newer) {
    return compare(older, newer, true);
  }

  /** With {@code ourRules} false, openapi-diff's own verdict; used to show why ours differ. */
  static Result compare(Path older, Path newer, boolean ourRules) {
    OpenApiDiffOptions.Builder options = OpenApiDiffOptions.builder();
    if (ourRules) {
      options.configProperty("incompatible.response.enum.increased", "false");
    }
    ChangedOpenApi diff =
        OpenApiCompare.fromLocations(older.toString(), newer.toString(), null, options.build());

    Walk walk = new Walk(ourRules);
    walk.visit(diff, "");
    boolean breaking = diff.isIncompatible() || !walk.ours.isEmpty();

    StringBuilder report = new StringBuilder();
    if (breaking) {
      report.append("Breaking changes (").append(older).append(" -> ").append(newer).append("):\n");
      walk.breaking.forEach(line -> report.append("  - ").append(line).append('\n'));
      walk.ours.forEach(line -> report.append("  - ").append(line).append('\n'));
      report.append('\n');
    }
    report.append(new MarkdownRender().render(diff));
    return new Result(breaking, report.toString());
  }

  /**
   * Makes {@code spec} the new baseline ({@code scripts/bless-spec}), and returns the report of
   * what changed since the old one. Refuses a breaking change unless the major of {@code
   * info.version} went up.
   */
  static String bless(Path baseline, Path spec) throws IOException {
    Result result = compare(baseline, spec);
    int baselineMajor = major(baseline);
    int specMajor = major(spec);
    if (result.breaking() && specMajor <= baselineMajor) {
      throw new AssertionError(
          result.report()
              + "\nThis change breaks clients: bump the major of info.version in "
              + spec
              + " (now "
              + specMajor
              + ".x, as in the baseline) before blessing it.");
    }
    Files.copy(spec, baseline, StandardCopyOption.REPLACE_EXISTING);
    return result.report() + "\nBlessed: " + baseline + " is now a copy of " + spec;
  }

  private static int major(Path spec) {
    String version = SpecExamples.parse(spec).getInfo().getVersion();
    return Integer.parseInt(version.split("\\.")[0]);
  }

  /** Walks openapi-diff's tree of changes, keeping a readable "where" for each. */
  private static final class Walk {
    final boolean ourRules;
    final List<String> breaking = new ArrayList<>();
    final List<String> ours = new ArrayList<>();
    final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    Walk(boolean ourRules) {
      this.ourRules = ourRules;
    }

    void visit(Changed changed, String where) {
      if (changed == null || !seen.add(changed)) {
        return;
      }
      if (changed instanceof ChangedOperation operation) {
        where = operation.getHttpMethod() + " " + operation.getPathUrl();
      } else if (changed instanceof ChangedParameter parameter) {
        where = where + " > " + parameter.getIn() + " parameter " + parameter.getName();
      }
      if (selfIncompatible(changed)) {
        breaking.add(where(where) + describe(changed));
      }
      if (ourRules) {
        if (changed instanceof ChangedEnum<?> enumeration
            && enumeration.getContext().isResponse()
            && !enumeration.getMissing().isEmpty()) {
          ours.add(where(where) + "removed enum value(s) " + enumeration.getMissing());
        }
        if (changed instanceof ChangedSchema schema
            && schema.getContext().isResponse()
            && !schema.getMissingProperties().isEmpty()) {
          ours.add(where(where) + "removed propert(ies) " + schema.getMissingProperties().keySet());
        }
      }
      // Maps of changes (responses by status, content by media type, properties by name) carry
      // the names that make "where" readable; visit them before the unnamed changed elements.
      for (Method getter : changed.getClass().getMethods()) {
        if (getter.getParameterCount() == 0
            && getter.getName().startsWith("get")
            && Map.class.isAssignableFrom(getter.getReturnType())) {
          for (Map.Entry<?, ?> entry : ((Map<?, ?>) get(getter, changed)).entrySet()) {
            if (entry.getValue() instanceof Changed child) {
              visit(child, where + " > " + entry.getKey());
            }
          }
        }
      }
      if (changed instanceof ComposedChanged composed) {
        for (Changed child : composed.getChangedElements()) {
          visit(child, where);
        }
      }
    }

    private static boolean selfIncompatible(Changed changed) {
      return changed instanceof ComposedChanged composed
          ? composed.isCoreChanged().isIncompatible()
          : changed.isIncompatible();
    }

    private static String where(String where) {
      return where.isEmpty() ? "" : where + ": ";
    }
  }

  /**
   * What changed in one node, from the getters openapi-diff's model has: removed items, changed
   * flags and old/new values.
   */
  private static String describe(Changed changed) {
    List<String> parts = new ArrayList<>();
    Method[] getters = changed.getClass().getMethods();
    Arrays.sort(getters, Comparator.comparing(Method::getName));
    for (Method getter : getters) {
      if (getter.getParameterCount() != 0) {
        continue;
      }
      String name = getter.getName();
      if (name.startsWith("getMissing")) {
        String items = items(get(getter, changed));
        if (!items.isEmpty()) {
          parts.add(("removed " + words(name.substring("getMissing".length()))).trim() + items);
        }
      } else if (name.startsWith("getIncreased") && changed instanceof ChangedEnum<?>) {
        String items = items(get(getter, changed));
        if (!items.isEmpty()) {
          parts.add("added " + items);
        }
      } else if ((name.startsWith("isChange") || name.equals("isDeprecated"))
          && !name.equals("isChangedType") // described with the types below
          && getter.getReturnType() == boolean.class
          && (boolean) get(getter, changed)) {
        parts.add("changed " + words(name.replaceFirst("^isChange[ds]?", "")));
      }
    }
    if (changed instanceof ChangedParameter parameter && parameter.isChangeRequired()) {
      parts.remove("changed required");
      parts.add(
          "required "
              + Boolean.TRUE.equals(parameter.getOldParameter().getRequired())
              + " -> "
              + Boolean.TRUE.equals(parameter.getNewParameter().getRequired()));
    }
    if (changed instanceof ChangedSchema schema && schema.isChangedType()) {
      parts.add(
          "type " + schema.getOldSchema().getType() + " -> " + schema.getNewSchema().getType());
    }
    try {
      Object oldValue = changed.getClass().getMethod("getOldValue").invoke(changed);
      Object newValue = changed.getClass().getMethod("getNewValue").invoke(changed);
      if (!(oldValue instanceof Collection) && !(newValue instanceof Collection)) {
        parts.add(oldValue + " -> " + newValue);
      }
    } catch (ReflectiveOperationException noValues) {
      // Not every kind of change has old and new values.
    }
    String kind = words(changed.getClass().getSimpleName().replaceFirst("^Changed", ""));
    return kind + (parts.isEmpty() ? " changed" : ": " + String.join("; ", parts));
  }

  private static String items(Object value) {
    Collection<?> items =
        value instanceof Map<?, ?> map
            ? map.keySet()
            : value instanceof Collection<?> collection ? collection : List.of();
    return items.isEmpty()
        ? ""
        : items.stream().map(SpecDiff::item).collect(Collectors.joining(", ", " [", "]"));
  }

  private static String item(Object item) {
    if (item instanceof Parameter parameter) {
      return parameter.getIn() + " " + parameter.getName();
    }
    if (item instanceof Endpoint endpoint) {
      return endpoint.getMethod() + " " + endpoint.getPathUrl();
    }
    return String.valueOf(item);
  }

  /** "MaxLength" -> "max length". */
  private static String words(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).trim();
  }

  private static Object get(Method getter, Object target) {
    try {
      Object value = getter.invoke(target);
      return value == null && Map.class.isAssignableFrom(getter.getReturnType()) ? Map.of() : value;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(getter.toString(), e);
    }
  }
}
