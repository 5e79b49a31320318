package sigprop.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import sigprop.experiment.CellResult;
import sigprop.experiment.CellRunner;
import sigprop.experiment.CellSpec;
import sigprop.experiment.ConfigException;
import sigprop.experiment.ConfigLoader;
import sigprop.experiment.SweepPlan;

/**
 * Writes a sweep folder (cells/wave=0, layers/wave=0, theory) in the sweep job's Parquet layout
 * by running every cell of a config with {@link CellRunner} in Spark tasks: test data for the
 * summarizer, and the benchmark's input (jobs/bench-summarize runs {@link #main}).
 */
public final class SyntheticSweep {
  /** Plans by config text: a task runs many cells of one plan, which is costly to expand. */
  private static final Map<String, SweepPlan> PLANS = new ConcurrentHashMap<>();

  private SyntheticSweep() {}

  /** Runs the config's cells and writes their tables into {@code folder}; returns the plan. */
  public static SweepPlan write(SparkSession spark, String yaml, Path folder) {
    SweepPlan plan = plan(yaml);
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < plan.cellCount(); i++) {
      indices.add(i);
    }
    CollectionAccumulator<Row> cellRows = spark.sparkContext().collectionAccumulator("cells");
    String hash = plan.configHash();
    int partitions = Math.max(1, Math.min(plan.cellCount(),
        4 * spark.sparkContext().defaultParallelism()));
    Dataset<Row> layers = spark.createDataset(indices, Encoders.INT()).repartition(partitions)
        .flatMap((FlatMapFunction<Integer, Row>) i -> {
          CellResult result = CellRunner.run(plan(yaml).cells().get(i));
          cellRows.add(CellTable.row(result, hash, "synthetic"));
          return LayerTable.rows(result).iterator();
        }, Encoders.row(LayerTable.SCHEMA));
    layers.write().mode(SaveMode.Append).parquet(folder.resolve("layers/wave=0").toString());
    spark.createDataFrame(cellRows.value(), CellTable.SCHEMA).coalesce(1).write()
        .mode(SaveMode.Append).parquet(folder.resolve("cells/wave=0").toString());
    Map<String, CellSpec> configs = new LinkedHashMap<>();
    plan.cells().forEach(c -> configs.putIfAbsent(c.configId(), c));
    List<Row> theory = new ArrayList<>();
    configs.values().forEach(c -> theory.addAll(TheoryTableRows.rows(c)));
    spark.createDataFrame(theory, TheoryTableRows.SCHEMA).coalesce(1).write()
        .mode(SaveMode.Append).parquet(folder.resolve("theory").toString());
    return plan;
  }

  private static SweepPlan plan(String yaml) {
    return PLANS.computeIfAbsent(yaml, text -> {
      try {
        return ConfigLoader.parse(text, "synthetic", List.of(), 0);
      } catch (ConfigException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    });
  }

  /**
   * The benchmark's sweep: 1,000 tiny tanh cells (width 4, batch 4, depth 100) recording five
   * sites, 50 configurations × 20 seeds = 505,000 layer rows.
   */
  static String benchmarkConfig(String sweep) {
    return String.join("\n",
        "sweep: " + sweep,
        "input: {batch: 4, width: 4}",
        "network: {width: 4, depth: 100, activation: tanh}",
        "record: {sites: [pre_activation, output, output_gradient, weight, weight_gradient]}",
        "grid:",
        "  init: [normal, xavier_normal, orthogonal, xavier_uniform, lecun_normal]",
        "  norm: [none, batch]",
        "  learning_rate: [0.01, 0.02, 0.03, 0.04, 0.05]",
        "seeds: 20",
        "");
  }

  /** Usage: SyntheticSweep OUTPUT_DIR [SWEEP_NAME]: writes the benchmark sweep there. */
  public static void main(String[] args) {
    Path out = Path.of(args[0]);
    String sweep = args.length > 1 ? args[1] : out.getFileName().toString();
    SparkSession spark = SparkSession.builder().appName("synthetic sweep")
        .master(System.getProperty("spark.master", "local[*]"))
        .config("spark.ui.enabled", "false").getOrCreate();
    long start = System.nanoTime();
    SweepPlan plan = write(spark, benchmarkConfig(sweep), out);
    long rows = spark.read().parquet(out.resolve("layers").toString()).count();
    System.out.printf(Locale.ROOT, "synthetic sweep: %d cells, %d layer rows in %s (%.1f s)%n",
        plan.cellCount(), rows, out, (System.nanoTime() - start) / 1e9);
    spark.stop();
  }
}
