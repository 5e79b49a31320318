package sigprop.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import sigprop.experiment.CellStatus;
import sigprop.summary.Configuration;
import sigprop.summary.Configurations;
import sigprop.summary.CurveFacets;
import sigprop.summary.HistogramTable;
import sigprop.summary.LayerRow;
import sigprop.summary.LayerSelection;
import sigprop.summary.LayerStatisticsTable;
import sigprop.summary.SourceTable;
import sigprop.summary.StatusCounts;
import sigprop.summary.SummaryProvenance;
import sigprop.summary.SummaryTable;
import sigprop.summary.SummaryWriter;
import sigprop.summary.TheoryColumns;
import sigprop.summary.TheoryJoin;

/**
 * The summarizer job: reads a sweep's Parquet, groups the layer rows of every (configuration,
 * step, layer, site) on the executors and summarizes each group over its seeds
 * ({@link sigprop.summary.SeedAggregation}), collects the (seeds-fold smaller) result, and writes
 * the tables, schema and figures on the driver (docs/SUMMARY.md).
 */
public final class SummarizeJob {
  /**
   * What a run did.
   *
   * @param folder the summary folder
   * @param cells the cells summarized (each counted once)
   * @param configurations their configurations
   * @param summaryRows rows of the layer-statistics table
   * @param files the files written
   */
  public record Result(Path folder, int cells, int configurations, int summaryRows,
      List<Path> files) {}

  private SummarizeJob() {}

  /** Runs the job in the given session; throws IllegalArgumentException for bad input. */
  public static Result run(SparkSession spark, SummarizeOptions options, PrintStream log)
      throws IOException {
    long start = System.nanoTime();
    if (!options.overwrite()) {
      SummaryWriter.refuseExisting(options.out());
    }
    SweepInput input = SweepInput.read(spark, options.sweeps());
    List<Row> allCells = input.cells().collectAsList();
    DamagedWaves.refuse(spark, input.layers(), allCells, options.sweeps());
    long[] cellsPerFolder =
        IncompleteFolders.cellsPerFolder(allCells, options.sweeps().size());
    List<Row> cells = LatestRows.cells(allCells);
    List<String> experiments = experiments(cells, options.experiments());
    cells.removeIf(r -> !experiments.contains(r.getString(r.fieldIndex("experiment"))));
    List<String> parameterNames = ParameterColumns.names();
    List<Configuration> configs = Configurations.ordered(configurations(cells), parameterNames);
    Map<String, Configuration> byKey = new LinkedHashMap<>();
    configs.forEach(c -> byKey.put(SourceTable.key(c.sweep(), c.configId()), c));
    log.println("summarize: " + SummarizeNotes.describe(cells, configs, experiments, options));
    SummarizeNotes.experimentsWithoutOkCells(configs, log);
    IncompleteFolders.warn(spark, options.sweeps(), cellsPerFolder, log);
    MixedBins.refuse(spark, options.sweeps(), cells);
    SummarizeNotes.severalBuilds(cells, log);

    Set<Integer> depths = new TreeSet<>();
    configs.forEach(c -> depths.add(c.depth()));
    Dataset<Row> layers =
        ofCellsRows(spark, filtered(input.layers(), experiments, depths, options), cells);
    List<LayerRow> rows = layerRows(summarize(layers), byKey, log);
    if (rows.isEmpty() && !options.layers().isAll()) {
      throw new IllegalArgumentException("--layers " + options.layers() + " selects no layer of"
          + " " + String.join(", ", options.sweeps()) + " (hidden layers 1..depth, the head at"
          + " depth + 1); nothing written");
    }
    if (rows.isEmpty() && !options.sites().isEmpty()) {
      throw new IllegalArgumentException("--site " + String.join(",", options.sites())
          + " selects no layer rows of " + String.join(", ", options.sweeps()) + " (a site is"
          + " there only if the config's record.sites names it and, for normalized, the cell"
          + " has a norm); nothing written");
    }
    List<Row> theory = LatestRows.theory(input.theory());
    rows = new ArrayList<>(TheoryJoin.join(rows, LatestRows.theoryValues(theory)));
    rows.sort(LayerRow.ORDER);
    log.printf(Locale.ROOT, "summarize: %d layer rows (one per cell, layer and site) summarized"
        + " into %d (%.1f s)%n",
        rows.stream().mapToLong(r -> r.summary().nRows()).sum(), rows.size(),
        (System.nanoTime() - start) / 1e9);

    LayerSelection histogramLayers = options.histogramLayers();
    List<LayerRow> histogramRows = histogramLayers.kept(rows);
    if (histogramRows.isEmpty() && !rows.isEmpty()) {
      throw new IllegalArgumentException("--histogram-layers " + histogramLayers + " selects"
          + " none of the layers summarized (hidden layers 1..depth, the head at depth + 1"
          + (options.layers().isAll() ? "" : ", of those --layers " + options.layers()
              + " keeps") + "); nothing written");
    }
    long tablesStart = System.nanoTime();
    List<SummaryTable> tables = List.of(
        LayerStatisticsTable.build(rows, SparkColumns.of(ParameterColumns.fields())),
        HistogramTable.streamed(histogramRows),
        SourceTables.cells(input.cells(), cells, byKey, parameterNames),
        SourceTables.theory(input.theory(), theory, byKey, options.layers()));
    long written = System.nanoTime();
    SummaryProvenance provenance = RunProvenance.of(options, cells, configs, rows, histogramRows,
        spark.sparkContext().hadoopConfiguration());
    List<Path> files = SummaryWriter.write(options.out(), tables, rows,
        new CurveFacets.Rule(parameterNames, options.facet()), histogramLayers,
        options.figures(), options.overwrite(), provenance);
    log.printf(Locale.ROOT, "summarize: wrote %d files to %s (tables %.1f s, files %.1f s,"
        + " total %.1f s)%n", files.size(), options.out(), (written - tablesStart) / 1e9,
        (System.nanoTime() - written) / 1e9, (System.nanoTime() - start) / 1e9);
    return new Result(options.out(), cells.size(), configs.size(), rows.size(), files);
  }

