package sigprop.spark;

import java.io.PrintStream;
import java.util.List;
import sigprop.args.VerbArguments;

/** The {@code sweep} verb: parses its arguments and runs {@link SweepJob}. */
public final class SweepCommand {
  /** The usage text. */
  public static final String USAGE = String.join("\n",
      "usage: sigprop sweep CONFIG [--set key.path=value]... [--out DIR] [--resume | --overwrite]",
      "                    [--master URL] [--wave-seconds S] [--task-slots N] [--task-gflop G]",
      "Runs every cell of a config's grid on Spark and writes Parquet to DIR/<sweep>/",
      "(docs/OUTPUTS.md); see the grid first with sigprop grid CONFIG.",
      "  CONFIG             YAML experiment config (a local path or any Hadoop URI)",
      "  --set k=v          override a config key before validation; a,b,c makes a list/axis",
      "  --out DIR          results root (default output); data go to DIR/<sweep>/",
      "  --resume           run only the cells not yet complete (an interrupted sweep)",
      "  --overwrite        delete the sweep's existing results first",
      "  --master URL       Spark master when spark.master is not set (default local[*])",
      "  --wave-seconds S   estimated work per committed batch of cells (default 120):",
      "                     a killed sweep loses at most the two batches in flight",
      "  --task-slots N     plan tasks for N parallel slots (default: Spark's parallelism)",
      "  --task-gflop G     fixed work per Spark task in GFLOP-equivalents (default: shrinking,",
      "                     each task 1/(2 x slots) of its wave's remaining work, at least 2)",
      "  -h, --help         print this help");

  private static final VerbArguments.Spec OPTIONS = new VerbArguments.Spec(
      List.of("--out", "--master", "--wave-seconds", "--task-slots", "--task-gflop"),
      List.of("--set"), List.of("--resume", "--overwrite"));

  private SweepCommand() {}

  /** Runs the verb; exit code 2 for bad arguments. */
  public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    SweepOptions options;
    try {
      VerbArguments given = OPTIONS.parse(args);
      if (given.help()) {
        out.println(USAGE);
        return 0;
      }
      options = options(given);
    } catch (IllegalArgumentException e) {
      return VerbArguments.usageError(err, "sweep", e.getMessage());
    }
    return SweepJob.run(options, out, err);
  }

  private static SweepOptions options(VerbArguments given) {
    String config = given.single("CONFIG");
    String outDir = given.value("--out", "output");
    boolean resume = given.has("--resume");
    boolean overwrite = given.has("--overwrite");
    String master = given.value("--master", null);
    double waveSeconds = given.positive("--wave-seconds", SweepOptions.DEFAULT_WAVE_SECONDS);
    int slots = given.count("--task-slots", "slots", 0);
    double taskWork = 1e9 * given.positive("--task-gflop", Double.NaN);
    if (resume && overwrite) {
      throw new IllegalArgumentException("--resume and --overwrite exclude each other");
    }
    if (master != null) {
      SparkSessions.checkMaster(master);
    }
    if (outDir.isBlank()) {
      throw new IllegalArgumentException("--out needs a folder, got an empty path");
    }
    return new SweepOptions(config, given.values("--set"), outDir, resume, overwrite, master,
        waveSeconds, slots, taskWork);
  }
}
