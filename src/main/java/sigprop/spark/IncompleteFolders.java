package sigprop.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Sweep folders that hold fewer cells than their sweep.json lists (a sweep interrupted, or still
 * running): a summary of them lacks seeds, or whole configurations, and says so.
 */
final class IncompleteFolders {
  private IncompleteFolders() {}

  /** The distinct cells each folder holds (reruns once; a cell a later folder also holds too). */
  static long[] cellsPerFolder(List<Row> cells, int folders) {
    List<Set<String>> ids = new ArrayList<>();
    for (int i = 0; i < folders; i++) {
      ids.add(new HashSet<>());
    }
    for (Row r : cells) {
      ids.get(r.getInt(r.fieldIndex("source"))).add(r.getString(r.fieldIndex("cell_id")));
    }
    return ids.stream().mapToLong(Set::size).toArray();
  }

  /**
   * Says so when a folder holds fewer cells than its sweep.json lists, or a sweep run holds its
   * lock.
   *
   * @param found each folder's cells ({@link #cellsPerFolder})
   */
  static void warn(SparkSession spark, List<String> sweeps, long[] found, PrintStream log)
      throws IOException {
    for (int source = 0; source < sweeps.size(); source++) {
      Path manifest = FolderManifests.of(sweeps.get(source));
      FileSystem fs = FolderManifests.fileSystem(spark, manifest);
      Map<String, String> writer = SweepLock.holder(fs, manifest.getParent());
      if (writer != null) {
        log.println("summarize: note: a sweep run (host " + writer.getOrDefault("host", "?")
            + ", pid " + writer.getOrDefault("pid", "?") + ") is writing " + sweeps.get(source)
            + " or was stopped without its end; this summary has the cells committed so far");
      }
      String text = FolderManifests.text(fs, manifest);
      if (text == null) {
        continue;
      }
      long expected = Manifest.cells(text);
      if (expected > found[source]) {
        log.println("summarize: warning: " + sweeps.get(source) + " holds " + found[source]
            + " of the "
            + expected + " cells its sweep.json lists (interrupted? `sweep CONFIG --resume`"
            + " completes it); the summary has only those");
      }
    }
  }
}
