package dev.rtsc.transcoder;

import java.util.Collections;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/**
 * Read-only views of the maps and lists Moshi decodes free-form JSON into. The maps passed in come
 * straight from the parser and nothing else refers to them, so they are frozen in place (nested
 * containers replaced by read-only views, the outer one wrapped) instead of deep-copied: the copy
 * was most of the bytes a successful call allocated beyond parsing (BENCHMARKS.md).
 */
final class JsonValues {
  private JsonValues() {}

  /** A read-only view of {@code map}, which the caller hands over and no longer touches. */
  static Map<String, Object> freeze(Map<String, Object> map) {
    if (map == null) {
      return null;
    }
    if (map.isEmpty()) {
      // Most reserved objects arrive as {}.
      return Collections.emptyMap();
    }
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      Object value = entry.getValue();
      if (value instanceof Map || value instanceof List) {
        entry.setValue(freezeValue(value));
      }
    }
    return Collections.unmodifiableMap(map);
  }

  @SuppressWarnings("unchecked")
  private static Object freezeValue(Object value) {
    if (value instanceof Map) {
      return freeze((Map<String, Object>) value);
    }
    if (value instanceof List) {
      List<Object> list = (List<Object>) value;
      if (list.isEmpty()) {
        return Collections.emptyList();
      }
      for (ListIterator<Object> elements = list.listIterator(); elements.hasNext(); ) {
        Object element = elements.next();
        if (element instanceof Map || element instanceof List) {
          elements.set(freezeValue(element));
        }
      }
      return Collections.unmodifiableList(list);
    }
    return value;
  }
}
