package sigprop.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import sigprop.net.Names;

/** The {@code sweep} verb: parses its arguments and runs {@link SweepJob}. */
public final class SweepCommand {
  /** The usage text. */
  public static final String USAGE = String.join("\n",
      "usage: sigprop sweep CONFIG [--set key.path=value]... [--out DIR] [--resume | --overwrite]",
      "                    [--master URL] [--wave-seconds S] [--task-slots N] [--task-gflop G]",
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
      "                     each task 1/(2 x slots) of its wave's remaining work, at least 2)");

  private static final List<String> VALUED = List.of("--set", "--out", "--master",
      "--wave-seconds", "--task-slots", "--task-gflop");
  private static final List<String> OPTIONS = List.of("--set", "--out", "--resume",
      "--overwrite", "--master", "--wave-seconds", "--task-slots", "--task-gflop", "--help");

  private SweepCommand() {}

  /** Runs the verb; exit code 2 for bad arguments. */
  public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    String config = null;
    List<String> overrides = new ArrayList<>();
    String outDir = "output";
    boolean resume = false;
    boolean overwrite = false;
    String master = null;
    double waveSeconds = SweepOptions.DEFAULT_WAVE_SECONDS;
    int slots = 0;
    double taskWork = Double.NaN;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        int eq = a.startsWith("--") ? a.indexOf('=') : -1;
        String name = eq > 0 ? a.substring(0, eq) : a; // --name=value as --name value
        if (eq > 0 && !VALUED.contains(name)) {
          throw new IllegalArgumentException(OPTIONS.contains(name) ? name
              + " takes no value, got '" + a + "'" : Names.unknown("option", name, OPTIONS));
        }
        String v = !VALUED.contains(name) ? null : eq > 0 ? a.substring(eq + 1)
            : value(args, ++i, name);
        switch (name) {
          case "--help", "-h" -> {
            out.println(USAGE);
            return 0;
          }
          case "--set" -> overrides.add(v);
          case "--out" -> outDir = v;
          case "--resume" -> resume = true;
          case "--overwrite" -> overwrite = true;
          case "--master" -> master = v;
          case "--wave-seconds" -> waveSeconds = positive(v, name);
          case "--task-slots" -> slots = count(v, name);
          case "--task-gflop" -> taskWork = 1e9 * positive(v, name);
          default -> {
            if (a.startsWith("-")) {
              throw new IllegalArgumentException(Names.unknown("option", a, OPTIONS));
            } else if (config != null) {
              throw new IllegalArgumentException("one CONFIG only, got '" + config + "' and '"
                  + a + "'");
            } else if (a.isBlank()) {
              throw new IllegalArgumentException("CONFIG is an empty path");
            }
            config = a;
          }
        }
      }
      if (config == null) {
        throw new IllegalArgumentException("missing CONFIG");
      }
      if (resume && overwrite) {
        throw new IllegalArgumentException("--resume and --overwrite exclude each other");
      }
      if (master != null) {
        SparkSessions.checkMaster(master);
      }
      if (outDir.isBlank()) {
        throw new IllegalArgumentException("--out needs a folder, got an empty path");
      }
    } catch (IllegalArgumentException e) {
      err.println("sigprop sweep: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    return SweepJob.run(new SweepOptions(config, overrides, outDir, resume, overwrite, master,
        waveSeconds, slots, taskWork), out, err);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int count(String text, String option) {
    try {
      int n = Integer.parseInt(text.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " needs a whole number of slots ≥ 1, got '"
        + text + "'");
  }

  private static double positive(String text, String option) {
    try {
      double v = Double.parseDouble(text);
      if (v > 0 && Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " needs a positive number, got '" + text + "'");
  }
}
