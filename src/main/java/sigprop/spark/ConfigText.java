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
    FileSystem fs = p.getFileSystem(new Configuration());
    try (InputStream in = fs.open(p)) {
      return ConfigLoader.decode(in.readAllBytes());
    }
  }
}
