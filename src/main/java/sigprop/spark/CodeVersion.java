package sigprop.spark;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version, recorded with every sweep's data. */
public final class CodeVersion {
  private static final String VERSION = load();

  private CodeVersion() {}

  /** E.g. {@code 0.1.0}; "unknown" when the build resource is missing. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = CodeVersion.class.getResourceAsStream("/sigprop-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
