package sigprop.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** The {@code sweep.json} of a sweep folder read for a summary, as far as it can be read. */
final class FolderManifests {
  private FolderManifests() {}

  /** A folder's manifest path. */
  static Path of(String folder) {
    return new Path(folder, SweepOutput.MANIFEST);
  }

  /** The file system a folder's manifest is on. */
  static FileSystem fileSystem(SparkSession spark, Path manifest) throws IOException {
    return manifest.getFileSystem(spark.sparkContext().hadoopConfiguration());
  }

  /**
   * A folder's sweep.json, or null when it has none or it cannot be read or parsed (the tables
   * are what counts then).
   */
  static String text(FileSystem fs, Path manifest) {
    try (InputStream in = fs.open(manifest)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Manifest.cells(text); // parses: a damaged one is as good as none
      return text;
    } catch (IOException e) {
      return null;
    }
  }
}
