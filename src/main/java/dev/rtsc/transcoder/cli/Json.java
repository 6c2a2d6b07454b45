package dev.rtsc.transcoder.cli;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import okio.Buffer;

/** One-line JSON objects for {@code --output json} and JSON-lines reports. */
final class Json {
  private Json() {}

  static String object(Map<String, Object> fields) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(false);
      writer.beginObject();
      for (Map.Entry<String, Object> field : fields.entrySet()) {
        Object value = field.getValue();
        writer.name(field.getKey());
        if (value instanceof Number) {
          writer.value((Number) value);
        } else if (value instanceof Boolean) {
          writer.value((Boolean) value);
        } else if (value == null) {
          writer.nullValue();
        } else {
          writer.value(value.toString());
        }
      }
      writer.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }
}
