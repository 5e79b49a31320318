package sigprop.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Seeds of one configuration from folders that bin its histograms differently. */
final class MixedBins {
  private MixedBins() {}

  /**
   * Refuses, before any layer row is read, a configuration whose seeds come from folders whose
   * manifests bin its histograms differently ({@link FolderBins}).
   */
  static void refuse(SparkSession spark, List<String> sweeps, List<Row> cells)
      throws IOException {
    if (sweeps.size() < 2) {
      return;
    }
    List<Map<String, String>> bins = new ArrayList<>();
    for (String folder : sweeps) {
      Path manifest = FolderManifests.of(folder);
      String text = FolderManifests.text(FolderManifests.fileSystem(spark, manifest), manifest);
      bins.add(text == null ? null : FolderBins.of(Manifest.canonicalConfig(text)));
    }
    List<FolderBins.CellSource> sources = new ArrayList<>();
    for (Row r : cells) {
      sources.add(new FolderBins.CellSource(r.getString(r.fieldIndex("sweep")),
          r.getString(r.fieldIndex("experiment")), r.getString(r.fieldIndex("config_id")),
          r.getInt(r.fieldIndex("source"))));
    }
    String conflict = FolderBins.conflict(sources, bins, sweeps);
    if (conflict != null) {
      throw new IllegalArgumentException(conflict);
    }
  }
}