  /** The collected summaries as table rows of their configurations (theory still to join). */
  private static List<LayerRow> layerRows(List<Row> collected,
      Map<String, Configuration> configs, PrintStream log) {
    List<LayerRow> rows = new ArrayList<>();
    int orphans = 0;
    for (Row r : collected) {
      Configuration c = configs.get(SourceTable.key(r.getString(0), r.getString(1)));
      if (c == null) {
        orphans++;
      } else {
        rows.add(new LayerRow(c, SummaryRows.key(r), SummaryRows.summary(r),
            TheoryColumns.NONE));
      }
    }
    if (orphans > 0) {
      log.println("summarize: warning: " + orphans + " summary rows belong to configurations"
          + " without cells in the cells table; left out");
    }
    return rows;
  }

  /** Groups the layer rows and summarizes each group on the executors; collects the result. */
  static List<Row> summarize(Dataset<Row> layers) {
    Dataset<Row> seeds = layers.map((MapFunction<Row, Row>) SeedRows::compact,
        Encoders.row(SeedRows.SCHEMA));
    return seeds.groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .mapGroups((MapGroupsFunction<String, Row, Row>) SummaryRows::summarize,
            Encoders.row(SummaryRows.SCHEMA))
        .collectAsList();
  }

  /** The layer rows of the chosen experiments, sites and layers, without parameter columns. */
  static Dataset<Row> filtered(Dataset<Row> layers, List<String> experiments,
      Set<Integer> depths, SummarizeOptions options) {
    Dataset<Row> kept = layers.filter(col("experiment").isin(experiments.toArray()));
    if (!options.sites().isEmpty()) {
      kept = kept.filter(col("site").isin(options.sites().toArray()));
    }
    LayerSelection selection = options.layers();
    if (selection.every() > 0) {
      Column layer = col("layer");
      kept = kept.filter(layer.minus(1).mod(selection.every()).equalTo(0)
          .or(layer.equalTo(col("depth"))).or(layer.equalTo(col("depth").plus(1))));
    } else if (selection.spread() > 0) {
      Column spread = lit(false); // the configurations' depths: an isin per depth
      for (int depth : depths) {
        spread = spread.or(col("depth").equalTo(depth)
            .and(col("layer").isin(selection.spreadLayers(depth).toArray())));
      }
      kept = kept.filter(spread);
    } else if (!selection.isAll()) {
      kept = kept.filter(col("layer").isin(selection.layers().toArray()));
    }
    // Only what SeedRows.compact reads: the parameter columns stay in the files.
    List<Column> needed = new ArrayList<>();
    for (String name : kept.columns()) {
      if (!ParameterColumns.names().contains(name) && !name.equals("experiment")) {
        needed.add(col(name));
      }
    }
    return kept.select(needed.toArray(new Column[0]));
  }

