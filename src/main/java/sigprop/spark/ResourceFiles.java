package sigprop.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Class-path resources copied out to files, for the JVM and Spark settings that take a path. */
final class ResourceFiles {
  private ResourceFiles() {}

  /** A new temporary file holding resource {@code name} of {@code owner}'s package. */
  static Path copy(Class<?> owner, String name) throws IOException {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException(name + " is missing from the class path");
      }
      Path file = Files.createTempFile("sigprop-", "-" + name);
      Files.write(file, in.readAllBytes());
      return file;
    }
  }
}
