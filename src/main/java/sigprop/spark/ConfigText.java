package sigprop.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import sigprop.experiment.ConfigLoader;

/** Reads a config from a local path or, when it names a scheme (hdfs:, s3a:, …), through Hadoop. */
final class ConfigText {
  private ConfigText() {}

  static String read(String location) throws IOException {
    if (!location.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")) {
      return ConfigLoader.readLocal(Paths.get(location));
    }
    if (location.startsWith("file:")) {
      return ConfigLoader.readLocal(localFile(location));
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

  /**
   * The file a {@code file:} URI names. A URI as RFC 8089, Java's {@code Path.toUri()}, Python's
   * {@code as_uri()} and browsers write it has {@code %20} for a space, and names the file with
   * the space; Hadoop's {@code Path} reads the text as written ({@code file:///a b/c.yaml} works
   * there, and {@code %20} is three characters), so that reading is kept for what is no valid URI
   * and for a file whose name really holds the escape.
   */
  private static java.nio.file.Path localFile(String location) {
    java.nio.file.Path asWritten = Paths.get(new Path(location).toUri().getPath());
    try {
      java.nio.file.Path decoded = Paths.get(new URI(location));
      return Files.exists(asWritten) && !Files.exists(decoded) ? asWritten : decoded;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return asWritten; // a space or other character a URI must escape, or a host part
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
