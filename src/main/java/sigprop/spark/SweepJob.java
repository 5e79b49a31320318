package sigprop.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import sigprop.experiment.CellSpec;
import sigprop.experiment.ConfigException;
import sigprop.experiment.ConfigLoader;
import sigprop.experiment.CostModel;
import sigprop.experiment.ExperimentPlan;
import sigprop.experiment.KernelChoice;
import sigprop.experiment.SweepPlan;
import sigprop.experiment.TaskPlan;

/**
 * The sweep driver: validates the config before Spark starts, refuses to touch existing results
 * unless resuming or overwriting, then runs the cells not yet done in waves — each wave one Spark
 * job over tasks ordered most expensive first, committed as {@code layers/wave=k} then
 * {@code cells/wave=k}, the next wave queued behind it ({@link WavePipeline}) — so a killed sweep
 * loses at most the two waves in flight. One run at a time writes a sweep folder
 * ({@link SweepLock}).
 */
public final class SweepJob {
  /**
   * Cells rows a wave writes from a local table (about 0.57 MB); more go to the writing task as
   * a broadcast, below Spark's 1,000-KiB warning for a task's size.
   */
  static final int LOCAL_CELL_ROWS = 1000;

  private SweepJob() {}

  /** Runs the sweep; returns the exit code (2 for a bad config or refused output). */
  public static int run(SweepOptions o, PrintStream out, PrintStream err) throws Exception {
    String kernels = KernelChoice.refusal();
    if (kernels != null) {
      err.println("sigprop sweep: " + kernels + "; nothing was run or changed");
      return 2;
    }
    long heapPerTask;
    long regionBytes;
    try {
      heapPerTask = SparkSessions.heapPerTask(o.master());
      regionBytes = SparkSessions.executorRegionBytes(o.master());
    } catch (IllegalArgumentException e) { // spark.master set to something Spark would refuse
      err.println("sigprop sweep: " + e.getMessage());
      return 2;
    }
    SweepPlan plan;
    try {
      plan = ConfigLoader.parse(ConfigText.read(o.config()), o.config(), o.overrides(),
          heapPerTask, regionBytes);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("sigprop sweep: cannot read " + o.config() + ": " + e.getMessage());
      return 2;
    }
    SweepOutput output;
    SweepLock lock;
    try {
      output = new SweepOutput(o.outDir(), plan.sweep(), new Configuration());
      String refusal = output.refusal(o.resume() || o.overwrite());
      if (refusal != null) {
        err.println("sigprop sweep: " + refusal);
        return 2;
      }
      SweepLock.Attempt attempt;
      try {
        attempt = output.lock();
      } catch (IOException e) {
        err.println("sigprop sweep: cannot write the mark " + SweepLock.NAME + " of a run into "
            + output.root() + ": " + OneLineFailure.rootCause(e) + "; nothing was run or changed");
        return 2;
      }
      if (attempt.refusal() != null) {
        err.println("sigprop sweep: " + attempt.refusal() + "; nothing was run or changed");
        return 2;
      }
      lock = attempt.lock();
      // Again, now that no other run can change the folder: one may have ended just before.
      refusal = output.refusal(o.resume() || o.overwrite());
      if (refusal != null) {
        lock.close();
        err.println("sigprop sweep: " + refusal);
        return 2;
      }
      if (attempt.note() != null) {
        out.println("sigprop: note: " + attempt.note());
      }
    } catch (IOException | IllegalArgumentException e) {
      err.println("sigprop sweep: " + e.getMessage());
      return 2;
    }
    try (lock) {
      return runMarked(o, plan, output, out, err);
    }
  }

