package sigprop.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import sigprop.experiment.ConfigLoader;

/** Reads a config from a local path or, when it names a scheme (hdfs:, s3a:, …), through Hadoop. */
final class ConfigText {
  private ConfigText() {}

  static String read(String location) throws IOException {
    if (!location.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*") || location.startsWith("file:")) {
      String local = location.startsWith("file:") ? new Path(location).toUri().getPath() : location;
      return ConfigLoader.readLocal(Paths.get(local));
    }
    Path p = new Path(location);
    try {
      FileSystem fs = p.getFileSystem(new Configuration());
      try (InputStream in = fs.open(p)) {
        return ConfigLoader.decode(in.readAllBytes());
      }
    } catch (RuntimeException e) {
      // Hadoop reports an unknown host or a file system missing from the classpath unchecked.
      throw new IOException(rootCause(e), e);
    }
  }

  /** The innermost cause's message, with its type where the message alone is unclear. */
  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String type = root.getClass().getSimpleName();
    if (root instanceof java.net.UnknownHostException) {
      return "unknown host " + root.getMessage();
    }
    if (root instanceof ClassNotFoundException) {
      return "no file system for this scheme on the classpath (" + root.getMessage() + ")";
    }
    return root.getMessage() == null ? type : type + ": " + root.getMessage();
  }
}
