package dev.rtsc.transcoder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep read-only copies of the maps and lists Moshi decodes free-form JSON into. */
final class JsonValues {
  private JsonValues() {}

  static Map<String, Object> freeze(Map<String, Object> map) {
    if (map == null) {
      return null;
    }
    Map<String, Object> copy = new LinkedHashMap<>(map.size());
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      copy.put(entry.getKey(), freezeValue(entry.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static Object freezeValue(Object value) {
    if (value instanceof Map) {
      return freeze((Map<String, Object>) value);
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object element : (List<Object>) value) {
        copy.add(freezeValue(element));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