  /** Runs the sweep into its folder, whose mark this run holds. */
  private static int runMarked(SweepOptions o, SweepPlan plan, SweepOutput output,
      PrintStream out, PrintStream err) throws Exception {
    try {
      if (output.hasData() && o.overwrite()) {
        out.println("sigprop: --overwrite: deleting the tables and manifest in " + output.root());
        List<String> kept = output.deleteSweep();
        if (!kept.isEmpty()) {
          out.println("sigprop: --overwrite: kept what the sweep did not write there: "
              + String.join(", ", kept));
        }
      } else if (output.hasData() && output.hasManifest()) { // else see ManifestRebuild
        String why = resumeRefusal(output, plan);
        if (why != null) {
          err.println(cannotResume(output, why));
          return 2;
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      err.println("sigprop sweep: " + e.getMessage());
      return 2;
    }
    String coresNote = SparkSessions.executorCoresNote(o.master());
    if (coresNote != null) {
      out.println("sigprop: note: " + coresNote);
    }
    for (ExperimentPlan e : plan.experiments()) {
      out.printf(Locale.ROOT, "sigprop: %s: %s, %.3g GFLOP%n", e.name(), e.shape(),
          e.flops() / 1e9);
      if (e.repeats() != null) {
        out.println("sigprop: note: " + e.name() + ": " + e.repeats());
      }
    }
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = SparkSessions.start("sigprop sweep " + plan.sweep(), o.master());
    try {
      return new Run(spark, plan, o, output, out, err).execute();
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
  }

  /**
   * Why the sweep's existing data cannot be continued by this config, or null. An unreadable
   * manifest is said plainly.
   */
  private static String resumeRefusal(SweepOutput output, SweepPlan plan) throws IOException {
    String manifest = output.readManifest();
    String hash;
    try {
      hash = Manifest.configHash(manifest);
    } catch (IOException e) {
      throw new IOException("cannot resume " + output.root() + ": its " + SweepOutput.MANIFEST
          + " is unreadable (" + e.getMessage().lines().findFirst().orElse("") + "); use"
          + " --overwrite to start over", e);
    }
    if (!hash.equals(plan.configHash())) {
      List<String> changes = ConfigDifference.between(Manifest.canonicalConfig(manifest),
          plan.canonicalConfig());
      if (!hash.isEmpty() && !changes.isEmpty()) {
        String seeds = ConfigDifference.addedSeeds(Manifest.canonicalConfig(manifest),
            plan.canonicalConfig());
        // More seeds need not rerun the old ones: the same sweep name in another folder pools.
        String addSeeds = seeds == null ? "" : "; to add the seeds " + seeds + ", run only them"
            + " into another folder (--set seeds=" + seeds + " --out DIR) and summarize both"
            + " folders together (summarize " + output.root() + " DIR/" + plan.sweep()
            + " --out …)";
        return "its config differs from this one (config or --set): "
            + String.join("; ", changes) + " (config hash " + shortHash(hash) + " in its "
            + SweepOutput.MANIFEST + ", " + shortHash(plan.configHash()) + " here)" + addSeeds;
      }
      return "its config hash " + (hash.isEmpty() ? "is missing" : hash
          + " differs from this config's " + plan.configHash()) + " (config or --set changed)";
    }
    return null;
  }

  /** A hash's first 16 hex digits, as the grid verb prints it. */
  static String shortHash(String hash) {
    return hash.length() > 16 ? hash.substring(0, 16) + "…" : hash;
  }

  /** The line that refuses a resume, and says what to do instead. */
  private static String cannotResume(SweepOutput output, String why) {
    return "sigprop sweep: cannot resume " + output.root() + ": " + why
        + "; use --overwrite or another sweep name";
  }

  /** One execution against a live session. */
  private static final class Run {
    private final SparkSession spark;
    private final SweepPlan plan;
    private final SweepOptions options;
    private final SweepOutput output;
    private final PrintStream out;
    private final PrintStream err;
    /** Cells per status, committed ones only: counted as waves commit, for the last line. */
    private final Map<String, Long> byStatus = new LinkedHashMap<>();
    /** The code version in an existing sweep's manifest; null for a new sweep. */
    private String startedBy;
    /** The manifest's text as this run found or wrote it: what a deleted one is written as. */
    private String manifestText;
    /** The waves committed, by earlier runs and this one, checked again at the end. */
    private final CommittedWaves committed;
    /** What this run continues from in the folder, damaged waves deleted first. */
    private final ResumeRepair repair;

    Run(SparkSession spark, SweepPlan plan, SweepOptions options, SweepOutput output,
        PrintStream out, PrintStream err) {
      this.spark = spark;
      this.plan = plan;
      this.options = options;
      this.output = output;
      this.out = out;
      this.err = err;
      this.committed = new CommittedWaves(output);
      this.repair = new ResumeRepair(spark, output, out);
    }

    int execute() throws Exception {
      long start = System.nanoTime();
      String manifest = output.readManifest();
      if (manifest == null && output.holdsTables()) { // deleted: only --resume gets here
        String why = ManifestRebuild.refusal(spark, output, plan);
        if (why != null) {
          err.println("sigprop sweep: cannot resume " + output.root() + ": its "
              + SweepOutput.MANIFEST + " is gone and cannot be written again from this config ("
              + why + "); restore " + SweepOutput.MANIFEST + " to continue the sweep, or use"
              + " --overwrite to start over; nothing was run or changed");
          return 2;
        }
        SweepOutput.Commit earliest = output.earliestCommit();
        writeManifest(Manifest.rebuilt(plan, earliest));
        out.println("sigprop: note: " + SweepOutput.MANIFEST + " was gone from " + output.root()
            + "; written again from this config, whose hash and build every committed cell"
            + " carries; when the sweep began is lost with it, so its created is "
            + (earliest == null ? "null" : "the earliest commit found (" + earliest.marker()
                + " at " + earliest.time() + ")") + " and its rebuilt field says so");
      } else if (manifest == null) {
        writeManifest(Manifest.of(plan));
      } else {
        manifestText = manifest;
        startedBy = Manifest.codeVersion(manifest);
        int layout = Manifest.schemaVersion(manifest);
        if (layout != CellTable.SCHEMA_VERSION) {
          return completeOrRefused(layout);
        }
      }
      int dropped = output.dropIncompleteWaves();
      if (dropped > 0) {
        out.println("sigprop: removed " + dropped + " incomplete wave(s) of an interrupted run");
      }
      repair.dropDamaged();
      try (WavePipeline pipeline = new WavePipeline(spark.sparkContext())) {
        // The theory table is written beside the first wave rather than before it.
        Future<Void> theory = pipeline.side(() -> {
          try {
            writeTheory();
          } catch (Exception | FSError e) { // the rows are computed as the write consumes them
            throw SweepFailure.ofTheory(output.theory().toString(), e);
          }
          return null;
        });
        return runCells(pipeline, theory, start);
      } catch (SweepFailure e) {
        throw e.resumable(committedCells(), plan.cellCount(), theoryCommitted());
      }
    }

    /**
     * Writes a new sweep's manifest (or one written again), before any cell runs. A write that
     * fails (a full disk) removes what it wrote: a partial sweep.json would have the next run
     * refuse the folder.
     */
    private void writeManifest(String text) throws Exception {
      manifestText = text;
      try {
        output.writeManifest(text);
      } catch (IOException | FSError e) { // Hadoop's local file system throws FSError
        throw new OneLineFailure("sigprop sweep: writing the manifest " + output.manifest()
            + " failed: " + OneLineFailure.rootCause(e) + "; no cell has run, and "
            + (output.removeManifest()
                ? "the same command starts the sweep once that is fixed (the partial "
                    + SweepOutput.MANIFEST + " is removed)"
                : "the partial " + SweepOutput.MANIFEST + " could not be removed: the same"
                    + " command with --overwrite starts the sweep once that is fixed"), 1, e);
      }
    }

    /** Runs a write, its failure a {@link SweepFailure} naming {@code what} was written. */
    private static void writing(String what, Write write) throws SweepFailure {
      try {
        write.run();
      } catch (Exception | FSError e) { // Hadoop's local file system throws FSError
        throw SweepFailure.writing(what, e);
      }
    }

    /** A write that may fail. */
    private interface Write {
      void run() throws Exception;
    }

    /** Waits for a side job; its failure is thrown as it was, not wrapped. */
    private static void await(Future<Void> side) throws Exception {
      try {
        side.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof Exception x ? x : e;
      }
    }

    /**
     * A sweep whose tables have another layout: complete, it is left as it is (summarize reads
     * every layout); otherwise nothing is run or changed, since waves of two layouts would not
     * read as one table.
     */
    private int completeOrRefused(int layout) throws IOException {
      Map<String, String> done = repair.doneCells();
      // Layouts 1 and 2 wrote the ids without their letter.
      if (plan.cells().stream().allMatch(
          c -> done.containsKey(c.id()) || done.containsKey(c.legacyId()))) {
        out.println("sigprop: sweep " + plan.sweep() + " is complete: all " + plan.cellCount()
            + " cells are in " + output.root() + " (table layout " + layout + "); nothing to run");
        return 0;
      }
      err.println(cannotResume(output, "its tables have layout (schema_version) " + layout
          + " and this build writes " + CellTable.SCHEMA_VERSION + " (docs/OUTPUTS.md says what"
          + " changed); nothing was run or changed"));
      return 2;
    }

    private int runCells(WavePipeline pipeline, Future<Void> theory, long start)
        throws Exception {
      for (String status : List.of("ok", "diverged", "failed")) {
        byStatus.put(status, 0L);
      }
      Map<Integer, Long> perWave = new HashMap<>();
      Map<String, String> done = repair.doneCells(perWave);
      done.values().forEach(this::count);
      for (Map.Entry<Integer, Long> w : perWave.entrySet()) {
        committed.record(w.getKey(), w.getValue());
      }
      List<CellSpec> cells = plan.cells();
      Map<String, Integer> index = new HashMap<>();
      List<CellSpec> remaining = new ArrayList<>();
      for (int i = 0; i < cells.size(); i++) {
        index.put(cells.get(i).id(), i);
        if (!done.containsKey(cells.get(i).id())) {
          remaining.add(cells.get(i));
        }
      }
      if (remaining.isEmpty()) {
        await(theory);
        out.println("sigprop: sweep " + plan.sweep() + " is complete: all " + cells.size()
            + " cells are in " + output.root() + "; nothing to run");
        return 0;
      }
      if (!done.isEmpty()) {
        out.println("sigprop: resuming: " + done.size() + " cells done, " + remaining.size()
            + " to run");
        if (startedBy != null && !startedBy.equals(CodeVersion.get())) {
          out.println("sigprop: note: this sweep was started by build " + startedBy + " and"
              + " continues with build " + CodeVersion.get() + "; if they compute differently,"
              + " the cells table's code_version tells which cell came from which");
        }
      }
      int slots = options.taskSlots() > 0 ? options.taskSlots()
          : spark.sparkContext().defaultParallelism();
      double work = 0;
      for (CellSpec c : remaining) {
        work += CostModel.work(c);
      }
      int waveCount = (int) Math.max(1, Math.ceil(
          work / (slots * CostModel.ASSUMED_RATE) / options.waveSeconds()));
      List<List<List<CellSpec>>> waves =
          TaskPlan.waves(remaining, slots, waveCount, options.taskWork());
      int taskCount = waves.stream().mapToInt(List::size).sum();
      out.printf(Locale.ROOT, "sigprop: %d cells in %d tasks, %d wave(s), %d slots%n",
          remaining.size(), taskCount, waves.size(), slots);

      LongAccumulator cellsDone = spark.sparkContext().longAccumulator("sigprop cells done");
      DoubleAccumulator workDone = spark.sparkContext().doubleAccumulator("sigprop work done");
      ProgressListener progress = new ProgressListener(out, remaining.size(), cellsDone::value,
          work, workDone::value);
      spark.sparkContext().addSparkListener(progress);
      CellTask task = new CellTask(plan.configText(), plan.source(), plan.overrides(),
          plan.configHash(), CodeVersion.get(), cellsDone, workDone, null,
          CellTask.Fault.of(spark.conf()));
      int wave = output.waves().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
      try {
        for (List<List<CellSpec>> w : waves) {
          int k = wave++;
          pipeline.submit("sigprop-wave-" + k, "sigprop sweep " + plan.sweep() + " wave " + k,
              () -> runWave(k, w, index, task));
        }
        pipeline.finish();
        await(theory);
        spark.sparkContext().listenerBus().waitUntilEmpty(); // the last tasks' end events
      } finally {
        spark.sparkContext().removeSparkListener(progress);
      }
      String gone = GoneSinceCommitted.line(output, plan, manifestText, committed,
          remaining.size());
      if (gone != null) {
        err.println(gone);
        return 1;
      }
      report(start);
      out.printf(Locale.ROOT, "sigprop: tasks ran %.1f s on %d slots (cells and their output)%n",
          progress.taskSeconds(), slots);
      return 0;
    }

    /**
     * Writes a wave's cells rows as one file. A wave of up to {@link #LOCAL_CELL_ROWS} rows is a
     * local table, the writing task's own data; a larger one goes to that task as a broadcast:
     * as task data, about 0.57 KB a cell, Spark warned of a task of very large size (5.7 MB at
     * 10,000 cells a wave) at every such wave. Not always a broadcast: its cold first use added
     * about 0.5 s to a 1-cell sweep (5.4 → 5.95 s, four runs each).
     */
    private void writeCells(JavaSparkContext jsc, List<Row> cells, int wave) throws Exception {
      Broadcast<List<Row>> shipped = cells.size() > LOCAL_CELL_ROWS ? jsc.broadcast(cells) : null;
      try {
        Dataset<Row> table = shipped == null
            ? spark.createDataFrame(cells, CellTable.SCHEMA).coalesce(1)
            : spark.createDataFrame(jsc.parallelize(List.of(0), 1)
                .flatMap(unused -> shipped.value().iterator()), CellTable.SCHEMA);
        WavePipeline.inSidePool(spark.sparkContext(), () -> {
          table.write().parquet(output.cellsWave(wave).toString());
          return null;
        });
      } finally {
        if (shipped != null) {
          shipped.destroy();
        }
      }
    }

    /**
     * One Spark job writes the wave's layers rows as the cells run; the cells' own rows come back
     * through an accumulator and are written by the driver afterwards, in the side pool so that
     * the next wave's tasks do not hold the commit back. Nothing is cached: a layers row can hold
     * thousands of histogram counts, and caching them serialized and reading them back cost about
     * as much as running the cells. Runs in the wave's own thread and job group.
     */
    private Void runWave(int wave, List<List<CellSpec>> tasks, Map<String, Integer> index,
        CellTask task) throws Exception {
      List<int[]> indices = new ArrayList<>();
      int cellCount = 0;
      for (List<CellSpec> t : tasks) {
        indices.add(t.stream().mapToInt(c -> index.get(c.id())).toArray());
        cellCount += t.size();
      }
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      CollectionAccumulator<Row> cellRows =
          spark.sparkContext().collectionAccumulator("sigprop cells of wave " + wave);
      JavaRDD<InternalRow> layers = jsc.parallelize(indices, indices.size())
          .mapPartitions(task.collectingInto(cellRows));
      try {
        internalFrame(layers, LayerTable.SCHEMA).write().options(LayerTable.WRITE_OPTIONS)
            .parquet(output.layersWave(wave).toString());
      } catch (Exception | FSError e) { // the cells run as the write consumes their rows
        throw SweepFailure.ofWave(wave, output.layersWave(wave).toString(), e);
      }
      List<Row> cells = cellRows.value();
      if (cells.size() != cellCount) { // each successful task's updates count exactly once
        throw new IllegalStateException("wave " + wave + " returned " + cells.size()
            + " cell rows for " + cellCount + " cells; not committing it");
      }
      writing("wave " + wave + "'s cells rows to " + output.cellsWave(wave),
          () -> writeCells(jsc, cells, wave));
      committed.record(wave, cellCount);
      int status = CellTable.SCHEMA.fieldIndex("status");
      cells.forEach(r -> count(r.getString(status)));
      return null;
    }

    private synchronized void count(String status) {
      byStatus.merge(status, 1L, Long::sum);
    }

    /** Whether the theory table is committed; true when that cannot be told (claims nothing). */
    private boolean theoryCommitted() {
      try {
        return output.committed(output.theory());
      } catch (IOException e) {
        return true;
      }
    }

    /** The cells committed so far, by earlier runs and this one. */
    private synchronized long committedCells() {
      return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    private void writeTheory() throws IOException {
      if (output.committed(output.theory())) {
        return;
      }
      // The plan index of each configuration's first cell, in plan order; a file per slot at
      // most, so the predictions are spread over the executors.
      Map<String, Integer> configs = new LinkedHashMap<>();
      List<CellSpec> cells = plan.cells();
      for (int i = 0; i < cells.size(); i++) {
        configs.putIfAbsent(cells.get(i).configId(), i);
      }
      List<Integer> indices = new ArrayList<>(configs.values());
      int partitions = Math.max(1, Math.min(indices.size(),
          spark.sparkContext().defaultParallelism()));
      JavaRDD<InternalRow> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
          .parallelize(indices, partitions)
          .mapPartitions(new TheoryTask(plan.configText(), plan.source(), plan.overrides(),
              TheoryTask.failsEveryAttempt(spark.conf())));
      internalFrame(rows, TheoryTableRows.SCHEMA).write().mode("overwrite")
          .parquet(output.theory().toString());
    }

    /**
     * Rows in Spark's internal form as a DataFrame: they go to the writer as they are, with no
     * per-value conversion of generic Rows.
     */
    private Dataset<Row> internalFrame(JavaRDD<InternalRow> rows, StructType schema) {
      return ((org.apache.spark.sql.classic.SparkSession) spark)
          .internalCreateDataFrame(rows.rdd(), schema, false);
    }

    private void report(long start) {
      long total = committedCells();
      out.printf(Locale.ROOT, "sigprop: sweep %s: %d cells (%d ok, %d diverged, %d failed) in"
          + " %.1f s -> %s%n", plan.sweep(), total, byStatus.get("ok"), byStatus.get("diverged"),
          byStatus.get("failed"), (System.nanoTime() - start) / 1e9, output.root());
    }
  }
}
