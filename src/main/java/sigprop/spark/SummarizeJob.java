package sigprop.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
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
import sigprop.summary.SourceDescriptions;
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
    refuseDamagedWaves(spark, input.layers(), allCells, options.sweeps());
    long[] cellsPerFolder = cellsPerFolder(allCells, options.sweeps().size());
    List<Row> cells = latestCells(allCells);
    List<String> experiments = experiments(cells, options.experiments());
    cells.removeIf(r -> !experiments.contains(r.getString(r.fieldIndex("experiment"))));
    List<String> parameterNames = ParameterColumns.names();
    List<Configuration> configs = Configurations.ordered(configurations(cells), parameterNames);
    Map<String, Configuration> byKey = new LinkedHashMap<>();
    configs.forEach(c -> byKey.put(SourceTable.key(c.sweep(), c.configId()), c));
    log.println("summarize: " + describe(cells, configs, experiments, options));
    noteExperimentsWithoutOkCells(configs, log);
    warnIfIncomplete(spark, options.sweeps(), cellsPerFolder, log);
    refuseMixedBins(spark, options.sweeps(), cells);
    Set<String> builds = new TreeSet<>();
    cells.forEach(r -> builds.add(r.getString(r.fieldIndex("code_version"))));
    if (builds.size() > 1) {
      // A sweep resumed with another build, or sweeps of several builds: the seeds' statistics
      // then pool numbers that may differ in their last bits or more.
      log.println("summarize: note: the cells come from " + builds.size() + " builds ("
          + String.join(", ", builds) + "); cells.csv's code_version tells which");
    }

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
    List<Row> theory = latestTheory(input.theory());
    rows = new ArrayList<>(TheoryJoin.join(rows, theoryValues(theory)));
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
        cellsTable(input.cells(), cells, byKey, parameterNames),
        theoryTable(input.theory(), theory, byKey, options.layers()));
    long written = System.nanoTime();
    String provenance = provenance(options, cells).markdown(configs, rows, histogramRows);
    List<Path> files = SummaryWriter.write(options.out(), tables, rows,
        new CurveFacets.Rule(parameterNames, options.facet()), histogramLayers,
        options.figures(), options.overwrite(), provenance);
    log.printf(Locale.ROOT, "summarize: wrote %d files to %s (tables %.1f s, files %.1f s,"
        + " total %.1f s)%n", files.size(), options.out(), (written - tablesStart) / 1e9,
        (System.nanoTime() - written) / 1e9, (System.nanoTime() - start) / 1e9);
    return new Result(options.out(), cells.size(), configs.size(), rows.size(), files);
  }

  /** How this summary is made: the options, and per folder what its summarized cells were. */
  private static SummaryProvenance provenance(SummarizeOptions options, List<Row> cells) {
    List<SummaryProvenance.Source> sources = new ArrayList<>();
    for (int i = 0; i < options.sweeps().size(); i++) {
      sources.add(new SummaryProvenance.Source(options.sweeps().get(i), new TreeSet<>(),
          new TreeSet<>(), new TreeSet<>(), StatusCounts.NONE));
    }
    for (Row r : cells) {
      int i = r.getInt(r.fieldIndex("source"));
      SummaryProvenance.Source s = sources.get(i);
      s.sweeps().add(r.getString(r.fieldIndex("sweep")));
      s.configHashes().add(stringOrUnknown(r, "config_hash"));
      s.codeVersions().add(stringOrUnknown(r, "code_version"));
      sources.set(i, new SummaryProvenance.Source(s.folder(), s.sweeps(), s.configHashes(),
          s.codeVersions(), s.counts().plus(CellStatus.valueOf(
              r.getString(r.fieldIndex("status")).toUpperCase(Locale.ROOT)))));
    }
    return new SummaryProvenance(command(options), options.sites(), options.layers(),
        options.histogramLayers(), options.figures(), options.facet(), sources,
        CodeVersion.get(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
  }

  /** A string column's value; "unknown" where it is null or the layout lacks the column. */
  private static String stringOrUnknown(Row r, String column) {
    if (!List.of(r.schema().fieldNames()).contains(column) || r.isNullAt(r.fieldIndex(column))) {
      return "unknown";
    }
    return r.getString(r.fieldIndex(column));
  }

  /** The command line that makes this summary again (the options in a fixed order). */
  static String command(SummarizeOptions options) {
    List<String> words = new ArrayList<>(List.of("sigprop", "summarize"));
    words.addAll(options.sweeps());
    if (!options.experiments().isEmpty()) {
      words.addAll(List.of("--experiment", String.join(",", options.experiments())));
    }
    if (!options.sites().isEmpty()) {
      words.addAll(List.of("--site", String.join(",", options.sites())));
    }
    if (!options.layers().isAll()) {
      words.addAll(List.of("--layers", SummaryProvenance.spec(options.layers())));
    }
    if (!options.histogramLayers().isAll()) {
      words.addAll(List.of("--histogram-layers",
          SummaryProvenance.spec(options.histogramLayers())));
    }
    words.addAll(List.of("--out", options.out().toString()));
    if (!options.figures()) {
      words.add("--no-figures");
    }
    if (!options.facet().equals(CurveFacets.AUTO)) {
      words.addAll(List.of("--facet", options.facet()));
    }
    List<String> quoted = new ArrayList<>();
    for (String w : words) {
      quoted.add(w.matches("[A-Za-z0-9_./:,=+@%-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
    }
    return String.join(" ", quoted);
  }

  /**
   * Refuses a folder one of whose waves holds fewer (or more) layers rows than its cells wrote
   * (their {@code records}): a file lost or deleted since the sweep committed the wave would
   * leave seeds out of the summary without a word. Counts per wave, which read the files' row
   * counts only; a wave without cells rows (one being written) is not judged.
   */
  private static void refuseDamagedWaves(SparkSession spark, Dataset<Row> layers,
      List<Row> cells, List<String> sweeps) {
    if (cells.isEmpty() || !List.of(cells.get(0).schema().fieldNames()).contains("records")) {
      return; // a layout before the records column
    }
    Map<List<Integer>, Long> written = new TreeMap<>(SummarizeJob::compareKeys);
    for (Row r : cells) {
      int records = r.fieldIndex("records");
      if (!r.isNullAt(records)) {
        written.merge(List.of(r.getInt(r.fieldIndex("source")), r.getInt(r.fieldIndex("wave"))),
            (long) r.getInt(records), Long::sum);
      }
    }
    Map<List<Integer>, Long> present = new TreeMap<>(SummarizeJob::compareKeys); // first named
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

  /** The distinct cells each folder holds (reruns once; a cell a later folder also holds too). */
  private static long[] cellsPerFolder(List<Row> cells, int folders) {
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
   * Says so when a folder holds fewer cells than its sweep.json lists (a sweep interrupted, or
   * still running): its summary then lacks seeds, or whole configurations, without a word.
   */
  private static void warnIfIncomplete(SparkSession spark, List<String> sweeps, long[] found,
      PrintStream log) throws IOException {
    for (int source = 0; source < sweeps.size(); source++) {
      org.apache.hadoop.fs.Path manifest =
          new org.apache.hadoop.fs.Path(sweeps.get(source), "sweep.json");
      FileSystem fs = manifest.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Map<String, String> writer = SweepLock.holder(fs, manifest.getParent());
      if (writer != null) {
        log.println("summarize: note: a sweep run (host " + writer.getOrDefault("host", "?")
            + ", pid " + writer.getOrDefault("pid", "?") + ") is writing " + sweeps.get(source)
            + " or was stopped without its end; this summary has the cells committed so far");
      }
      String text = manifestText(fs, manifest);
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

  /**
   * A folder's sweep.json, or null when it has none or it cannot be read or parsed (the tables
   * are what counts then).
   */
  private static String manifestText(FileSystem fs, org.apache.hadoop.fs.Path manifest) {
    try (InputStream in = fs.open(manifest)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Manifest.cells(text); // parses: a damaged one is as good as none
      return text;
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Refuses, before any layer row is read, a configuration whose seeds come from folders whose
   * manifests bin its histograms differently ({@link FolderBins}).
   */
  private static void refuseMixedBins(SparkSession spark, List<String> sweeps, List<Row> cells)
      throws IOException {
    if (sweeps.size() < 2) {
      return;
    }
    List<Map<String, String>> bins = new ArrayList<>();
    for (String folder : sweeps) {
      org.apache.hadoop.fs.Path manifest = new org.apache.hadoop.fs.Path(folder, "sweep.json");
      String text = manifestText(manifest.getFileSystem(
          spark.sparkContext().hadoopConfiguration()), manifest);
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

  /** One row per cell: the one from the last folder, then the highest wave. */
  static List<Row> latestCells(List<Row> cells) {
    Map<String, Row> latest = new LinkedHashMap<>();
    for (Row r : cells) {
      String key = SourceTable.key(r.getString(r.fieldIndex("sweep")),
          r.getString(r.fieldIndex("cell_id")));
      Row seen = latest.get(key);
      if (seen == null || later(r, seen)) {
        latest.put(key, r);
      }
    }
    return new ArrayList<>(latest.values());
  }

  private static boolean later(Row a, Row b) {
    int source = Integer.compare(a.getInt(a.fieldIndex("source")),
        b.getInt(b.fieldIndex("source")));
    return source != 0 ? source > 0
        : a.getInt(a.fieldIndex("wave")) > b.getInt(b.fieldIndex("wave"));
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

  /** The theory rows, one per (sweep, configuration, layer): the last folder's; empty if none. */
  private static List<Row> latestTheory(Dataset<Row> theory) {
    if (theory == null) {
      return List.of();
    }
    Map<String, Row> latest = new LinkedHashMap<>();
    for (Row r : theory.collectAsList()) {
      String key = TheoryJoin.key(r.getString(r.fieldIndex("sweep")),
          r.getString(r.fieldIndex("config_id")), r.getInt(r.fieldIndex("layer")));
      Row seen = latest.get(key);
      if (seen == null
          || r.getInt(r.fieldIndex("source")) > seen.getInt(seen.fieldIndex("source"))) {
        latest.put(key, r);
      }
    }
    return new ArrayList<>(latest.values());
  }

  /** The double columns of each theory row, by {@link TheoryJoin#key}. */
  private static Map<String, Map<String, Double>> theoryValues(List<Row> theory) {
    Map<String, Map<String, Double>> values = new HashMap<>();
    for (Row r : theory) {
      Map<String, Double> row = new HashMap<>();
      for (int i = 0; i < r.size(); i++) {
        if (r.get(i) instanceof Double d) {
          row.put(r.schema().fields()[i].name(), d);
        }
      }
      values.put(TheoryJoin.key(r.getString(r.fieldIndex("sweep")),
          r.getString(r.fieldIndex("config_id")), r.getInt(r.fieldIndex("layer"))), row);
    }
    return values;
  }

  private static SummaryTable cellsTable(Dataset<Row> source, List<Row> cells,
      Map<String, Configuration> configs, List<String> parameterNames) {
    List<sigprop.report.Column> columns = withoutSource(source);
    List<Object[]> rows = new ArrayList<>();
    cells.forEach(r -> rows.add(SparkColumns.values(r, columns)));
    return SourceTable.build("cells", "cell: one seed of one configuration, as the sweep ran it",
        columns, rows, configs, List.of("seed", "cell_id"),
        SourceDescriptions.cells(parameterNames));
  }

  private static SummaryTable theoryTable(Dataset<Row> source, List<Row> theory,
      Map<String, Configuration> configs, LayerSelection layers) {
    List<sigprop.report.Column> columns = new ArrayList<>(source == null
        ? SparkColumns.of(TheoryTableRows.SCHEMA) : withoutSource(source));
    columns.removeIf(c -> c.name().equals("wave"));
    List<Object[]> rows = new ArrayList<>();
    for (Row r : theory) {
      // The layers --layers keeps, as in layers.csv (a configuration not summarized: all).
      Configuration c = configs.get(SourceTable.key(r.getAs("sweep"), r.getAs("config_id")));
      if (c == null || layers.keeps(r.<Integer>getAs("layer"), c.depth())) {
        rows.add(SparkColumns.values(r, columns));
      }
    }
    return SourceTable.build("theory", "configuration and hidden layer: the predictions at"
        + " initialization", columns, rows, configs, List.of("layer"),
        SourceDescriptions.theory());
  }

  private static List<sigprop.report.Column> withoutSource(Dataset<Row> table) {
    List<sigprop.report.Column> columns = new ArrayList<>(SparkColumns.of(table.schema()));
    columns.removeIf(c -> c.name().equals("source"));
    return columns;
  }

  /**
   * An experiment none of whose cells is ok has no averages and no figures at all (a figure
   * needs one line to draw): says so, rather than leaving a user to wonder where they went.
   */
  private static void noteExperimentsWithoutOkCells(List<Configuration> configs,
      PrintStream log) {
    Map<String, StatusCounts> byExperiment = new LinkedHashMap<>();
    for (Configuration c : configs) {
      byExperiment.merge(c.sweep() + "/" + c.experiment(), c.counts(), StatusCounts::plus);
    }
    byExperiment.forEach((experiment, n) -> {
      if (n.ok() == 0) {
        log.println("summarize: note: experiment " + experiment + " has no ok cell (" + n.seeds()
            + " cells: " + n.diverged() + " diverged, " + n.failed() + " failed): none is"
            + " averaged or drawn; cells.csv gives each cell's status and message");
      }
    });
  }

  private static String describe(List<Row> cells, List<Configuration> configs,
      List<String> experiments, SummarizeOptions options) {
    int ok = 0;
    int diverged = 0;
    int failed = 0;
    for (Configuration c : configs) {
      ok += c.counts().ok();
      diverged += c.counts().diverged();
      failed += c.counts().failed();
    }
    return String.format(Locale.ROOT, "%d cells in %d configuration%s (%d ok, %d diverged, %d"
        + " failed); experiments %s; sites %s; layers %s%s; from %s", cells.size(),
        configs.size(), configs.size() == 1 ? "" : "s", ok, diverged, failed, experiments,
        options.sites().isEmpty() ? "all" : options.sites(), options.layers(),
        options.histogramLayers().isAll() ? ""
            : " (histograms " + options.histogramLayers() + ")", options.sweeps());
  }
}
