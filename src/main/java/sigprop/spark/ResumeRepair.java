package sigprop.spark;

import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What a run continues from in a sweep folder that holds committed data: first the committed
 * waves and theory table whose files were lost or damaged since they committed are deleted, so
 * that they run (are written) again; then the committed cells are read. A truncated file reads
 * as holding no rows, so its wave's row counts no longer match; a file damaged inside is found
 * by reading every page of the committed waves, each checked against its CRC.
 */
final class ResumeRepair {
  private final SparkSession spark;
  private final SweepOutput output;
  private final PrintStream out;

  ResumeRepair(SparkSession spark, SweepOutput output, PrintStream out) {
    this.spark = spark;
    this.output = output;
    this.out = out;
  }

  /** Deletes the damaged committed waves and theory table, saying so on {@code out}. */
  void dropDamaged() throws IOException {
    dropDamagedWaves();
    dropDamagedTheory();
  }

  /**
   * Deletes every committed wave one of whose files does not read whole (a page whose bytes
   * changed since it committed fails its CRC), whose layers part no longer holds
   * the rows its cells wrote (the cells' {@code records}), or whose cells rows are gone. Its
   * cells run again, so each cell ends with all of its rows, once.
   */
  private void dropDamagedWaves() throws IOException {
    List<Integer> committed = output.committedWaves();
    if (committed.isEmpty()) {
      return;
    }
    Map<Integer, List<CheckedPages.File>> damaged = new HashMap<>();
    Map<Integer, Long> present = new HashMap<>();
    for (CheckedPages.File f : CheckedPages.of(spark, output.cells())) {
      if (f.damaged()) {
        damaged.computeIfAbsent(f.wave(), k -> new ArrayList<>()).add(f);
      }
    }
    for (CheckedPages.File f : CheckedPages.of(spark, output.layers())) {
      if (f.damaged()) {
        damaged.computeIfAbsent(f.wave(), k -> new ArrayList<>()).add(f);
      }
      present.merge(f.wave(), f.intactRows(), Long::sum);
    }
    Map<Integer, Long> written = perWave(readable(output.cells(), CellTable.SCHEMA)
        .groupBy("wave").agg(sum("records")));
    for (int wave : committed) {
      Long w = written.get(wave);
      long p = present.getOrDefault(wave, 0L);
      if (damaged.containsKey(wave)) {
        output.dropWave(wave);
        out.println("sigprop: removed wave " + wave + ": " + damagedFiles(damaged.get(wave))
            + " (bytes changed since it committed: a disk fault or a bad copy); its cells run"
            + " again");
      } else if (w == null || w != p) {
        output.dropWave(wave);
        out.println("sigprop: removed wave " + wave + ": " + (w == null
            ? "its cells rows cannot be read" : "its cells wrote " + w + " layers rows and "
            + p + " are there") + " (files lost or damaged since it committed); its cells"
            + " run again");
      }
    }
  }

  /**
   * "layers/wave=0/part-….parquet has 0 of its 1530 rows in pages that pass their CRC", and so
   * on for each file.
   */
  private static String damagedFiles(List<CheckedPages.File> files) {
    List<String> named = new ArrayList<>();
    for (CheckedPages.File f : files) {
      named.add(f.shortName() + " has " + f.intactRows() + " of its " + f.footerRows()
          + " rows in pages that pass their CRC");
    }
    return String.join(", ", named);
  }

  /**
   * Deletes a committed theory table that cannot be read (a truncated file, a page that fails its
   * check): written again.
   */
  private void dropDamagedTheory() throws IOException {
    if (!output.committed(output.theory())) {
      return;
    }
    try {
      CheckedPages.reader(spark).schema(TheoryTableRows.SCHEMA)
          .parquet(output.theory().toString())
          .collectAsList();
    } catch (Exception e) { // Spark's read failure (a SparkException, undeclared)
      output.dropTheory();
      out.println("sigprop: removed the theory table: " + OneLineFailure.rootCause(e)
          + " (a file damaged since it committed); it is written again");
    }
  }

  /** The committed cells' ids and statuses. */
  Map<String, String> doneCells() throws IOException {
    return doneCells(new HashMap<>());
  }

  /** As {@link #doneCells()}, counting the cells of each wave into {@code perWave}. */
  Map<String, String> doneCells(Map<Integer, Long> perWave) throws IOException {
    Map<String, String> done = new HashMap<>();
    if (output.hasCommittedWaves()) {
      for (Row r : table(output.cells(), CellTable.SCHEMA)
          .select("cell_id", "status", "wave").collectAsList()) {
        done.put(r.getString(0), r.getString(1));
        perWave.merge(r.getInt(2), 1L, Long::sum);
      }
    }
    return done;
  }

  /** A table read with its schema and the wave column, so a wave without files reads empty. */
  private Dataset<Row> table(Path dir, StructType schema) {
    return CheckedPages.reader(spark).schema(schema.add("wave", DataTypes.IntegerType))
        .parquet(dir.toString());
  }

  /** As {@link #table}, a damaged file (truncated, say) read as holding no rows. */
  private Dataset<Row> readable(Path dir, StructType schema) {
    return readable(spark, dir, schema);
  }

  /** A wave-partitioned table read with its wave column, a damaged file as holding no rows. */
  static Dataset<Row> readable(SparkSession spark, Path dir, StructType schema) {
    return CheckedPages.reader(spark).option("ignoreCorruptFiles", "true")
        .schema(schema.add("wave", DataTypes.IntegerType)).parquet(dir.toString());
  }

  /** A wave's count from rows of (wave, count), a null count as 0. */
  private static Map<Integer, Long> perWave(Dataset<Row> counts) {
    Map<Integer, Long> byWave = new HashMap<>();
    for (Row r : counts.collectAsList()) {
      byWave.put(r.getInt(0), r.isNullAt(1) ? 0L : r.getLong(1));
    }
    return byWave;
  }
}
