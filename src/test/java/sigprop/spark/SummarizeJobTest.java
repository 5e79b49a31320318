package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sigprop.experiment.CellResult;
import sigprop.experiment.CellRunner;
import sigprop.experiment.CellSpec;
import sigprop.experiment.CellStatus;
import sigprop.experiment.SweepPlan;
import sigprop.report.CsvReader;
import sigprop.report.Table;
import sigprop.summary.LayerSelection;
import sigprop.summary.LayerStatisticsTable;
import sigprop.summary.SummaryProvenance;

/**
 * The summarizer end to end on a tiny real sweep (2 inits × 2 norms × 3 seeds, depth 4) plus an
 * injected failed cell with absurd values in a second wave. Leaves its summary in
 * target/summarize-test/tiny/summary, where .ci/run plots it with gnuplot.
 */
class SummarizeJobTest extends SharedSparkSession {
  static final String YAML = String.join("\n",
      "sweep: tiny",
      "input: {batch: 8, width: 8}",
      "network: {width: 8, depth: 4, activation: tanh}",
      "record: {sites: [pre_activation, output, output_gradient, weight]}",
      "grid: {init: [normal, xavier_normal], norm: [none, batch]}",
      "seeds: 3",
      "");
  static final Path ROOT = Path.of("target", "summarize-test");
  static final Path SWEEP = ROOT.resolve("tiny");
  static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true,
      StandardCharsets.UTF_8);

  static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  /** The injected failed cell's message: an exception's text, with a comma, quotes, breaks. */
  static final String INJECTED_MESSAGE = "java.lang.IllegalStateException: injected, \"W\"\n"
      + "\tat sigprop.Injected.run(Injected.java:1)";

  static SweepPlan plan;
  static CellSpec failed;
  static SummarizeJob.Result result;

  @BeforeAll
  static void sweepAndSummarize() throws Exception {
    deleteTree(ROOT);
    plan = TestSweeps.write(spark, YAML, SWEEP);
    failed = plan.cells().get(0).withSeed(99);
    injectFailedCell(failed);
    result = SummarizeJob.run(spark, options(SWEEP.resolve("summary"), false, true,
        LayerSelection.ALL, List.of()), new PrintStream(LOG, true, StandardCharsets.UTF_8));
  }

  /**
   * A cell of configuration 0 that failed, with means and variances far off, in a wave of its
   * own (as a rerun sweep would add it), and one whose wave was interrupted before its cells row.
   */
  private static void injectFailedCell(CellSpec cell) {
    CellResult ran = CellRunner.run(cell);
    CellResult result = new CellResult(cell, CellStatus.FAILED, INJECTED_MESSAGE, ran.losses(),
        ran.wallSeconds(), ran.records());
    List<Row> rows = new ArrayList<>();
    int mean = LayerTable.SCHEMA.fieldIndex("mean");
    int variance = LayerTable.SCHEMA.fieldIndex("variance");
    for (Row r : LayerTable.rows(result)) {
      Object[] v = new Object[r.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.get(i);
      }
      v[mean] = 1e3;
      v[variance] = 1e6;
      rows.add(RowFactory.create(v));
    }
    TestSweeps.append(spark, rows, LayerTable.SCHEMA, SWEEP.resolve("layers/wave=99"));
    // An interrupted wave: layers written, cells not. Its rows must not count.
    CellResult interrupted = CellRunner.run(cell.withSeed(98));
    TestSweeps.append(spark, LayerTable.rows(interrupted), LayerTable.SCHEMA,
        SWEEP.resolve("layers/wave=98"));
    // ...by another build.
    TestSweeps.append(spark, List.of(CellTable.row(result, plan.configHash(),
        "0.1.0+000000000000")), CellTable.SCHEMA, SWEEP.resolve("cells/wave=99"));
  }

  static SummarizeOptions options(Path out, boolean overwrite, boolean figures,
      LayerSelection layers, List<String> sites) {
    return new SummarizeOptions(List.of(SWEEP.toString()), List.of(), sites, layers,
        LayerSelection.ALL, out, overwrite, figures, null, null);
  }

  static Table layersCsv(Path summary) throws IOException {
    List<sigprop.report.Column> columns = LayerStatisticsTable.build(List.of(),
        SparkColumns.of(ParameterColumns.fields())).table().columns();
    return CsvReader.read(summary.resolve("layers.csv"), columns);
  }

  /** The index of the row of configuration 0 (the one with the failed cell) at layer, site. */
  static int row(Table t, String configId, int layer, String site) {
    for (int i = 0; i < t.rowCount(); i++) {
      if (t.getString(i, t.columnIndex("config_id")).equals(configId)
          && t.getLong(i, t.columnIndex("layer")) == layer
          && t.getString(i, t.columnIndex("site")).equals(site)) {
        return i;
      }
    }
    throw new AssertionError("no row " + configId + " " + layer + " " + site);
  }

  @Test
  void cellsOfSeveralBuildsAreNoted() {
    assertTrue(LOG.toString(StandardCharsets.UTF_8).contains("summarize: note: the cells come"
        + " from 2 builds (0.1.0+000000000000, test); cells.csv's code_version tells which"),
        () -> LOG.toString(StandardCharsets.UTF_8));
  }

  /**
   * The failed cell's message keeps its line breaks in the Parquet and is one line in cells.csv,
   * one physical line per cell: gnuplot took each half of a quoted line break for a row and
   * dropped both. Its double quotes are single there, which gnuplot cannot misread.
   */
  @Test
  void aMultiLineMessageIsOneLineInCellsCsv() throws IOException {
    assertEquals(INJECTED_MESSAGE, spark.read().parquet(SWEEP.resolve("cells").toString())
        .filter("status = 'failed'").first().getAs("message"));
    Path cells = result.folder().resolve("cells.csv");
    List<String> lines = Files.readAllLines(cells, StandardCharsets.UTF_8);
    List<List<String>> records;
    try (var reader = Files.newBufferedReader(cells, StandardCharsets.UTF_8)) {
      records = CsvReader.readRecords(reader);
    }
    assertEquals(records.size(), lines.size(), "one physical line per record");
    int message = records.get(0).indexOf("message");
    int status = records.get(0).indexOf("status");
    List<List<String>> failedRows = records.stream()
        .filter(r -> r.get(status).equals("failed")).toList();
    assertEquals(1, failedRows.size());
    assertEquals(records.get(0).size(), failedRows.get(0).size());
    assertEquals("java.lang.IllegalStateException: injected, 'W'"
        + " | at sigprop.Injected.run(Injected.java:1)", failedRows.get(0).get(message));
  }

  @Test
  void failedCellIsCountedButNotAveraged() throws IOException {
    Table t = layersCsv(result.folder());
    int i = row(t, failed.configId(), 2, "output");
    assertEquals(4, t.getLong(i, t.columnIndex("n_seeds")));
    assertEquals(3, t.getLong(i, t.columnIndex("n_ok")));
    assertEquals(1, t.getLong(i, t.columnIndex("n_failed")));
    assertEquals(4, t.getLong(i, t.columnIndex("n_rows")));
    assertEquals(3, t.getLong(i, t.columnIndex("n_used")));
    // The mean of the three ok seeds' variances, straight from the Parquet rows of wave 0 (the
    // interrupted wave 98 also holds an ok cell: n_rows and n_used above left it out).
    List<Row> ok = spark.read().parquet(SWEEP.resolve("layers").toString())
        .filter("config_id = '" + failed.configId() + "' and layer = 2 and site = 'output'"
            + " and status = 'ok' and wave = 0").collectAsList();
    assertEquals(3, ok.size());
    double[] v = ok.stream().sorted(Comparator.comparingLong(r -> r.getLong(r.fieldIndex("seed"))))
        .mapToDouble(r -> r.getDouble(r.fieldIndex("variance"))).toArray();
    assertEquals((v[0] + v[1] + v[2]) / 3, t.getDouble(i, t.columnIndex("variance_mean")),
        1e-15);
    assertTrue(t.getDouble(i, t.columnIndex("mean_ci_hi")) < 1, "the failed cell's 1e3 is out");
    assertEquals(3 * 8 * 8, t.getLong(i, t.columnIndex("pooled_count")));
    assertEquals(13, result.cells());
    assertEquals(4, result.configurations());
  }

  @Test
  void gradientTheoryIsAnchoredAtTheTopHiddenLayer() throws IOException {
    Table t = layersCsv(result.folder());
    for (CellSpec c : List.of(plan.cells().get(0), plan.cells().get(9))) {
      int top = row(t, c.configId(), 4, "output_gradient");
      assertEquals(t.getDouble(top, t.columnIndex("log10_variance_mean")),
          t.getDouble(top, t.columnIndex("theory_log10_variance")), 1e-12);
      int output = row(t, c.configId(), 1, "output");
      assertTrue(Double.isFinite(t.getDouble(output, t.columnIndex("theory_variance"))));
      int head = row(t, c.configId(), 5, "output");
      assertTrue(t.isMissing(head, t.columnIndex("theory_variance")), "no theory at the head");
    }
  }

  @Test
  void tablesSchemaAndFiguresAreWritten() throws IOException {
    Path summary = result.folder();
    for (String f : List.of("layers.csv", "histograms.csv", "cells.csv", "theory.csv",
        "schema.md")) {
      assertTrue(Files.size(summary.resolve(f)) > 100, f);
    }
    String schema = Files.readString(summary.resolve("schema.md"));
    assertTrue(schema.contains("`log10_variance_ci_hi`") && schema.contains("## histograms.csv"));
    // Booleans as R reads them as logical; the tiny sweep's hidden and head rows hold both.
    Table layers = layersCsv(summary);
    assertEquals(List.of("FALSE", "TRUE"),
        Stream.of(layers.strings("is_head")).distinct().sorted().toList());
    assertTrue(schema.contains("| `is_head` | boolean |"), schema);
    assertTrue(schema.contains("| `redraw_per_seed` | boolean |"), schema);
    List<Path> pngs;
    try (Stream<Path> files = Files.list(summary.resolve("figures"))) {
      pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
    }
    List<String> names = pngs.stream().map(p -> p.getFileName().toString()).toList();
    assertTrue(names.contains("tiny-variance-output.png"), names.toString());
    assertTrue(names.contains("tiny-variance-output_gradient.png"));
    assertTrue(names.contains("tiny-saturation.png"));
    // 4 configurations × (outputs, output gradients) histogram figures.
    assertEquals(8, names.stream().filter(n -> n.contains("-hist-")).count(), names.toString());
    for (Path png : pngs) {
      BufferedImage image = ImageIO.read(png.toFile());
      boolean curves = !png.toString().contains("-hist-");
      if (curves) {
        assertEquals(1000, image.getWidth(), png.toString());
      } else { // 800 wide, wider for a long title
        assertTrue(image.getWidth() >= 800 && image.getWidth() <= 2400, png + ": "
            + image.getWidth());
      }
      assertEquals(curves ? 560 : 500, image.getHeight());
      assertTrue(Files.size(png) > 5000);
      assertTrue(Files.size(Path.of(png.toString().replace(".png", ".svg"))) > 5000);
    }
  }

  /**
   * A summary folder found without the run's log said nothing of how it was made: schema.md
   * now opens with the command, what each table holds, every folder read with its config hash,
   * builds and cells by status, and the build and date of the summary.
   */
  @Test
  void schemaSaysHowTheSummaryWasMade() throws IOException {
    String schema = Files.readString(result.folder().resolve("schema.md"));
    assertTrue(schema.startsWith("# Summary tables\n\n" + SummaryProvenance.HEADING + "\n"),
        schema);
    assertTrue(schema.contains("```\nsigprop summarize " + SWEEP + " --out "
        + SWEEP.resolve("summary") + "\n```\n"), schema);
    assertTrue(schema.contains("- **layers.csv**: every site the sweeps recorded; layers `all`"
        + " (every layer): depth 4 (head 5): 1-5.\n"), schema);
    assertTrue(schema.contains("- **histograms.csv**: every layer layers.csv holds.\n"), schema);
    assertTrue(schema.contains("**cells.csv**: every cell of the experiment tiny, whatever its"
        + " status.\n"), schema);
    assertTrue(schema.contains("- **figures/**: drawn, variance and saturation figures split by"
        + " `--facet auto`.\n"), schema);
    // Configuration 0 holds the injected failed cell (seed 99) beside its three seeds.
    assertTrue(schema.contains("- Seeds per configuration: 3–4 cells pooled, 3 of them ok"
        + " (averaged), over 4 configurations.\n"), schema);
    // TestSweeps's cells are of build "test", the injected failed cell of another.
    assertTrue(schema.contains("| `" + SWEEP + "` | tiny | " + plan.configHash() + " |"
        + " 0.1.0+000000000000, test | 13 | 12 | 0 | 1 |\n"), schema);
    assertTrue(schema.matches("(?s).*Summarized by sigprop " + CodeVersion.get().replace("+",
        "\\+") + " on \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\.\n.*"),
        schema);

    // The same facts for scripts, in provenance.json beside it.
    JsonNode json = new ObjectMapper().readTree(result.folder().resolve("provenance.json")
        .toFile());
    assertTrue(schema.contains("```\n" + json.get("command").asText() + "\n```\n"), schema);
    assertEquals("[{\"depth\":4,\"head\":5,\"layers\":[1,2,3,4,5]}]",
        json.at("/tables/layers.csv").toString());
    assertEquals(json.at("/tables/layers.csv"), json.at("/tables/histograms.csv"));
    JsonNode folder = json.at("/sweep_folders/0");
    assertEquals(SWEEP.toString(), folder.get("folder").asText());
    assertEquals("[\"" + plan.configHash() + "\"]", folder.get("config_hashes").toString());
    assertEquals("[\"0.1.0+000000000000\",\"test\"]", folder.get("code_versions").toString());
    assertTrue(folder.get("sweep_json_rebuilt").isNull(), folder::toString);
    assertFalse(schema.contains("written again by `sweep --resume`"), schema);
    assertEquals("13 12 0 1", folder.get("cells") + " " + folder.get("ok") + " "
        + folder.get("diverged") + " " + folder.get("failed"));
    // Per configuration, in config_index order: the one with the failed cell pooled 4, 3 ok.
    List<String> pooled = new ArrayList<>();
    json.get("configurations").forEach(c -> pooled.add(c.get("config_index") + ":"
        + (c.get("config_id").asText().equals(failed.configId()) ? "failed's " : "")
        + c.get("cells") + "/" + c.get("ok")));
    assertEquals(4, pooled.size(), pooled::toString);
    for (int i = 0; i < pooled.size(); i++) {
      assertTrue(pooled.get(i).equals(i + ":3/3") || pooled.get(i).equals(i + ":failed's 4/3"),
          pooled::toString);
    }
    assertEquals(1, pooled.stream().filter(p -> p.contains("failed's")).count(),
        pooled::toString);
    assertEquals(CodeVersion.get(), json.get("build").asText());
    assertTrue(schema.contains(" on " + json.get("date").asText() + ".\n"), schema);
  }

  /**
   * A second run over the same input (with --overwrite) gives the same CSVs byte for byte, and
   * the same schema.md but its date.
   */
  @Test
  void aSecondRunWritesTheSameBytesButTheDate() throws Exception {
    Path out = ROOT.resolve("again");
    deleteTree(out);
    SummarizeJob.run(spark, options(out, false, false, LayerSelection.ALL, List.of()), QUIET);
    List<byte[]> first = new ArrayList<>();
    for (String f : List.of("layers.csv", "histograms.csv", "cells.csv", "theory.csv")) {
      first.add(Files.readAllBytes(out.resolve(f)));
    }
    String firstSchema = withoutDate(Files.readString(out.resolve("schema.md")));
    String firstJson = withoutJsonDate(Files.readString(out.resolve("provenance.json")));
    SummarizeJob.run(spark, options(out, true, false, LayerSelection.ALL, List.of()), QUIET);
    int i = 0;
    for (String f : List.of("layers.csv", "histograms.csv", "cells.csv", "theory.csv")) {
      assertArrayEquals(first.get(i++), Files.readAllBytes(out.resolve(f)), f);
    }
    assertEquals(firstSchema, withoutDate(Files.readString(out.resolve("schema.md"))));
    assertEquals(firstJson, withoutJsonDate(Files.readString(out.resolve("provenance.json"))));
  }

  private static String withoutJsonDate(String json) {
    String replaced = json.replaceAll("\"date\" : \"[0-9T:-]+Z\"", "\"date\" : DATE");
    assertFalse(replaced.equals(json), "the date is there: " + json);
    return replaced;
  }

  private static String withoutDate(String schema) {
    String replaced = schema.replaceAll(" on \\d{4}-[0-9T:-]+Z\\.", " on DATE.");
    assertFalse(replaced.equals(schema), "the date is there");
    return replaced;
  }

  @Test
  void histogramCountsAddUpToThePooledCount() throws IOException {
    Table t = layersCsv(result.folder());
    int i = row(t, failed.configId(), 3, "output_gradient");
    long pooled = t.getLong(i, t.columnIndex("pooled_count"));
    List<String> lines = Files.readAllLines(result.folder().resolve("histograms.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    long sum = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (f[header.indexOf("config_id")].equals(failed.configId())
          && f[header.indexOf("layer")].equals("3")
          && f[header.indexOf("site")].equals("output_gradient")) {
        sum += Long.parseLong(f[header.indexOf("count")]);
        assertEquals("log10|value|", f[header.indexOf("axis")]);
      }
    }
    assertEquals(pooled, sum);
  }

  @Test
  void aSweepWithFewerCellsThanItsManifestListsIsSaidToBeIncomplete() throws Exception {
    Path partial = ROOT.resolve("partial");
    deleteTree(partial);
    Files.createDirectories(partial);
    copyTree(SWEEP.resolve("cells"), partial.resolve("cells"));
    copyTree(SWEEP.resolve("layers"), partial.resolve("layers"));
    Files.writeString(partial.resolve("sweep.json"), "{\"sweep\": \"tiny\", \"cells\": 99}");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, SummarizeCommand.run(new String[] {partial.toString(), "--no-figures"},
        new PrintStream(out, true, StandardCharsets.UTF_8), QUIET));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("summarize: warning: " + partial + " holds " + result.cells()
        + " of the 99 cells its sweep.json lists"), text);
    // A complete one says nothing of the kind.
    Files.writeString(partial.resolve("sweep.json"), "{\"cells\": " + result.cells() + "}");
    out.reset();
    assertEquals(0, SummarizeCommand.run(new String[] {partial.toString(), "--no-figures",
        "--overwrite"}, new PrintStream(out, true, StandardCharsets.UTF_8), QUIET));
    assertFalse(out.toString(StandardCharsets.UTF_8).contains("warning"), out::toString);
    // Nor does a complete folder whose cells a later folder also holds (they supersede them).
    Path copy = ROOT.resolve("partial-copy");
    deleteTree(copy);
    Files.createDirectories(copy);
    copyTree(partial.resolve("cells"), copy.resolve("cells"));
    copyTree(partial.resolve("layers"), copy.resolve("layers"));
    Files.copy(partial.resolve("sweep.json"), copy.resolve("sweep.json"));
    out.reset();
    assertEquals(0, SummarizeCommand.run(new String[] {partial.toString(), copy.toString(),
        "--out", ROOT.resolve("partial-both").toString(), "--no-figures", "--overwrite"},
        new PrintStream(out, true, StandardCharsets.UTF_8), QUIET));
    assertFalse(out.toString(StandardCharsets.UTF_8).contains("holds"), out::toString);
  }

  /**
   * One configuration's seeds in two folders of one sweep whose histograms are binned
   * differently: refused before the job, naming both folders (it failed in Spark with ~200 lines
   * of traces); the same bins pool as before.
   */
  @Test
  void foldersThatBinAConfigurationsSeedsDifferentlyAreRefused() throws Exception {
    String one = YAML.replace("seeds: 3", "seeds: [0]")
        .replace("grid: {init: [normal, xavier_normal], norm: [none, batch]}", "");
    Path plain = folder("bins-plain", one);
    Path alike = folder("bins-alike", one.replace("seeds: [0]", "seeds: [1]"));
    Path linear = folder("bins-linear", one.replace("seeds: [0]", "seeds: [1]").replace(
        "weight]}", "weight], histogram: {sites: {output_gradient: {range: [-0.01, 0.01]}}}}"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, SummarizeCommand.run(new String[] {plain.toString(), linear.toString(),
        "--out", ROOT.resolve("bins-summary").toString(), "--no-figures"}, QUIET,
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains(" come from " + plain + " and " + linear + ", which bin histograms"
        + " differently") && text.contains("nothing written"), text);
    assertFalse(Files.exists(ROOT.resolve("bins-summary")),
        "nothing written (the folder made before the work is removed again)");
    assertEquals(0, SummarizeCommand.run(new String[] {plain.toString(), alike.toString(),
        "--out", ROOT.resolve("bins-summary").toString(), "--no-figures"}, QUIET, QUIET));
    // Pooled: schema.md names each folder with its config hash, build and cells.
    String schema = Files.readString(ROOT.resolve("bins-summary/schema.md"));
    for (Path folder : List.of(plain, alike)) {
      String hash = Manifest.configHash(Files.readString(folder.resolve("sweep.json")));
      // TestSweeps writes its cells as build "test".
      assertTrue(schema.contains("| `" + folder + "` | tiny | " + hash + " | test | 1 | 1 | 0"
          + " | 0 |\n"), schema);
    }
    assertTrue(schema.contains("sigprop summarize " + plain + " " + alike + " --out "
        + ROOT.resolve("bins-summary") + " --no-figures\n"), schema);
    assertTrue(schema.contains("- Seeds per configuration: 2 cells pooled, 2 of them ok"
        + " (averaged), over 1 configuration.\n"), schema);
  }

  /** A sweep of this config written into a folder under ROOT, with its sweep.json. */
  private static Path folder(String name, String yaml) throws Exception {
    Path folder = ROOT.resolve(name);
    deleteTree(folder);
    SweepPlan p = TestSweeps.write(spark, yaml, folder);
    Files.writeString(folder.resolve("sweep.json"), Manifest.of(p));
    return folder;
  }

  /**
   * A sweep folder of table layout 2 (ids without their letter) beside a copy of layout 3: the
   * same cells, counted once, in the same configurations.
   */
  @Test
  void idsOfAnOlderLayoutMatchTheirNewForm() throws Exception {
    Path legacy = ROOT.resolve("legacy");
    deleteTree(legacy);
    for (String table : List.of("cells", "layers", "theory")) {
      spark.read().parquet(SWEEP.resolve(table).toString())
          .withColumn("config_id", org.apache.spark.sql.functions.expr("substring(config_id, 2)"))
          .transform(d -> List.of(d.columns()).contains("cell_id")
              ? d.withColumn("cell_id",
                  org.apache.spark.sql.functions.expr("substring(cell_id, 2)"))
              : d)
          .write().partitionBy(table.equals("theory") ? new String[0] : new String[] {"wave"})
          .parquet(legacy.resolve(table).toString());
    }
    assertTrue(spark.read().parquet(legacy.resolve("cells").toString()).first()
        .<String>getAs("cell_id").matches("[0-9a-f]{16}"), "written as layout 2 wrote them");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Path both = ROOT.resolve("legacy-both");
    assertEquals(0, SummarizeCommand.run(new String[] {legacy.toString(), SWEEP.toString(),
        "--out", both.toString(), "--no-figures", "--overwrite"},
        new PrintStream(out, true, StandardCharsets.UTF_8), QUIET));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("summarize: " + result.cells() + " cells in "), text);
    Table t = layersCsv(both);
    assertTrue(Stream.of(t.strings("config_id")).allMatch(id -> id.matches("g[0-9a-f]{16}")));
    assertEquals(Stream.of(layersCsv(result.folder()).strings("config_id")).distinct().count(),
        Stream.of(t.strings("config_id")).distinct().count());
  }

  @Test
  void anEmptiedTableOrALayerSelectionOfNothingIsOneLineAndExitTwo() throws Exception {
    Path damaged = ROOT.resolve("damaged");
    deleteTree(damaged);
    Files.createDirectories(damaged);
    copyTree(SWEEP.resolve("cells"), damaged.resolve("cells"));
    copyTree(SWEEP.resolve("layers"), damaged.resolve("layers"));
    Files.createDirectories(damaged.resolve("theory")); // empty: as if absent
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(2, SummarizeCommand.run(new String[] {damaged.toString(), "--layers", "1000",
        "--no-figures"}, QUIET, errors), err::toString);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--layers [1000] selects no layer"),
        err::toString);
    assertFalse(Files.exists(damaged.resolve("summary/layers.csv")));
    err.reset(); // a site the config did not record: no empty tables either
    assertEquals(2, SummarizeCommand.run(new String[] {damaged.toString(), "--site",
        "weight_gradient", "--no-figures"}, QUIET, errors), err::toString);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--site weight_gradient selects no"
        + " layer rows"), err::toString);
    assertFalse(Files.exists(damaged.resolve("summary/layers.csv")));
    deleteTree(damaged.resolve("cells"));
    Files.createDirectories(damaged.resolve("cells/wave=0"));
    err.reset();
    assertEquals(2, SummarizeCommand.run(new String[] {damaged.toString(), "--no-figures"},
        QUIET, errors), err::toString);
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("has no cells table") && text.contains("an empty folder is no"
        + " table"), text);
    assertEquals(1, text.strip().lines().count(), "one line, no stack trace: " + text);
  }

  /**
   * Cells that really diverge (relu, N(0, 100) weights, width 32: Var grows 1600-fold a layer
   * and the loss overflows at depth 200) are
   * kept in cells.csv with their status and message, counted and not averaged; an experiment
   * with no ok cell says so, where it left a summary without a figure and without a word.
   */
  @Test
  void anExperimentWhoseCellsAllDivergedIsKeptCountedAndNoted() throws Exception {
    Path sweep = ROOT.resolve("diverged");
    deleteTree(sweep);
    TestSweeps.write(spark, String.join("\n",
        "sweep: diverged",
        "input: {batch: 8, width: 32}",
        "network: {width: 32, depth: 200, activation: relu, classes: 4}",
        "record: {sites: [output]}",
        "grid: {init: [{scheme: normal, std: 10}]}",
        "seeds: 2",
        ""), sweep);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    assertEquals(0, SummarizeCommand.run(new String[] {sweep.toString()},
        new PrintStream(log, true, StandardCharsets.UTF_8), QUIET), log::toString);
    String text = log.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("2 cells in 1 configuration (0 ok, 2 diverged, 0 failed)"), text);
    assertTrue(text.contains("note: experiment diverged/diverged has no ok cell (2 cells:"
        + " 2 diverged, 0 failed): none is averaged or drawn"), text);
    List<String> cells = Files.readAllLines(sweep.resolve("summary/cells.csv"));
    assertEquals(3, cells.size(), "both cells kept: " + cells);
    assertTrue(cells.get(0).contains(",status,message,"), cells.get(0));
    for (String row : cells.subList(1, 3)) { // the message holds a comma: quoted
      assertTrue(row.contains(",diverged,\"") && row.contains("non-finite loss\","), row);
    }
    Table t = layersCsv(sweep.resolve("summary"));
    for (int i = 0; i < t.rowCount(); i++) {
      assertEquals(2, t.getLong(i, t.columnIndex("n_diverged")));
      assertEquals(0, t.getLong(i, t.columnIndex("n_used")));
      assertTrue(Double.isNaN(t.getDouble(i, t.columnIndex("log10_variance_mean"))));
    }
    assertFalse(Files.exists(sweep.resolve("summary/figures/diverged-variance-output.png")));
  }

  /**
   * jobs/plot-variance.gp on this summary (configuration 2 has a failed seed): its legend says
   * which line leaves a seed out, as summarize's own figures do. It listed the line as if from
   * every seed, and a configuration with no ok seed as a legend entry with no line and no word.
   */
  @Test
  void theGnuplotScriptsLegendSaysWhichSeedsALineLeavesOut() throws Exception {
    assumeTrue(Stream.of(System.getenv("PATH").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, "gnuplot"))), "gnuplot is not installed");
    Path svg = ROOT.resolve("plot-variance-output.svg");
    Process gnuplot = new ProcessBuilder("gnuplot", "-c", "jobs/plot-variance.gp",
        SWEEP.resolve("summary/layers.csv").toString(), svg.toString(), "output")
        .redirectErrorStream(true).start();
    String log = new String(gnuplot.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, gnuplot.waitFor(), log);
    String legend = Files.readString(svg);
    assertTrue(legend.contains("<text>norm=none init=normal(std=1.0) (3 of 4 seeds ok, 1 failed)"
        + "</text>"), legend);
    assertTrue(legend.contains("<text>norm=batch init=normal(std=1.0)</text>"), legend);
    assertEquals(1, java.util.regex.Pattern.compile("seeds ok[^<]*</text>").matcher(legend)
        .results().count(), "only one legend entry leaves a seed out");
  }

  /**
   * A folder's URI as Java writes it ({@code %20} for a space) names, for Spark, another
   * folder: the refusal says why, rather than only that no table is there.
   */
  @Test
  void aFolderUriWithAnEscapedSpaceIsRefusedSayingHowToWriteIt() throws Exception {
    Path spaced = ROOT.resolve("a sweep");
    deleteTree(spaced);
    Files.createDirectories(spaced);
    copyTree(SWEEP.resolve("cells"), spaced.resolve("cells"));
    copyTree(SWEEP.resolve("layers"), spaced.resolve("layers"));
    String uri = spaced.toAbsolutePath().toUri().toString();
    assertTrue(uri.contains("a%20sweep"), uri);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, SummarizeCommand.run(new String[] {uri, "--no-figures", "--out",
        ROOT.resolve("spaced-summary").toString()}, QUIET,
        new PrintStream(err, true, StandardCharsets.UTF_8)), err::toString);
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("has no cells table") && text.contains("a %xx escape in a folder is"
        + " read as written"), text);
  }

  @Test
  void existingSummaryIsRefusedUnlessOverwritingThenReplacedByAFilteredOne() throws Exception {
    Path copy = SWEEP.resolve("copy");
    copyTree(result.folder(), copy);
    SummarizeOptions filtered = options(copy, false, false, LayerSelection.parse("every:2"),
        List.of("output"));
    assertThrows(FileAlreadyExistsException.class,
        () -> SummarizeJob.run(spark, filtered, QUIET));
    assertEquals(2, SummarizeCommand.run(new String[] {SWEEP.toString(), "--out",
        copy.toString()}, QUIET, QUIET));
    Table before = layersCsv(copy);
    SummarizeJob.run(spark, options(copy, true, false, filtered.layers(), filtered.sites()),
        QUIET);
    Table t = layersCsv(copy);
    TreeSet<Long> layers = new TreeSet<>();
    TreeSet<String> sites = new TreeSet<>();
    for (int i = 0; i < t.rowCount(); i++) {
      layers.add(t.getLong(i, t.columnIndex("layer")));
      sites.add(t.getString(i, t.columnIndex("site")));
    }
    assertEquals(List.of(1L, 3L, 4L, 5L), List.copyOf(layers), "1, 1+2, L = 4, head 5");
    assertEquals(List.of("output"), List.copyOf(sites));
    assertTrue(t.rowCount() < before.rowCount());
    TreeSet<Integer> theoryLayers = new TreeSet<>();
    List<String> theoryLines = Files.readAllLines(copy.resolve("theory.csv"));
    int layerColumn = List.of(theoryLines.get(0).split(",")).indexOf("layer");
    theoryLines.stream().skip(1)
        .forEach(l -> theoryLayers.add(Integer.parseInt(l.split(",")[layerColumn])));
    assertEquals(List.of(1, 3, 4), List.copyOf(theoryLayers), "theory.csv keeps the same layers");
    assertFalse(Files.exists(copy.resolve("figures/tiny-saturation.png")),
        "figures of the earlier run are gone with --no-figures");
    String schema = Files.readString(copy.resolve("schema.md"));
    assertTrue(schema.startsWith("# Summary tables\n"), schema);
    assertEquals(1, schema.split(SummaryProvenance.HEADING, -1).length - 1, schema);
    assertTrue(schema.contains(" --site output --layers every:2 --out " + copy
        + " --no-figures\n"), schema);
    assertTrue(schema.contains("layers `every:2` (layers 1, 1+2, 1+2·2, … plus the top hidden"
        + " layer L and the head L+1): depth 4 (head 5): 1, 3-5.\n"), schema);
    assertTrue(schema.contains("- **figures/**: none (`--no-figures`)."), schema);
    assertFalse(schema.contains("layers `all`"), "the earlier run's account is replaced");
  }

  /**
   * A 500-layer net's histograms.csv ran to 600,000 rows and 90 MB per two configurations while
   * its curves want every layer: --histogram-layers keeps layers.csv whole and histograms.csv
   * (and the histogram figures) to the layers chosen.
   */
  @Test
  void histogramLayersThinHistogramsOnly() throws Exception {
    Path out = ROOT.resolve("histogram-layers");
    deleteTree(out);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8);
    assertEquals(0, SummarizeCommand.run(new String[] {SWEEP.toString(), "--out", out.toString(),
        "--site", "output", "--histogram-layers", "spread:2"}, print, print), log.toString());
    assertTrue(log.toString().contains("layers all (histograms spread:2)"), log.toString());
    Table t = layersCsv(out);
    TreeSet<Long> curveLayers = new TreeSet<>();
    for (int i = 0; i < t.rowCount(); i++) {
      curveLayers.add(t.getLong(i, t.columnIndex("layer")));
    }
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), List.copyOf(curveLayers));
    List<String> lines = Files.readAllLines(out.resolve("histograms.csv"));
    int layer = List.of(lines.get(0).split(",")).indexOf("layer");
    TreeSet<Integer> histogramLayers = new TreeSet<>();
    // No field before layer holds a comma (labels write theirs as spaces): split reads it.
    lines.stream().skip(1)
        .forEach(l -> histogramLayers.add(Integer.parseInt(l.split(",", -1)[layer])));
    assertEquals(List.of(1, 4), List.copyOf(histogramLayers), "the first and last hidden layer");
    // schema.md says so, for whoever finds the folder without the run's log.
    String schema = Files.readString(out.resolve("schema.md"));
    assertTrue(schema.contains("sigprop summarize " + SWEEP + " --site output --histogram-layers"
        + " spread:2 --out " + out + "\n"), schema);
    assertTrue(schema.contains("- **layers.csv**: the site output; layers `all` (every layer):"
        + " depth 4 (head 5): 1-5.\n"), schema);
    assertTrue(schema.contains("- **histograms.csv**: of those, layers `spread:2` (2 evenly"
        + " spaced of the hidden layers layers.csv holds, first and last included): depth 4"
        + " (head 5): 1, 4.\n"), schema);
    assertTrue(Files.exists(
        out.resolve("figures/tiny-hist-output-c0-norm_batch_init_normal_std_1.0.png")));

    log.reset();
    Path none = ROOT.resolve("histogram-layers-none");
    deleteTree(none);
    assertEquals(2, SummarizeCommand.run(new String[] {SWEEP.toString(), "--out",
        none.resolve("of/tiny").toString(), "--layers", "spread:2", "--histogram-layers", "2-3"},
        print, print));
    assertTrue(log.toString().contains("--histogram-layers [2, 3] selects none of the layers"
        + " summarized"), log.toString());
    assertTrue(log.toString().contains("--layers spread:2 keeps"), log.toString());
    // The folders made before Spark started are removed again, the parents made with it too
    // (a nested --out left them behind), and none that was there before.
    assertFalse(Files.exists(none), "histogram-layers-none/of/tiny and its parents made for it");
    assertTrue(Files.isDirectory(ROOT), "a folder that was there is kept");
  }

  /**
   * A damaged sweep folder: a truncated Parquet file printed Spark's 170 lines of
   * FAILED_READ_FILE and traces; a wave that lost its layers file was summarized without its
   * seeds and without a word; a deleted table was "not a sweep's output folder". Each is now
   * one line, exit 2, nothing written, naming the file, wave or table and the sweep command
   * whose --resume runs those cells again (as SweepJobTest shows it does).
   */
  @Test
  void aDamagedSweepFolderIsOneLineNamingTheCommandThatRepairsIt() throws Exception {
    String resume = " the sweep's command with --resume (sweep test --out " + ROOT
        + " --resume, the folder named tiny again first)";
    Path truncated = folder("damaged-file", YAML);
    SweepJobTest.truncateParquet(truncated.resolve("layers/wave=0"));
    String file;
    try (Stream<Path> files = Files.list(truncated.resolve("layers/wave=0"))) {
      file = files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("part-"))
          .findFirst().orElseThrow();
    }
    OneLineFailure f = assertThrows(OneLineFailure.class, () -> SummarizeCommand.run(
        new String[] {truncated.toString(), "--no-figures"}, QUIET, QUIET));
    assertEquals(2, f.exitCode());
    String line = f.getMessage();
    assertEquals(1, line.lines().count(), line);
    assertTrue(line.matches("sigprop summarize: file:.*/damaged-file/layers/wave=0/"
        + java.util.regex.Pattern.quote(file) + " cannot be read: .*; the file is damaged"
        + " \\(truncated, or changed since the sweep wrote it\\), nothing was written, and"
        + java.util.regex.Pattern.quote(resume) + " runs its cells again"), line);
    assertFalse(Files.exists(truncated.resolve("summary/layers.csv")));

    Path lost = folder("damaged-wave", YAML);
    long rows = spark.read().parquet(lost.resolve("layers").toString()).count();
    // A second wave (the same cells again, as a rerun would add them) keeps a layers table.
    copyTree(lost.resolve("layers/wave=0"), lost.resolve("layers/wave=1"));
    copyTree(lost.resolve("cells/wave=0"), lost.resolve("cells/wave=1"));
    try (Stream<Path> files = Files.list(lost.resolve("layers/wave=0"))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        Files.delete(p);
      }
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, SummarizeCommand.run(new String[] {lost.toString(), "--no-figures"}, QUIET,
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertEquals("sigprop summarize: " + lost + "/layers/wave=0 holds 0 of the " + rows
        + " rows its cells wrote (files lost or deleted since the sweep committed it); nothing"
        + " was written, and" + resume + " runs that wave's cells again\n",
        err.toString(StandardCharsets.UTF_8));
    assertFalse(Files.exists(lost.resolve("summary/layers.csv")));

    Path noCells = folder("damaged-cells", YAML);
    copyTree(noCells.resolve("layers/wave=0"), noCells.resolve("layers/wave=1"));
    copyTree(noCells.resolve("cells/wave=0"), noCells.resolve("cells/wave=1"));
    try (Stream<Path> files = Files.list(noCells.resolve("cells/wave=1"))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
        Files.delete(p);
      }
    }
    err.reset();
    assertEquals(2, SummarizeCommand.run(new String[] {noCells.toString(), "--no-figures"},
        QUIET, new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertEquals("sigprop summarize: " + noCells + "/cells/wave=1 holds no cells row though the"
        + " wave committed (its file lost or deleted since); nothing was written, and" + resume
        + " runs that wave's cells again\n", err.toString(StandardCharsets.UTF_8));

    Path theory = folder("damaged-theory", YAML);
    SweepJobTest.truncateParquet(theory.resolve("theory"));
    f = assertThrows(OneLineFailure.class, () -> SummarizeCommand.run(
        new String[] {theory.toString(), "--no-figures"}, QUIET, QUIET));
    assertTrue(f.getMessage().contains("/damaged-theory/theory/part-"), f.getMessage());
    assertTrue(f.getMessage().endsWith(resume + " writes the theory table again"),
        f.getMessage());

    deleteTree(lost.resolve("cells"));
    err.reset();
    assertEquals(2, SummarizeCommand.run(new String[] {lost.toString(), "--no-figures"}, QUIET,
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertEquals("sigprop summarize: " + lost + " has no cells table (" + lost.resolve("cells")
        + " holds no Parquet file), though its sweep.json says it is a sweep's: deleted since"
        + " the sweep ran? Nothing was written, and" + resume + " runs its cells again\n",
        err.toString(StandardCharsets.UTF_8));
  }

  /**
   * A layers file whose pages were overwritten inside, its footer intact and no checksum file
   * beside it (a bad copy): the summary decoded the changed bytes as numbers, and failed on one
   * of them with a stack trace (or, had they looked plausible, summarized them). The pages' CRCs
   * are now checked: one line naming the file and the command that repairs it.
   */
  @Test
  void aFileDamagedInsideIsNamedWithTheCommandThatRepairsIt() throws Exception {
    Path damaged = folder("damaged-inside", YAML);
    String file = SweepJobTest.damageParquet(damaged.resolve("layers/wave=0"), false);
    OneLineFailure f = assertThrows(OneLineFailure.class, () -> SummarizeCommand.run(
        new String[] {damaged.toString(), "--no-figures"}, QUIET, QUIET));
    assertEquals(2, f.exitCode());
    assertTrue(f.getMessage().matches("sigprop summarize: file:.*/damaged-inside/layers/wave=0/"
        + java.util.regex.Pattern.quote(file) + " cannot be read: .*; the file is damaged"
        + " \\(truncated, or changed since the sweep wrote it\\), nothing was written, and the"
        + " sweep's command with --resume \\(.*\\) runs its cells again"), f.getMessage());
    assertFalse(Files.exists(damaged.resolve("summary/layers.csv")));
  }

  /** Several damaged waves of one folder: each named, in wave order, in the one line. */
  @Test
  void everyDamagedWaveIsNamedInWaveOrder() throws Exception {
    Path lost = folder("damaged-waves", YAML);
    long rows = spark.read().parquet(lost.resolve("layers").toString()).count();
    for (int wave = 1; wave <= 2; wave++) { // reruns of the same cells as waves 1 and 2
      copyTree(lost.resolve("layers/wave=0"), lost.resolve("layers/wave=" + wave));
      copyTree(lost.resolve("cells/wave=0"), lost.resolve("cells/wave=" + wave));
    }
    for (int wave : new int[] {2, 0}) {
      try (Stream<Path> files = Files.list(lost.resolve("layers/wave=" + wave))) {
        for (Path p : files.filter(p -> p.toString().endsWith(".parquet")).toList()) {
          Files.delete(p);
        }
      }
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, SummarizeCommand.run(new String[] {lost.toString(), "--no-figures"}, QUIET,
        new PrintStream(err, true, StandardCharsets.UTF_8)));
    String wave = " holds 0 of the " + rows + " rows its cells wrote (files lost or deleted"
        + " since the sweep committed it)";
    assertEquals("sigprop summarize: " + lost + "/layers/wave=0" + wave + "; " + lost
        + "/layers/wave=2" + wave + "; nothing was written, and the sweep's command with"
        + " --resume (sweep test --out " + ROOT + " --resume, the folder named tiny"
        + " again first) run those waves' cells again\n", err.toString(StandardCharsets.UTF_8));
  }

  /**
   * A summary file that cannot be written (here cells.csv is a folder holding a file; a full
   * disk says "No space left on device") was "cannot write the summary: java.io.IOException:
   * No space left on device", naming no file: now the file, what the folder holds, and the
   * command that writes it, exit 1.
   */
  @Test
  void aSummaryFileThatCannotBeWrittenIsNamedInOneLine() throws Exception {
    Path sweep = folder("write-fail", YAML);
    Path out = sweep.resolve("summary");
    Files.createDirectories(out.resolve("cells.csv"));
    Files.writeString(out.resolve("cells.csv/mine.txt"), "in the way");
    OneLineFailure f = assertThrows(OneLineFailure.class, () -> SummarizeCommand.run(
        new String[] {sweep.toString(), "--no-figures", "--overwrite"}, QUIET, QUIET));
    assertEquals(1, f.exitCode());
    String line = f.getMessage();
    assertTrue(line.startsWith("sigprop summarize: writing the summary into " + out
        + " failed: cannot write " + out.toAbsolutePath().resolve("cells.csv") + ": "), line);
    assertTrue(line.endsWith("; what it holds now is incomplete (each file whole, none partly"
        + " written), the sweep folders are untouched, and the same command with --overwrite"
        + " writes it once that is fixed"), line);
    assertEquals(1, line.lines().count(), line);
    assertTrue(Files.exists(out.resolve("layers.csv")), "the tables before it are written");
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
