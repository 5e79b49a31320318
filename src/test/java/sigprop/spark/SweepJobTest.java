package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sigprop.experiment.CellResult;
import sigprop.experiment.CellRunner;
import sigprop.experiment.CellSpec;
import sigprop.experiment.ConfigLoader;
import sigprop.net.GradientSink;
import sigprop.net.Matrix;
import sigprop.net.Network;
import sigprop.net.Norm;
import sigprop.net.Probe;
import sigprop.net.Purpose;
import sigprop.net.RandomStreams;
import sigprop.net.Site;

/** The sweep job end to end on a real local Spark session, reading back real Parquet. */
class SweepJobTest {
  static final String CONFIG = String.join("\n",
      "sweep: t",
      "input: {batch: 12, width: 10, seed: 0}",
      "network: {width: 12, activation: tanh, classes: 4}",
      "record: {sites: [output, output_gradient, pre_activation_gradient, weight_gradient],"
          + " steps: [0, 2]}",
      "grid:",
      "  depth: [2, 6]",
      "  init: [normal, xavier_normal]",
      "  norm: [none, batch]",
      "seeds: 2",
      "");

  static SparkSession spark;
  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2,4]").appName("sweep-test")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static Path write(Path dir, String text) throws IOException {
    Path p = dir.resolve("sweep.yaml");
    Files.writeString(p, text);
    return p;
  }

  /** Runs the sweep verb, returning its exit code and appending its output to {@code log}. */
  static int sweep(StringBuilder log, String... args) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int code = SweepCommand.run(args, ps, ps);
    log.append(bytes.toString(StandardCharsets.UTF_8));
    return code;
  }

  /** Runs the sweep verb as {@link #sweep} does, with the test-only task fault {@code fault}. */
  private static int sweepWithFault(String fault, StringBuilder log, String... args)
      throws Exception {
    String key = "spark.sigprop.test." + fault;
    spark.conf().set(key, "true");
    try {
      return sweep(log, args);
    } finally {
      spark.conf().unset(key);
    }
  }

  /** Every row of a table, sorted, without the columns that legitimately differ between runs. */
  static List<String> rows(Path table, String... drop) {
    return rows(spark, table, drop);
  }

  /** As {@link #rows(Path, String...)} with a given session. */
  static List<String> rows(SparkSession spark, Path table, String... drop) {
    List<String> out = new ArrayList<>();
    for (Row r : spark.read().parquet(table.toString()).drop("wave").drop(drop)
        .collectAsList()) {
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }

  /** Equal lists, reporting only the sizes and the first difference. */
  static void assertSameRows(List<String> expected, List<String> actual) {
    assertEquals(expected.size(), actual.size(), "row count");
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        String e = expected.get(i);
        String a = actual.get(i);
        int at = 0;
        while (at < Math.min(e.length(), a.length()) && e.charAt(at) == a.charAt(at)) {
          at++;
        }
        throw new AssertionError("row " + i + " differs at char " + at + ": expected ..."
            + e.substring(Math.max(0, at - 80), Math.min(e.length(), at + 80)) + "... got ..."
            + a.substring(Math.max(0, at - 80), Math.min(a.length(), at + 80)) + "...");
      }
    }
  }

  @Test
  void sweepWritesTheCoresExactResultsAsParquet() throws Exception {
    Path config = write(dir, CONFIG);
    StringBuilder log = new StringBuilder();
    assertEquals(0, sweep(log, config.toString(), "--out", dir.resolve("out").toString()),
        log::toString);
    assertTrue(log.toString().contains("2 depths × 2 inits × 2 norms × 2 seeds = 16 cells"),
        log::toString);
    assertTrue(log.toString().contains("16/16 cells"), log::toString);
    java.util.regex.Matcher taskTime =
        java.util.regex.Pattern.compile("tasks ran ([0-9.]+) s on").matcher(log);
    assertTrue(taskTime.find() && Double.parseDouble(taskTime.group(1)) > 0, log::toString);
    Path root = dir.resolve("out/t");
    assertEquals(16, spark.read().parquet(root.resolve("cells").toString()).count());
    assertTrue(Files.exists(root.resolve("sweep.json")));

    CellSpec cell = ConfigLoader.parse(CONFIG, config.toString(), List.of(), 0).cells().get(13);
    CellResult direct = CellRunner.run(cell);
    List<String> expected = new ArrayList<>();
    for (Row r : spark.createDataFrame(LayerTable.rows(direct), LayerTable.SCHEMA)
        .collectAsList()) {
      expected.add(r.toString());
    }
    expected.sort(null);
    List<String> written = new ArrayList<>();
    for (Row r : spark.read().parquet(root.resolve("layers").toString()).drop("wave")
        .where("cell_id = '" + cell.id() + "'").collectAsList()) {
      written.add(r.toString());
    }
    written.sort(null);
    assertSameRows(expected, written);
    Row cellRow = spark.read().parquet(root.resolve("cells").toString())
        .where("cell_id = '" + cell.id() + "'").first();
    assertEquals("ok", cellRow.getAs("status"));
    assertEquals(direct.losses().get(0), (Double) cellRow.getAs("initial_loss"));
    assertPreActivationGradientIsWritten(root, config);
    // The theory table: every configuration's rows, as the driver would compute them.
    List<String> theory = new ArrayList<>();
    java.util.Set<String> configs = new java.util.HashSet<>();
    for (CellSpec c : ConfigLoader.parse(CONFIG, config.toString(), List.of(), 0).cells()) {
      if (configs.add(c.configId())) {
        for (Row r : spark.createDataFrame(TheoryTableRows.rows(c), TheoryTableRows.SCHEMA)
            .collectAsList()) {
          theory.add(r.toString());
        }
      }
    }
    theory.sort(null);
    assertEquals(8, configs.size());
    List<String> writtenTheory = new ArrayList<>();
    for (Row r : spark.read().parquet(root.resolve("theory").toString()).collectAsList()) {
      writtenTheory.add(r.toString());
    }
    writtenTheory.sort(null);
    assertTrue(theory.size() > 8, theory.size() + " theory rows");
    assertSameRows(theory, writtenTheory);
  }

  /**
   * ∂L/∂z in the layers table of a depth-6 cell without a norm: a row per layer and step, and at
   * layer 3 the variance of φ′(z)⊙∂L/∂y computed by hand from a network of the same cell.
   */
  private static void assertPreActivationGradientIsWritten(Path root, Path config)
      throws Exception {
    CellSpec cell = ConfigLoader.parse(CONFIG, config.toString(), List.of(), 0).cells().stream()
        .filter(c -> c.network().depth() == 6 && c.network().norm() == Norm.NONE)
        .findFirst().orElseThrow();
    Dataset<Row> rows = spark.read().parquet(root.resolve("layers").toString())
        .where("cell_id = '" + cell.id() + "' and site = 'pre_activation_gradient'");
    assertEquals(7 * 2, rows.count(), "hidden layers and head, steps 0 and 2");
    int batch = cell.input().batch();
    Network net = Network.build(cell.network(), batch, cell.seed());
    Map<Site, double[]> seen = new EnumMap<>(Site.class);
    Probe capture = new Probe() {
      @Override
      public boolean wants(int layer, Site site) {
        return layer == 3 && (site == Site.PRE_ACTIVATION || site == Site.OUTPUT_GRADIENT);
      }

      @Override
      public void record(int layer, Site site, Matrix v, int scale) {
        double[] d = v.data.clone();
        for (int i = 0; i < d.length; i++) {
          d[i] = Math.scalb(d[i], scale);
        }
        seen.put(site, d);
      }
    };
    Matrix out = net.forward(cell.input().draw(cell.seed()), capture);
    Matrix g = new Matrix(out.rows, out.cols);
    cell.loss().create(batch, cell.network().classes(),
        RandomStreams.of(cell.seed(), 0, Purpose.TARGETS)).gradient(out, g);
    net.backward(g, capture, GradientSink.NONE);
    double[] z = seen.get(Site.PRE_ACTIVATION);
    double[] gy = seen.get(Site.OUTPUT_GRADIENT);
    double sum = 0;
    double[] gz = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      double t = Math.tanh(z[i]);
      gz[i] = (1 - t * t) * gy[i];
      sum += gz[i];
    }
    double mean = sum / gz.length;
    double ss = 0;
    for (double v : gz) {
      ss += (v - mean) * (v - mean);
    }
    Row layer3 = rows.where("layer = 3 and step = 0").first();
    assertEquals(ss / (gz.length - 1), (Double) layer3.getAs("variance"),
        1e-12 * ss / (gz.length - 1));
    assertEquals((long) gz.length, (Long) layer3.getAs("count"));
  }

  @Test
  void existingResultsAreNeverOverwrittenSilently() throws Exception {
    Path config = write(dir, CONFIG.replace("seeds: 2", "seeds: 1"));
    String out = dir.resolve("out").toString();
    StringBuilder log = new StringBuilder();
    assertEquals(0, sweep(log, config.toString(), "--out", out));
    List<String> before = rows(dir.resolve("out/t/layers"));
    assertEquals(2, sweep(log, config.toString(), "--out", out), log::toString);
    assertTrue(log.toString().contains("already holds results"), log::toString);
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--resume"));
    assertTrue(log.toString().contains("is complete"), log::toString);
    assertSameRows(before, rows(dir.resolve("out/t/layers")));
    assertEquals(2, sweep(log, config.toString(), "--out", out, "--resume", "--set",
        "input.batch=13"), log::toString);
    assertTrue(log.toString().contains("config hash"), log::toString);
    // The refusal names what changed, not only that the hashes differ.
    assertTrue(log.toString().contains("t: batch was 12, now 13"), log::toString);
    // Tables of another layout: waves of two layouts would not read as one table.
    Path manifest = dir.resolve("out/t/sweep.json");
    String current = "\"schema_version\" : " + CellTable.SCHEMA_VERSION;
    assertTrue(Files.readString(manifest).contains(current));
    Files.writeString(manifest, Files.readString(manifest).replace(current,
        "\"schema_version\" : 1"));
    // Edited by hand: Hadoop's checksum beside it no longer matches, and the sweep says so.
    assertEquals(2, sweep(log, config.toString(), "--out", out, "--resume"), log::toString);
    assertTrue(log.toString().contains("no longer matches its checksum file .sweep.json.crc"),
        log::toString);
    assertTrue(Files.deleteIfExists(dir.resolve("out/t/.sweep.json.crc")));
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--resume"), log::toString);
    assertTrue(log.toString().contains("(table layout 1); nothing to run"), log::toString);
    // Incomplete (its only wave uncommitted): refused, and nothing deleted.
    Path success = dir.resolve("out/t/cells/wave=0/_SUCCESS");
    assertTrue(Files.deleteIfExists(success));
    assertEquals(2, sweep(log, config.toString(), "--out", out, "--resume"), log::toString);
    assertTrue(log.toString().contains("its tables have layout (schema_version) 1 and this build"
        + " writes " + CellTable.SCHEMA_VERSION), log::toString);
    assertTrue(Files.exists(dir.resolve("out/t/cells/wave=0")), "the wave is left as it was");
    // --overwrite replaces the sweep's own parts; a summary and the user's notes stay.
    Path notes = Files.writeString(dir.resolve("out/t/notes.txt"), "mine");
    Path summary = Files.writeString(Files.createDirectories(dir.resolve("out/t/summary"))
        .resolve("layers.csv"), "a\n");
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--overwrite"));
    assertSameRows(before, rows(dir.resolve("out/t/layers")));
    assertEquals("mine", Files.readString(notes));
    assertTrue(Files.exists(summary), "the summary of the earlier run is kept");
    assertTrue(log.toString().contains("kept what the sweep did not write there: notes.txt,"
        + " summary"), log::toString);
  }

  /**
   * A second run into a sweep folder while one writes it (a --resume started too early, say)
   * is refused and changes nothing: it would take the live run's wave in progress for an
   * interrupted one and delete it. A mark left by a process that is gone is taken over.
   */
  @Test
  void aSweepFolderHasOneWriterAtATime() throws Exception {
    Path config = write(dir, CONFIG.replace("seeds: 2", "seeds: 1"));
    String out = dir.resolve("out").toString();
    StringBuilder log = new StringBuilder();
    assertEquals(0, sweep(log, config.toString(), "--out", out));
    Path root = dir.resolve("out/t");
    Path mark = root.resolve(SweepLock.NAME);
    assertFalse(Files.exists(mark), "the mark goes with the run");
    List<String> before = rows(root.resolve("layers"));
    SweepOutput output = new SweepOutput(out, "t", new org.apache.hadoop.conf.Configuration());
    SweepLock.Attempt live = output.lock(); // this JVM: a writer that is alive
    // Held across the block, never read in it: try/finally, as a resource it would draw [try].
    SweepLock held = live.lock();
    try {
      for (String mode : new String[] {"--resume", "--overwrite"}) {
        assertEquals(2, sweep(log, config.toString(), "--out", out, mode), log::toString);
        assertTrue(log.toString().contains("another sweep run (host "), log::toString);
        assertTrue(log.toString().contains("is writing " + output.root()
            + "; wait for it to end, or stop it; nothing was run or changed"), log::toString);
        assertSameRows(before, rows(root.resolve("layers")));
      }
    } finally {
      held.close();
    }
    assertFalse(Files.exists(mark));
    // The mark of a process that has ended, on this host: stale.
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Files.writeString(mark, "host=" + java.net.InetAddress.getLocalHost().getHostName()
        + "\npid=" + ended.pid() + "\nsince=2026-01-01T00:00:00Z\n");
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--resume"), log::toString);
    assertTrue(log.toString().contains("took over the mark of a sweep run that is gone (host "),
        log::toString);
    assertTrue(log.toString().contains("is complete"), log::toString);
    assertFalse(Files.exists(mark));
    // Another host's mark: alive while refreshed, gone once older than the staleness limit.
    Files.writeString(mark, "host=elsewhere.invalid\npid=1\nsince=2026-01-01T00:00:00Z\n");
    assertEquals(2, sweep(log, config.toString(), "--out", out, "--resume"), log::toString);
    assertTrue(log.toString().contains("written on another host, was refreshed"), log::toString);
    Files.setLastModifiedTime(mark, java.nio.file.attribute.FileTime.fromMillis(
        System.currentTimeMillis() - SweepLock.STALE_MILLIS - 1000));
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--resume"), log::toString);
    assertFalse(Files.exists(mark));
    assertSameRows(before, rows(root.resolve("layers")));
  }

  @Test
  void foldersThatAreNotSweepsAreNeverTouched() throws Exception {
    Path config = write(dir, CONFIG.replace("seeds: 2", "seeds: 1"));
    StringBuilder log = new StringBuilder();
    Path notSweep = Files.createDirectories(dir.resolve("mine/t"));
    Files.writeString(notSweep.resolve("thesis.txt"), "important");
    for (String mode : new String[] {"--resume", "--overwrite", "--out"}) {
      List<String> args = new ArrayList<>(List.of(config.toString(), "--out",
          dir.resolve("mine").toString()));
      if (!mode.equals("--out")) {
        args.add(mode);
      }
      assertEquals(2, sweep(log, args.toArray(String[]::new)), log::toString);
      assertTrue(log.toString().contains("holds files but no sweep.json"), log::toString);
      assertEquals("important", Files.readString(notSweep.resolve("thesis.txt")), mode);
    }
    Path file = Files.writeString(Files.createDirectories(dir.resolve("plain")).resolve("t"), "x");
    assertEquals(2, sweep(log, config.toString(), "--out", dir.resolve("plain").toString(),
        "--overwrite"), log::toString);
    assertTrue(log.toString().contains("is a file, not a sweep folder"), log::toString);
    assertEquals("x", Files.readString(file));
    assertEquals(2, sweep(log, config.toString(), "--out", file.toString()), log::toString);
    assertTrue(log.toString().contains(file + " is a file, not a folder"), log::toString);
    Path broken = Files.createDirectories(dir.resolve("broken/t"));
    Files.writeString(broken.resolve("sweep.json"), "{\"config_ha");
    assertEquals(2, sweep(log, config.toString(), "--out", dir.resolve("broken").toString(),
        "--resume"), log::toString);
    assertTrue(log.toString().contains("sweep.json is unreadable"), log::toString);
    assertFalse(log.toString().contains("\tat "), "no stack trace: " + log);
  }

  /**
   * A resume refused because seeds were added says how to run only those: into another folder
   * under the same sweep name, whose seeds pool with the first folder's in one summary.
   */
  @Test
  void aResumeWithMoreSeedsNamesARunOfTheNewSeedsAlone() throws Exception {
    Path config = write(dir, CONFIG.replace("seeds: 2", "seeds: 1")
        .replace("  depth: [2, 6]\n", ""));
    StringBuilder log = new StringBuilder();
    String out = dir.resolve("out").toString();
    assertEquals(0, sweep(log, config.toString(), "--out", out), log::toString);
    log.setLength(0);
    assertEquals(2, sweep(log, config.toString(), "--out", out, "--resume", "--set", "seeds=3"),
        log::toString);
    Path root = dir.resolve("out/t");
    assertTrue(log.toString().contains("t: seeds was [0], now [0,1,2] (config hash "),
        log::toString);
    assertTrue(log.toString().contains("; to add the seeds [1,2], run only them into another"
        + " folder (--set seeds=[1,2] --out DIR) and summarize both folders together (summarize"
        + " file:" + root + " DIR/t --out …); use --overwrite"), log::toString);
    assertEquals(0, sweep(log, config.toString(), "--out", dir.resolve("more").toString(),
        "--set", "seeds=[1,2]"), log::toString);
  }

  @Test
  void interruptedSweepResumesToTheSameData() throws Exception {
    Path config = write(dir, CONFIG);
    StringBuilder log = new StringBuilder();
    String whole = dir.resolve("whole").toString();
    assertEquals(0, sweep(log, config.toString(), "--out", whole));
    // Several small waves, then simulate a kill -9 inside the last one: its layers committed,
    // its cells not (no _SUCCESS, a half-written temporary folder).
    String cut = dir.resolve("cut").toString();
    assertEquals(0, sweep(log, config.toString(), "--out", cut, "--wave-seconds", "0.002",
        "--task-gflop", "0.001"), log::toString);
    Path last = lastWave(dir.resolve("cut/t/cells"));
    assertTrue(last.getFileName().toString().compareTo("wave=0") > 0, "several waves");
    Files.delete(last.resolve("_SUCCESS"));
    Files.createDirectories(last.resolve("_temporary/0"));
    // As if another build had started it: the resume says so, and goes on.
    Path manifest = dir.resolve("cut/t/sweep.json");
    String current = "\"code_version\" : \"" + CodeVersion.get() + "\"";
    assertTrue(Files.readString(manifest).contains(current), Files.readString(manifest));
    Files.writeString(manifest, Files.readString(manifest).replace(current,
        "\"code_version\" : \"0.1.0+000000000000\""));
    Files.deleteIfExists(dir.resolve("cut/t/.sweep.json.crc")); // Hadoop's checksum of the old text
    assertEquals(0, sweep(log, config.toString(), "--out", cut, "--resume"), log::toString);
    assertTrue(log.toString().contains("removed 1 incomplete wave"), log::toString);
    assertTrue(log.toString().contains("this sweep was started by build 0.1.0+000000000000 and"
        + " continues with build " + CodeVersion.get()), log::toString);
    assertSameRows(rows(dir.resolve("whole/t/layers")), rows(dir.resolve("cut/t/layers")));
    assertSameRows(rows(dir.resolve("whole/t/cells"), "wall_seconds"),
        rows(dir.resolve("cut/t/cells"), "wall_seconds"));
  }

  /**
   * Files of committed waves lost (deleted) or damaged (truncated: --resume read them to count
   * each wave's rows and stopped with Spark's trace) after the sweep, and a truncated theory
   * table: each such wave runs again, the theory table is written again, and the sweep ends
   * with the data it had.
   */
  @Test
  void filesLostOrDamagedInCommittedWavesAreRunAgainOnResume() throws Exception {
    Path config = write(dir, CONFIG.replace("seeds: 2", "seeds: 1"));
    StringBuilder log = new StringBuilder();
    String out = dir.resolve("out").toString();
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--wave-seconds", "0.002",
        "--task-gflop", "0.001"), log::toString);
    Path root = dir.resolve("out/t");
    List<String> layers = rows(root.resolve("layers"));
    List<String> cells = rows(root.resolve("cells"), "wall_seconds");
    List<String> theory = rows(root.resolve("theory"));
    // Every wave still carries _SUCCESS: two lost a file, two hold a truncated one.
    deleteParquet(root.resolve("layers/wave=0"));
    deleteParquet(root.resolve("cells/wave=1"));
    truncateParquet(root.resolve("layers/wave=2"));
    truncateParquet(root.resolve("cells/wave=3"));
    truncateParquet(root.resolve("theory"));
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--resume"), log::toString);
    for (String removed : List.of("wave 0: its cells wrote", "wave 1: its cells rows cannot be",
        "wave 2: its cells wrote", "wave 3: its cells rows cannot be", "the theory table: ")) {
      assertTrue(log.toString().contains("removed " + removed), log::toString);
    }
    assertFalse(log.toString().contains("\tat "), log::toString);
    assertSameRows(layers, rows(root.resolve("layers")));
    assertSameRows(cells, rows(root.resolve("cells"), "wall_seconds"));
    assertSameRows(theory, rows(root.resolve("theory")));
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--resume"), log::toString);
    assertTrue(log.toString().endsWith("nothing to run\n"), log::toString);
  }

  /**
   * Committed files whose bytes were overwritten inside, their footers and row counts intact
   * (a disk fault: Hadoop's checksum file still says what was written; a bad copy: no checksum
   * file, only the pages' own CRCs): --resume said "nothing to run", and the damage showed only
   * when summarize decoded the pages. Their waves now run again, each file named, and such a
   * theory table is written again.
   */
  @Test
  void filesDamagedInsideCommittedWavesAreRunAgainOnResume() throws Exception {
    Path config = write(dir, CONFIG.replace("seeds: 2", "seeds: 1"));
    StringBuilder log = new StringBuilder();
    String out = dir.resolve("out").toString();
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--wave-seconds", "0.002",
        "--task-gflop", "0.001"), log::toString);
    Path root = dir.resolve("out/t");
    List<String> layers = rows(root.resolve("layers"));
    List<String> cells = rows(root.resolve("cells"), "wall_seconds");
    String layersFile = damageParquet(root.resolve("layers/wave=0"), false);
    String cellsFile = damageParquet(root.resolve("cells/wave=1"), false);
    String diskFault = damageParquet(root.resolve("layers/wave=2"), true);
    List<String> theory = rows(root.resolve("theory"));
    damageParquet(root.resolve("theory"), false);
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--resume"), log::toString);
    assertTrue(log.toString().contains("removed the theory table: "), log::toString);
    for (String removed : List.of("wave 0: layers/wave=0/" + layersFile + " has ",
        "wave 1: cells/wave=1/" + cellsFile + " has ",
        "wave 2: layers/wave=2/" + diskFault + " has ")) {
      assertTrue(log.toString().contains("removed " + removed), log::toString);
    }
    assertTrue(log.toString().contains("(bytes changed since it committed: a disk fault or a bad"
        + " copy); its cells run again"), log::toString);
    assertFalse(log.toString().contains("\tat "), log::toString);
    assertSameRows(layers, rows(root.resolve("layers")));
    assertSameRows(cells, rows(root.resolve("cells"), "wall_seconds"));
    assertSameRows(theory, rows(root.resolve("theory")));
  }

  /**
   * A listener that deletes {@code paths} once, as the first job of a job group that
   * {@code group} accepts starts (the end-of-run check waits for the listeners' events).
   */
  private static org.apache.spark.scheduler.SparkListener deleterAtJobStart(
      java.util.function.Predicate<String> group,
      java.util.concurrent.atomic.AtomicBoolean deleted, Path... paths) {
    return new org.apache.spark.scheduler.SparkListener() {
      @Override
      public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart start) {
        String g = start.properties().getProperty("spark.jobGroup.id");
        if (g != null && group.test(g) && deleted.compareAndSet(false, true)) {
          try {
            for (Path p : paths) {
              if (Files.isDirectory(p)) {
                deleteTree(p);
              } else {
                Files.delete(p);
              }
            }
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }
    };
  }

  /**
   * A write that fails part way (a full disk; here a wave's folder that cannot be made, a link
   * to nowhere) ends the sweep with one line: what was written where, the root cause, the cells
   * kept, and --resume. The waves committed before it stay, and --resume, once
   * the cause is gone, completes the sweep to the data of a run that never failed.
   */
  @Test
  void aFailedWriteIsOneLineAndResumeCompletesTheSweep() throws Exception {
    Path config = write(dir, CONFIG.replace("seeds: 2", "seeds: 1"));
    StringBuilder log = new StringBuilder();
    assertEquals(0, sweep(log, config.toString(), "--out", dir.resolve("whole").toString()));
    String out = dir.resolve("out").toString();
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--wave-seconds", "0.002",
        "--task-gflop", "0.001"), log::toString);
    // The last wave as if never written, and its layers folder impossible to make.
    Path cells = lastWave(dir.resolve("out/t/cells"));
    String last = cells.getFileName().toString().substring(5);
    Path layers = dir.resolve("out/t/layers/wave=" + last);
    long lastCells = spark.read().parquet(cells.toString()).count();
    deleteTree(cells);
    deleteTree(layers);
    Files.createSymbolicLink(layers, dir.resolve("nowhere/wave"));
    SweepFailure failure = assertThrows(SweepFailure.class,
        () -> sweep(log, config.toString(), "--out", out, "--resume"));
    String line = failure.getMessage();
    assertEquals(List.of(line), line.lines().toList(), "one line");
    assertTrue(line.startsWith("sigprop sweep: writing wave " + last + "'s layers rows to file:"
        + layers.toAbsolutePath() + " failed: java.io.IOException: Mkdirs failed to create "),
        line);
    assertTrue(line.endsWith("; " + (8 - lastCells) + " of 8 cells are committed and kept, and"
        + " the same command with --resume runs the other " + lastCells + " once that is fixed"),
        line);
    Files.delete(layers);
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--resume"), log::toString);
    assertSameRows(rows(dir.resolve("whole/t/layers")), rows(dir.resolve("out/t/layers")));
    assertSameRows(rows(dir.resolve("whole/t/cells"), "wall_seconds"),
        rows(dir.resolve("out/t/cells"), "wall_seconds"));
  }

  /**
   * A manifest that cannot be written (a real full disk: a tmpfs with one page left after the
   * run's mark) printed Hadoop's FSError with its trace and left an empty sweep.json, which made
   * the same command refuse the folder and --resume call it unreadable. Now one line, and no
   * partial manifest: once there is room, the same command runs the sweep. Likewise the run's
   * mark on a disk with no room at all.
   */
  @Test
  void aManifestThatCannotBeWrittenIsOneLineAndLeavesNothingInTheWay() throws Exception {
    Path config = write(dir, CONFIG.replace("seeds: 2", "seeds: 1"));
    Path disk = dir.resolve("disk");
    mountTmpfs(disk, 4096);
    try {
      Path fill = disk.resolve("fill");
      StringBuilder log = new StringBuilder();
      String out = disk.toString();
      // No room even for the run's mark: "sigprop sweep: No space left on device", and the
      // mark's temporary file left behind.
      Files.write(fill, new byte[4096 * 1024]);
      assertEquals(2, sweep(log, config.toString(), "--out", out), log::toString);
      assertEquals("sigprop sweep: cannot write the mark _running of a run into file:"
          + disk.resolve("t") + ": java.io.IOException: No space left on device; nothing was"
          + " run or changed\n", log.toString());
      try (Stream<Path> left = Files.list(disk.resolve("t"))) {
        assertEquals(List.of(), left.toList());
      }
      Files.write(fill, new byte[4096 * 1023]); // one 4-KiB page left, the mark's
      OneLineFailure failure = assertThrows(OneLineFailure.class,
          () -> sweep(log, config.toString(), "--out", out));
      assertEquals(1, failure.exitCode());
      assertEquals("sigprop sweep: writing the manifest file:" + disk.resolve("t/sweep.json")
          + " failed: java.io.IOException: No space left on device; no cell has run, and the"
          + " same command starts the sweep once that is fixed (the partial sweep.json is"
          + " removed)", failure.getMessage());
      assertFalse(Files.exists(disk.resolve("t/sweep.json")));
      assertFalse(Files.exists(disk.resolve("t/.sweep.json.crc")));
      Files.delete(fill);
      assertEquals(0, sweep(log, config.toString(), "--out", out), log::toString);
      assertEquals(8, spark.read().parquet(disk.resolve("t/cells").toString()).count());
    } finally {
      new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor();
    }
  }

  /** Mounts a tmpfs of {@code kib} KiB at {@code at}, or skips the test (root only). */
  private static void mountTmpfs(Path at, int kib) throws Exception {
    Files.createDirectories(at);
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + kib + "k",
        "tmpfs", at.toString()).redirectErrorStream(true).start();
    mount.getInputStream().readAllBytes();
    assumeTrue(mount.waitFor() == 0, "a tmpfs can be mounted (as root)");
  }

  /**
   * A committed wave's folders and sweep.json deleted while the sweep runs: Hadoop makes the
   * folders again for the next waves, and the run ended "16 cells (16 ok …)", exit 0, with a
   * wave's cells gone and a folder --resume refused as not a sweep's. Now the run ends with one
   * line naming what is gone, writes sweep.json again, exits 1, and --resume runs the lost
   * wave's cells again, to the data of a run that lost nothing.
   */
  @Test
  void filesDeletedWhileTheSweepRunsAreSaidAndResumeRunsThemAgain() throws Exception {
    Path config = write(dir, CONFIG);
    StringBuilder log = new StringBuilder();
    assertEquals(0, sweep(log, config.toString(), "--out", dir.resolve("whole").toString()));
    Path root = dir.resolve("out/t");
    java.util.concurrent.atomic.AtomicBoolean deleted =
        new java.util.concurrent.atomic.AtomicBoolean();
    // Wave 2 starts once wave 0 has committed (two waves are in flight at most).
    org.apache.spark.scheduler.SparkListener deleter = deleterAtJobStart(
        "sigprop-wave-2"::equals, deleted, root.resolve("cells/wave=0"),
        root.resolve("layers/wave=0"), root.resolve("sweep.json"));
    spark.sparkContext().addSparkListener(deleter);
    StringBuilder cut = new StringBuilder();
    try {
      assertEquals(1, sweep(cut, config.toString(), "--out", dir.resolve("out").toString(),
          "--wave-seconds", "0.002", "--task-gflop", "0.001"), cut::toString);
    } finally {
      spark.sparkContext().removeSparkListener(deleter);
    }
    assertTrue(deleted.get(), "the sweep ran three waves at least");
    java.util.regex.Matcher line = java.util.regex.Pattern.compile("sigprop sweep: t: 16 cells"
        + " ran, but what the sweep committed in "
        + java.util.regex.Pattern.quote("file:" + root.toAbsolutePath()) + " is not all"
        + " there \\(deleted while it ran\\?\\): sweep.json \\(written again\\); wave 0 \\(its"
        + " cells/ and layers/ folders\\), ([0-9]+) cells?; the same command with --resume runs"
        + " the \\1 cells? of those waves again\n").matcher(cut);
    assertTrue(line.find(), cut::toString);
    assertFalse(cut.toString().contains("16 ok"), cut::toString);
    assertTrue(Files.exists(root.resolve("sweep.json")));
    // A resume checks the waves it found committed too: wave 3, deleted as the resume runs.
    deleted.set(false);
    org.apache.spark.scheduler.SparkListener deleter3 = deleterAtJobStart(
        g -> g.startsWith("sigprop-wave-"), deleted, root.resolve("cells/wave=3"),
        root.resolve("layers/wave=3"));
    spark.sparkContext().addSparkListener(deleter3);
    cut.setLength(0);
    try {
      assertEquals(1, sweep(cut, config.toString(), "--out", dir.resolve("out").toString(),
          "--resume"), cut::toString);
    } finally {
      spark.sparkContext().removeSparkListener(deleter3);
    }
    assertTrue(cut.toString().contains("is not all there (deleted while it ran?): wave 3 (its"
        + " cells/ and layers/ folders), "), cut::toString);
    assertEquals(0, sweep(log, config.toString(), "--out", dir.resolve("out").toString(),
        "--resume"), log::toString);
    assertTrue(log.toString().contains(" to run"), log::toString);
    assertSameRows(rows(dir.resolve("whole/t/layers")), rows(root.resolve("layers")));
    assertSameRows(rows(dir.resolve("whole/t/cells"), "wall_seconds"),
        rows(root.resolve("cells"), "wall_seconds"));
  }

  /** Cuts a folder's first Parquet file to 900 bytes, its footer gone. */
  static void truncateParquet(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      Path first = files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted()
          .findFirst().orElseThrow();
      try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(first,
          java.nio.file.StandardOpenOption.WRITE)) {
        c.truncate(900);
      }
    }
  }

  /**
   * Overwrites 200 bytes (each inverted) halfway into the pages of a folder's first Parquet
   * file, leaving its footer and row count as they were; without {@code keepChecksumFile} its
   * Hadoop checksum file goes too (a copy made without it). Returns the file's name.
   */
  static String damageParquet(Path folder, boolean keepChecksumFile) throws IOException {
    Path first;
    try (Stream<Path> files = Files.list(folder)) {
      first = files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted()
          .findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(first);
    int footer = java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 4)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    int pagesEnd = bytes.length - 8 - footer; // the pages lie between "PAR1" and the footer
    int length = Math.min(200, (pagesEnd - 4) / 4);
    int from = 4 + (pagesEnd - 4) / 2 - length / 2;
    for (int i = from; i < from + length; i++) {
      bytes[i] = (byte) ~bytes[i];
    }
    Files.write(first, bytes);
    if (!keepChecksumFile) {
      Files.delete(first.resolveSibling("." + first.getFileName() + ".crc"));
    }
    return first.getFileName().toString();
  }

  /** The folder of a table's last wave. */
  private static Path lastWave(Path table) throws IOException {
    try (Stream<Path> waves = Files.list(table)) {
      return waves.max(Comparator.comparing(p -> Integer.parseInt(
          p.getFileName().toString().substring(5)))).orElseThrow();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void deleteParquet(Path wave) throws IOException {
    try (Stream<Path> files = Files.list(wave)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
        Files.delete(f);
        Files.deleteIfExists(f.resolveSibling("." + f.getFileName() + ".crc"));
      }
    }
  }

  /**
   * A wave of 3,000 tiny cells: their cells rows (≈ 1.7 MB) went to the writing task as its own
   * data, and Spark warned "contains a task of very large size" at every such wave.
   */
  @Test
  void aWaveOfManyTinyCellsShipsNoLargeTask() throws Exception {
    Path config = write(dir, String.join("\n",
        "sweep: many",
        "input: {batch: 2, width: 2}",
        "network: {width: 2, depth: 1, activation: tanh, classes: 2}",
        "record: {sites: [output], steps: [0]}",
        "seeds: 3000",
        ""));
    List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    String name = "org.apache.spark.scheduler.TaskSetManager";
    org.apache.logging.log4j.core.Logger logger =
        (org.apache.logging.log4j.core.Logger) org.apache.logging.log4j.LogManager.getLogger(name);
    org.apache.logging.log4j.Level before = logger.getLevel();
    org.apache.logging.log4j.core.Appender listener =
        new org.apache.logging.log4j.core.appender.AbstractAppender("large-tasks", null, null,
            true, org.apache.logging.log4j.core.config.Property.EMPTY_ARRAY) {
          @Override
          public void append(org.apache.logging.log4j.core.LogEvent event) {
            warnings.add(event.getMessage().getFormattedMessage());
          }
        };
    listener.start();
    logger.addAppender(listener);
    org.apache.logging.log4j.core.config.Configurator.setLevel(name,
        org.apache.logging.log4j.Level.WARN);
    StringBuilder log = new StringBuilder();
    try {
      assertEquals(0, sweep(log, config.toString(), "--out", dir.resolve("out").toString()),
          log::toString);
    } finally {
      org.apache.logging.log4j.core.config.Configurator.setLevel(name, before);
      logger.removeAppender(listener);
    }
    assertTrue(log.toString().contains("1 wave(s)"), log::toString);
    assertEquals(3000, spark.read().parquet(dir.resolve("out/many/cells").toString()).count());
    assertEquals(List.of(), warnings.stream().filter(w -> w.contains("very large size")).toList());
  }

  @Test
  void failedTaskAttemptsAreRetriedAndEveryCellLandsOnce() throws Exception {
    Path config = write(dir, CONFIG);
    StringBuilder log = new StringBuilder();
    assertEquals(0, sweepWithFault("failFirstAttempts", log, config.toString(), "--out",
        dir.resolve("f").toString(), "--task-gflop", "0.001"), log::toString);
    // A failed attempt's end (or the theory task's) before any cell is done is no progress.
    assertFalse(log.toString().contains("sigprop: 0/16 cells"), log::toString);
    List<Row> ids = spark.read().parquet(dir.resolve("f/t/cells").toString())
        .groupBy("cell_id").count().collectAsList();
    assertEquals(16, ids.size());
    for (Row r : ids) {
      assertEquals(1L, r.getLong(1));
    }
    assertEquals(0, sweep(log, config.toString(), "--out", dir.resolve("g").toString()));
    assertSameRows(rows(dir.resolve("g/t/layers")), rows(dir.resolve("f/t/layers")));
  }

  /**
   * sweep.json deleted after a partial run: the folder was refused as "not a sweep's results",
   * even with --overwrite. Now the plain command names both ways on; --resume writes sweep.json
   * again only when this config's hash and this build are on every committed cell (a changed
   * --set, a cell of another build, or no committed cell to tell: refused, nothing changed),
   * and then completes the sweep to the data of a run that lost nothing; --overwrite starts over.
   */
  @Test
  void aDeletedManifestIsWrittenAgainOnlyWhenTheDataProveItsConfigAndBuild() throws Exception {
    Path config = write(dir, CONFIG.replace("seeds: 2", "seeds: 1"));
    StringBuilder log = new StringBuilder();
    assertEquals(0, sweep(log, config.toString(), "--out", dir.resolve("whole").toString()));
    String out = dir.resolve("out").toString();
    Path root = dir.resolve("out/t");
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--wave-seconds", "0.002",
        "--task-gflop", "0.001"), log::toString);
    Path last = lastWave(root.resolve("cells"));
    deleteTree(last); // a partial sweep: its last wave never committed
    deleteTree(root.resolve("layers/" + last.getFileName()));
    Files.delete(root.resolve("sweep.json"));
    Files.delete(root.resolve(".sweep.json.crc"));

    log.setLength(0);
    assertEquals(2, sweep(log, config.toString(), "--out", out), log::toString);
    assertEquals("sigprop sweep: file:" + root + " holds a sweep's tables but no sweep.json"
        + " (deleted?); use --resume to run only the missing cells (it writes sweep.json again"
        + " when this config and build wrote every committed cell), or restore sweep.json, or"
        + " use --overwrite to replace them\n", log.toString());

    List<String> before = listing(root);
    log.setLength(0);
    assertEquals(2, sweep(log, config.toString(), "--out", out, "--resume", "--set",
        "network.width=13"), log::toString);
    assertTrue(log.toString().contains("sigprop sweep: cannot resume file:" + root + ": its"
        + " sweep.json is gone and cannot be written again from this config ("), log::toString);
    assertTrue(log.toString().matches("(?s).*\\(\\d+ of its \\d+ committed cells have config"
        + " hash [0-9a-f]{16}…, not this config's [0-9a-f]{16}…, so the config or --set changed;"
        + " its theory table holds 8 configurations this config does not have\\); restore"
        + " sweep.json to continue the sweep, or use --overwrite to start over; nothing was run"
        + " or changed\n"), log::toString);
    assertEquals(before, listing(root));

    // One committed wave's cells as another build wrote them.
    Path wave0 = root.resolve("cells/wave=0");
    Path other = dir.resolve("other-build");
    spark.read().parquet(wave0.toString()).withColumn("code_version",
        org.apache.spark.sql.functions.lit("0.1.0+000000000000")).write()
        .parquet(other.toString());
    deleteParquet(wave0);
    try (Stream<Path> files = Files.list(other)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
        Files.copy(f, wave0.resolve(f.getFileName()));
      }
    }
    log.setLength(0);
    assertEquals(2, sweep(log, config.toString(), "--out", out, "--resume"), log::toString);
    assertTrue(log.toString().matches("(?s).*\\(\\d+ of its \\d+ committed cells were computed"
        + " by build 0\\.1\\.0\\+000000000000, and this is build .*"), log::toString);
    assertFalse(Files.exists(root.resolve("sweep.json")));
    deleteTree(wave0);
    deleteTree(root.resolve("layers/wave=0"));

    // When the sweep began is lost with sweep.json: the earliest commit marker bounds it.
    List<Path> markers;
    try (Stream<Path> paths = Files.walk(root)) {
      markers = paths.filter(p -> p.getFileName().toString().equals("_SUCCESS")).sorted()
          .toList();
    }
    for (Path m : markers) {
      Files.setLastModifiedTime(m, java.nio.file.attribute.FileTime.from(
          java.time.Instant.parse("2026-03-05T00:00:00Z")));
    }
    Path first = markers.get(markers.size() / 2);
    Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.from(
        java.time.Instant.parse("2026-03-04T05:06:07Z")));
    String firstMarker = root.relativize(first).toString();
    java.time.Instant resumed = java.time.Instant.now();
    log.setLength(0);
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--resume"), log::toString);
    assertTrue(log.toString().contains("sigprop: note: sweep.json was gone from file:" + root
        + "; written again from this config, whose hash and build every committed cell"
        + " carries; when the sweep began is lost with it, so its created is the earliest"
        + " commit found (" + firstMarker + " at 2026-03-04T05:06:07Z) and its rebuilt field"
        + " says so\n"), log::toString);
    assertTrue(log.toString().contains("sigprop: resuming: "), log::toString);
    String rebuilt = Files.readString(root.resolve("sweep.json"));
    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(rebuilt);
    assertEquals("2026-03-04T05:06:07Z", json.path("created").asText(), rebuilt);
    assertEquals(firstMarker, json.path("rebuilt").path("created_from").asText(), rebuilt);
    assertFalse(java.time.Instant.parse(json.path("rebuilt").path("at").asText())
        .isBefore(resumed), rebuilt);
    assertTrue(Files.readString(dir.resolve("whole/t/sweep.json")).indexOf("rebuilt") < 0);
    assertEquals(Manifest.configHash(Files.readString(dir.resolve("whole/t/sweep.json"))),
        Manifest.configHash(rebuilt));
    // Every reader takes it: a resume finds the sweep complete, and summarize reads it.
    log.setLength(0);
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--resume"), log::toString);
    assertTrue(log.toString().contains(" is complete: all "), log::toString);
    assertEquals(0, SummarizeCommand.run(new String[] {root.toString()}, new PrintStream(
        new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err));
    // Its provenance says the sweep.json was written again, and what its created then is.
    String schema = Files.readString(root.resolve("summary/schema.md"));
    assertTrue(schema.contains("\n`" + root + "`: its sweep.json was deleted and written again by"
        + " `sweep --resume` at " + json.path("rebuilt").path("at").asText() + " from the config"
        + " whose cells it holds; its `created` (2026-03-04T05:06:07Z) is the time of "
        + firstMarker + ", the earliest commit found, not when the sweep began (somewhat before"
        + " it).\n"), schema);
    com.fasterxml.jackson.databind.JsonNode provenance =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(
            root.resolve("summary/provenance.json").toFile());
    assertEquals(json.path("rebuilt").path("at").asText() + " 2026-03-04T05:06:07Z "
        + firstMarker, provenance.at("/sweep_folders/0/sweep_json_rebuilt/at").asText() + " "
        + provenance.at("/sweep_folders/0/sweep_json_rebuilt/created").asText() + " "
        + provenance.at("/sweep_folders/0/sweep_json_rebuilt/created_from").asText());
    assertSameRows(rows(dir.resolve("whole/t/layers")), rows(root.resolve("layers")));
    assertSameRows(rows(dir.resolve("whole/t/cells"), "wall_seconds"),
        rows(root.resolve("cells"), "wall_seconds"));

    // Only the theory table left: nothing tells which config and build wrote it.
    deleteTree(root.resolve("cells"));
    deleteTree(root.resolve("layers"));
    Files.delete(root.resolve("sweep.json"));
    log.setLength(0);
    assertEquals(2, sweep(log, config.toString(), "--out", out, "--resume"), log::toString);
    assertTrue(log.toString().contains("(it holds no committed cell to tell which config and"
        + " build wrote it); restore sweep.json"), log::toString);
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--overwrite"), log::toString);
    assertSameRows(rows(dir.resolve("whole/t/cells"), "wall_seconds"),
        rows(root.resolve("cells"), "wall_seconds"));
  }

  /** Every path under {@code root}, sorted. */
  private static List<String> listing(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.map(Path::toString).sorted().toList();
    }
  }

  /**
   * A task that throws on every attempt (not a cell recorded failed: an error outside a cell's
   * own run) ended the sweep with "writing wave 0's layers rows to … failed: …", though nothing
   * failed to be written. The line now says a task failed and why; the waves committed before
   * it are kept and --resume runs the others.
   */
  @Test
  void aTaskThatFailsIsSaidAsATaskNotAsAWrite() throws Exception {
    Path config = write(dir, CONFIG.replace("seeds: 2", "seeds: 1"));
    StringBuilder log = new StringBuilder();
    String out = dir.resolve("out").toString();
    SweepFailure failure = assertThrows(SweepFailure.class, () -> sweepWithFault(
        "failEveryAttempt", log, config.toString(), "--out", out, "--task-gflop", "0.001"));
    String line = failure.getMessage();
    assertEquals(List.of(line), line.lines().toList(), "one line");
    java.util.regex.Matcher said = java.util.regex.Pattern.compile("sigprop sweep: a task of"
        + " wave 0 failed in cell (c[0-9a-f]{16}): java.lang.IllegalStateException: injected"
        + " fault \\(spark.sigprop.test.failEveryAttempt\\); no cell is committed yet, and the"
        + " same command with --resume runs the other 8 once that is fixed").matcher(line);
    assertTrue(said.matches(), line);
    assertTrue(ConfigLoader.parse(Files.readString(config), "test", List.of(), 0).cells()
        .stream().anyMatch(c -> c.id().equals(said.group(1))), "a cell of the sweep: " + line);
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--resume"), log::toString);
    assertEquals(8, spark.read().parquet(dir.resolve("out/t/cells").toString()).count());
  }

  /**
   * The theory table's task failing on every attempt ended the sweep with "writing the theory
   * table to … failed", as if a write had; it is said as a task's failure, like a wave's. The
   * cells committed meanwhile are kept, and --resume writes the table.
   */
  @Test
  void aTheoryTaskThatFailsIsSaidAsATaskNotAsAWrite() throws Exception {
    Path config = write(dir, CONFIG.replace("seeds: 2", "seeds: 1"));
    StringBuilder log = new StringBuilder();
    String out = dir.resolve("out").toString();
    SweepFailure failure = assertThrows(SweepFailure.class, () -> sweepWithFault(
        "failTheoryEveryAttempt", log, config.toString(), "--out", out));
    String line = failure.getMessage();
    assertEquals(List.of(line), line.lines().toList(), "one line");
    java.util.regex.Matcher said = java.util.regex.Pattern.compile("sigprop sweep: a task of"
        + " the theory table failed for configuration (g[0-9a-f]{16}):"
        + " java.lang.IllegalStateException: injected fault"
        + " \\(spark.sigprop.test.failTheoryEveryAttempt\\); all 8 cells are committed and"
        + " kept, and the same command with --resume writes the theory table once that is fixed")
        .matcher(line);
    assertTrue(said.matches(), line);
    assertTrue(ConfigLoader.parse(Files.readString(config), "test", List.of(), 0).cells()
        .stream().anyMatch(c -> c.configId().equals(said.group(1))), "a config of the sweep");
    log.setLength(0);
    assertEquals(0, sweep(log, config.toString(), "--out", out, "--resume"), log::toString);
    assertTrue(Files.exists(dir.resolve("out/t/theory/_SUCCESS")), log::toString);
  }

  @Test
  void badConfigsExitTwoListEveryProblemAndWriteNothing() throws Exception {
    Path config = write(dir, CONFIG.replace("activation: tanh", "activation: tanhh")
        .replace("depth: [2, 6]", "depth: [0, 6]").replace("seeds: 2", "seedz: 2"));
    StringBuilder log = new StringBuilder();
    String out = dir.resolve("bad").toString();
    assertEquals(2, sweep(log, config.toString(), "--out", out));
    String text = log.toString();
    assertTrue(text.contains("did you mean 'tanh'"), text);
    assertTrue(text.contains("grid.depth"), text);
    assertTrue(text.contains("did you mean 'seeds'"), text);
    assertFalse(Files.exists(dir.resolve("bad")), "nothing written");
    assertEquals(2, sweep(log, dir.resolve("missing.yaml").toString(), "--out", out));
    assertTrue(log.toString().contains("missing.yaml: no such file"), log::toString);
    // A Hadoop location that cannot be reached is a config that cannot be read: one line, exit 2.
    log.setLength(0);
    assertEquals(2, sweep(log, "hdfs://no-such-host.invalid:1/x.yaml", "--out", out));
    assertTrue(log.toString().contains("cannot read hdfs://no-such-host.invalid:1/x.yaml: unknown"
        + " host no-such-host.invalid"), log::toString);
    assertFalse(log.toString().contains("\tat "), "no stack trace: " + log);
    assertEquals(2, sweep(log, config.toString(), "--out", out, "--task-slots", "0.5"));
    assertTrue(log.toString().contains("--task-slots needs a whole number of slots ≥ 1, got"
        + " '0.5'"), log::toString);
    assertFalse(Files.exists(dir.resolve("bad")), "nothing written");
  }
}