  /**
   * The layer rows of the cells summarized, each cell's from the folder and wave of its cells row:
   * a rerun's earlier rows and the rows of an interrupted wave (layers written, cells not) drop
   * out. A broadcast semi-join: the cells are few, the layer rows stream past them.
   */
  private static Dataset<Row> ofCellsRows(SparkSession spark, Dataset<Row> layers,
      List<Row> cells) {
    StructType schema = new StructType().add("k_sweep", DataTypes.StringType)
        .add("k_cell_id", DataTypes.StringType).add("k_source", DataTypes.IntegerType)
        .add("k_wave", DataTypes.IntegerType);
    List<Row> keys = new ArrayList<>();
    for (Row r : cells) {
      keys.add(RowFactory.create(r.getString(r.fieldIndex("sweep")),
          r.getString(r.fieldIndex("cell_id")), r.getInt(r.fieldIndex("source")),
          r.getInt(r.fieldIndex("wave"))));
    }
    Dataset<Row> k = broadcast(spark.createDataFrame(keys, schema));
    Column match = layers.col("sweep").equalTo(k.col("k_sweep"))
        .and(layers.col("cell_id").equalTo(k.col("k_cell_id")))
        .and(layers.col("source").equalTo(k.col("k_source")))
        .and(layers.col("wave").equalTo(k.col("k_wave")));
    return layers.join(k, match, "left_semi");
  }

  /** The chosen experiments (all when none is named); throws on a name the sweeps lack. */
  private static List<String> experiments(List<Row> cells, List<String> chosen) {
    TreeSet<String> present = new TreeSet<>();
    cells.forEach(r -> present.add(r.getString(r.fieldIndex("experiment"))));
    for (String e : chosen) {
      if (!present.contains(e)) {
        throw new IllegalArgumentException("--experiment: no experiment '" + e
            + "' in the sweep; experiments are " + present);
      }
    }
    return chosen.isEmpty() ? new ArrayList<>(present) : List.copyOf(chosen);
  }

  /** One configuration per (sweep, config_id), with its cells' status counts. */
  private static List<Configuration> configurations(List<Row> cells) {
    Map<String, Configuration> configs = new LinkedHashMap<>();
    for (Row r : cells) {
      String sweep = r.getString(r.fieldIndex("sweep"));
      String configId = r.getString(r.fieldIndex("config_id"));
      CellStatus status = CellStatus.valueOf(
          r.getString(r.fieldIndex("status")).toUpperCase(Locale.ROOT));
      configs.compute(SourceTable.key(sweep, configId), (k, c) -> {
        if (c == null) {
          List<Object> parameters = Arrays.asList(SparkColumns.values(r,
              SparkColumns.of(ParameterColumns.fields())));
          Object depth = r.get(r.fieldIndex("depth"));
          c = new Configuration(sweep, r.getString(r.fieldIndex("experiment")), configId, 0, "",
              depth == null ? 0 : ((Number) depth).intValue(), parameters, StatusCounts.NONE);
        }
        return new Configuration(c.sweep(), c.experiment(), c.configId(), 0, "", c.depth(),
            c.parameters(), c.counts().plus(status));
      });
    }
    return new ArrayList<>(configs.values());
  }
}
