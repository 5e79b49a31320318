package sigprop.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Waves of a sweep folder whose layers rows are not the ones their cells wrote: a file lost or
 * deleted since the sweep committed the wave would leave seeds out of a summary without a word.
 */
final class DamagedWaves {
  private DamagedWaves() {}

  /**
   * Refuses a folder one of whose waves holds fewer (or more) layers rows than its cells wrote
   * (their {@code records}), or a committed wave without cells rows. Counts per wave, which read
   * the files' row counts only; a wave without cells rows (one being written) is not judged.
   */
  static void refuse(SparkSession spark, Dataset<Row> layers, List<Row> cells,
      List<String> sweeps) {
    if (cells.isEmpty() || !List.of(cells.get(0).schema().fieldNames()).contains("records")) {
      return; // a layout before the records column
    }
    Map<List<Integer>, Long> written = new TreeMap<>(DamagedWaves::compareKeys);
    for (Row r : cells) {
      int records = r.fieldIndex("records");
      if (!r.isNullAt(records)) {
        written.merge(List.of(r.getInt(r.fieldIndex("source")), r.getInt(r.fieldIndex("wave"))),
            (long) r.getInt(records), Long::sum);
      }
    }
    Map<List<Integer>, Long> present = new TreeMap<>(DamagedWaves::compareKeys); // first named
    for (Row r : layers.groupBy("source", "wave").count().collectAsList()) {
      present.put(List.of(r.getInt(0), r.getInt(1)), r.getLong(2));
    }
    // Every damaged wave, by folder in wave order, so that one --resume per folder repairs all.
    Map<String, List<String>> damaged = new LinkedHashMap<>();
    for (List<Integer> wave : present.keySet()) {
      String folder = sweeps.get(wave.get(0));
      if (!written.containsKey(wave) && committed(spark, folder, wave.get(1))) {
        damaged.computeIfAbsent(folder, f -> new ArrayList<>()).add(folder + "/cells/wave="
            + wave.get(1) + " holds no cells row though the wave committed (its file lost or"
            + " deleted since)");
      }
    }
    for (Map.Entry<List<Integer>, Long> w : written.entrySet()) {
      long p = present.getOrDefault(w.getKey(), 0L);
      if (p != w.getValue()) {
        String folder = sweeps.get(w.getKey().get(0));
        damaged.computeIfAbsent(folder, f -> new ArrayList<>()).add(folder + "/layers/wave="
            + w.getKey().get(1) + " holds " + p + " of the " + w.getValue() + " rows its cells"
            + " wrote (files lost or deleted since the sweep committed it)");
      }
    }
    if (!damaged.isEmpty()) {
      List<String> waves = new ArrayList<>();
      List<String> repairs = new ArrayList<>();
      damaged.forEach((folder, found) -> {
        waves.addAll(found);
        repairs.add(DamagedSweep.resumeCommand(folder, spark.sparkContext().hadoopConfiguration()));
      });
      throw new IllegalArgumentException(String.join("; ", waves) + "; nothing was written, and "
          + String.join(" and ", repairs) + (waves.size() == 1 ? " runs that wave's cells again"
              : " run those waves' cells again"));
    }
  }

  /** Whether a wave's cells part committed: a wave with layers rows and none is being written. */
  private static boolean committed(SparkSession spark, String folder, int wave) {
    org.apache.hadoop.fs.Path success =
        new org.apache.hadoop.fs.Path(folder + "/cells/wave=" + wave, "_SUCCESS");
    try {
      return success.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(success);
    } catch (IOException e) {
      return false;
    }
  }

  private static int compareKeys(List<Integer> a, List<Integer> b) {
    int c = Integer.compare(a.get(0), b.get(0));
    return c != 0 ? c : Integer.compare(a.get(1), b.get(1));
  }
}
