package dev.rtsc.transcoder;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library's version, written into a resource by the build. */
final class Version {
  static final String VALUE = load();

  private Version() {}

  private static String load() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException ignored) {
      // A missing version only makes the User-Agent less precise; never fail a call for it.
    }
    return properties.getProperty("version", "unknown");
  }
}
