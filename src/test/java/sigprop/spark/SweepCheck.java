package sigprop.spark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import sigprop.experiment.CellSpec;
import sigprop.experiment.ConfigLoader;

/**
 * Checks a finished sweep from the shell (used by jobs/local-cluster, jobs/test-resume and
 * jobs/bench-sweep): every cell of the config present exactly once with status ok, and, given a
 * reference run of the same config, the same rows in both tables apart from the columns that
 * legitimately differ ({@code wave}, {@code wall_seconds}). Rows compare as their full text, so
 * doubles must match bit for bit (-0.0 and NaN included). Prints one summary line with the sum
 * of the cells' wall_seconds, and how much of it lies above each configuration's median (what
 * cold and slowed cells add); exit code 1 on any problem.
 *
 * <pre>
 * java -cp target/test-classes:target/sigprop-0.1.0.jar:SPARK_CLASSPATH sigprop.spark.SweepCheck \
 *     CONFIG SWEEP_DIR [REFERENCE_SWEEP_DIR]
 * </pre>
 */
public final class SweepCheck {
  private static final int SHOWN = 3;

  private final SparkSession spark;
  private final List<String> problems = new ArrayList<>();

  private SweepCheck(SparkSession spark) {
    this.spark = spark;
  }

  /** Checks the sweep; exit code 1 on any problem, 2 for a usage error. */
  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: SweepCheck CONFIG SWEEP_DIR [REFERENCE_SWEEP_DIR]");
      System.exit(2);
    }
    SparkSession spark = SparkSession.builder().master("local[1]").appName("sweep-check")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2") // the row comparisons are small shuffles
        .config("spark.sql.debug.maxToStringFields", "500")
        // A layers row can hold thousands of histogram counts: small batches keep the heap small.
        .config("spark.sql.parquet.columnarReaderBatchSize", "256").getOrCreate();
    int code;
    try {
      code = new SweepCheck(spark).run(args[0], args[1], args.length == 3 ? args[2] : null);
    } finally {
      spark.stop();
    }
    System.exit(code);
  }

  private int run(String config, String dir, String reference) throws Exception {
    List<CellSpec> cells = ConfigLoader.parse(ConfigText.read(config), config, List.of(), 0)
        .cells();
    Dataset<Row> table = spark.read().parquet(dir + "/cells");
    checkEveryCellOnce(cells, table);
    checkAllOk(table);
    double wall = table.agg(functions.sum("wall_seconds")).first().getDouble(0);
    // What the slow cells add (warm-up, a busy JIT): the sum less each configuration's median.
    double aboveMedians = table.groupBy("config_id")
        .agg(functions.expr("sum(wall_seconds) - count(*) * percentile(wall_seconds, 0.5)")
            .as("above"))
        .agg(functions.sum("above")).first().getDouble(0);
    String compared = "";
    if (reference != null) {
      long rows = compare("layers", dir, reference);
      compare("cells", dir, reference, "wall_seconds");
      compared = String.format(Locale.ROOT, "; %d layers rows and every cells row (less"
          + " wall_seconds) identical to %s", rows, reference);
    }
    if (!problems.isEmpty()) {
      System.out.println("sweep-check: " + dir + ": FAILED");
      problems.forEach(p -> System.out.println("  " + p));
      return 1;
    }
    System.out.printf(Locale.ROOT, "sweep-check: %s: %d cells, each exactly once, all ok;"
        + " wall_seconds sum %.3f (%.3f above each configuration's median)%s%n", dir,
        cells.size(), wall, aboveMedians, compared);
    return 0;
  }

  private void checkEveryCellOnce(List<CellSpec> cells, Dataset<Row> table) {
    Set<String> expected = new HashSet<>();
    cells.forEach(c -> expected.add(c.id()));
    Set<String> seen = new HashSet<>();
    for (Row r : table.groupBy("cell_id").count().collectAsList()) {
      String id = r.getString(0);
      seen.add(id);
      if (r.getLong(1) != 1) {
        problems.add("cell " + id + " appears " + r.getLong(1) + " times");
      }
      if (!expected.contains(id)) {
        problems.add("cell " + id + " is not in the config");
      }
    }
    expected.removeAll(seen);
    if (!expected.isEmpty()) {
      problems.add(expected.size() + " of " + cells.size() + " cells missing, e.g. "
          + expected.stream().sorted().limit(SHOWN).toList());
    }
  }

  private void checkAllOk(Dataset<Row> table) {
    for (Row r : table.where("status <> 'ok'").select("cell_id", "status", "message")
        .limit(SHOWN).collectAsList()) {
      problems.add("cell " + r.getString(0) + " has status " + r.getString(1) + ": "
          + r.getString(2));
    }
  }

  /**
   * Compares one table of two runs as multisets of row texts: one aggregation counts each text
   * +1 per row here and -1 per row in the reference, so a row duplicated on one side shows up
   * too. Returns the row count here.
   */
  private long compare(String name, String dir, String reference, String... drop) {
    Dataset<Row> counted = text(dir + "/" + name, drop).withColumn("side", functions.lit(1))
        .union(text(reference + "/" + name, drop).withColumn("side", functions.lit(-1)))
        .groupBy("value").agg(functions.sum("side").as("excess"),
            functions.sum(functions.when(functions.col("side").gt(0), 1).otherwise(0))
                .as("here"));
    Row totals = counted.agg(functions.sum("here"),
        functions.sum(functions.when(functions.col("excess").notEqual(0), 1).otherwise(0)))
        .first();
    long differing = totals.isNullAt(1) ? 0 : totals.getLong(1);
    if (differing > 0) {
      problems.add(name + ": " + differing + " distinct rows occur a different number of times"
          + " here than in " + reference + " (excess > 0: only here), e.g.");
      for (Row r : counted.where("excess <> 0").limit(SHOWN).collectAsList()) {
        String text = r.getString(0);
        problems.add("  excess " + r.getLong(1) + ": "
            + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
      }
    }
    return totals.isNullAt(0) ? 0 : totals.getLong(0);
  }

  private Dataset<Row> text(String table, String... drop) {
    return spark.read().parquet(table).drop("wave").drop(drop)
        .map((MapFunction<Row, String>) r -> r.toString(), Encoders.STRING()).toDF("value");
  }
}
