package sigprop.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sigprop.net.HeapRegions;
import sigprop.net.Names;

/**
 * The {@code grid} verb: checks a sweep config and prints its grid without running anything —
 * cells per experiment and axis, estimated work, time and memory, and with {@code --cells} every
 * cell.
 * Exit codes: 0 ok, 2 bad arguments or an invalid config (every problem printed to err).
 */
public final class GridCommand {
  /** The usage text. */
  public static final String USAGE = String.join("\n",
      "usage: grid CONFIG [--set key.path=value]... [--cells] [--master URL | --heap-mb N]",
      "            [--cores N] [--gflops G]",
      "Checks a sweep config and prints its grid: cells per experiment, estimated work, time",
      "and memory per cell and in total. Nothing runs.",
      "  CONFIG          the sweep's YAML file: a local path or any Hadoop URI, as for sweep",
      "                  (see docs/CONFIG.md)",
      "  --set k=v       override a config key before validation, e.g. --set grid.depth=4,60",
      "                  or --set input.batch=128 (repeatable; later ones win)",
      "  --cells         also list every cell: id, seed and the parameters that vary",
      "  --master URL    check memory as sweep --master URL would (default local[*]): against",
      "                  the heap each task slot gets",
      "  --heap-mb N     check memory against this heap per cell instead, in MiB",
      "  --cores N       estimate the time on N cores (default: a local master's threads, else",
      "                  this machine's cores, " + Runtime.getRuntime().availableProcessors() + ")",
      "  --gflops G      estimate the time at G GFLOP/s of the cost model's work per core",
      "                  (default: measured now from the matrix kernel, about 0.5 s)",
      "  -h, --help      print this help");

  /** Where grid reads configs and how much heap a cell gets: sweep's answers, or local ones. */
  public interface Environment {
    /** The config's text; an IOException's message says plainly what is wrong. */
    String read(String location) throws IOException;

    /** The heap one cell may use when a sweep runs on {@code master} (null: the default). */
    long heapPerCell(String master);

    /** The G1 region size of the JVMs that run the cells on {@code master}. */
    long regionBytes(String master);

    /**
     * The cores cells run on at once on {@code master} (null: the default), or 0 when that is
     * not known here (a cluster's master).
     */
    default int cores(String master) {
      return Runtime.getRuntime().availableProcessors();
    }
  }

  /** Local files, and this JVM's whole heap for each cell (tests; sigprop's CLI uses sweep's). */
  public static final Environment LOCAL = new Environment() {
    @Override
    public String read(String location) throws IOException {
      return ConfigLoader.readLocal(Path.of(location));
    }

    @Override
    public long heapPerCell(String master) {
      return Runtime.getRuntime().maxMemory();
    }

    @Override
    public long regionBytes(String master) {
      return HeapRegions.forHeap(Runtime.getRuntime().maxMemory());
    }
  };

  private static final List<String> VALUED =
      List.of("--set", "--master", "--heap-mb", "--cores", "--gflops");
  private static final List<String> OPTIONS = List.of("--set", "--cells", "--master",
      "--heap-mb", "--cores", "--gflops", "--help");

  private GridCommand() {}

  /** Runs the verb with local files and this JVM's heap; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, LOCAL);
  }

  /** Runs the verb with its arguments (the verb itself excluded); returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, Environment env) {
    List<String> overrides = new ArrayList<>();
    String config = null;
    boolean cells = false;
    String master = null;
    long heapBytes = -1;
    int cores = -1;
    boolean clusterCores;
    double gflops = Double.NaN;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      int eq = a.startsWith("--") ? a.indexOf('=') : -1;
      String name = eq > 0 ? a.substring(0, eq) : a; // --name=value as --name value
      if (name.equals("-h") || name.equals("--help")) {
        out.println(USAGE);
        return 0;
      } else if (name.equals("--cells")) {
        if (eq > 0) {
          return usageError(err, "--cells takes no value, got '" + a + "'");
        }
        cells = true;
      } else if (VALUED.contains(name)) {
        if (eq < 0 && i + 1 == args.length) {
          return usageError(err, name + " needs a value");
        }
        String value = eq > 0 ? a.substring(eq + 1) : args[++i];
        switch (name) {
          case "--set" -> overrides.add(value);
          case "--master" -> master = value;
          case "--heap-mb" -> {
            if ((heapBytes = mebibytes(value)) < 0) {
              return usageError(err, "--heap-mb needs a positive number of MiB, got '" + value
                  + "'");
            }
          }
          case "--cores" -> {
            if ((cores = positiveInt(value)) < 0) {
              return usageError(err, "--cores needs a whole number ≥ 1, got '" + value + "'");
            }
          }
          default -> {
            if (!((gflops = number(value)) > 0) || Double.isInfinite(gflops)) {
              return usageError(err, "--gflops needs a positive number, got '" + value + "'");
            }
          }
        }
      } else if (a.startsWith("-")) {
        return usageError(err, Names.unknown("option", name, OPTIONS));
      } else if (config != null) {
        return usageError(err, "one CONFIG only, got '" + config + "' and '" + a + "'");
      } else {
        config = a;
      }
    }
    if (config == null || config.isBlank()) {
      return usageError(err, config == null ? "missing CONFIG" : "CONFIG is an empty path");
    }
    if (master != null && heapBytes > 0) {
      return usageError(err, "--master and --heap-mb are two ways to say the heap: give one");
    }
    long regionBytes;
    try {
      regionBytes = heapBytes > 0 ? HeapRegions.forHeap(heapBytes) : env.regionBytes(master);
      heapBytes = heapBytes > 0 ? heapBytes : env.heapPerCell(master);
      clusterCores = cores < 1 && env.cores(master) < 1;
      cores = cores > 0 ? cores : clusterCores ? Runtime.getRuntime().availableProcessors()
          : env.cores(master);
    } catch (IllegalArgumentException e) { // a master Spark would refuse
      err.println("sigprop grid: " + e.getMessage());
      return 2;
    }
    try {
      SweepPlan plan = ConfigLoader.parse(env.read(config), config, overrides, heapBytes,
          regionBytes);
      TimeEstimate time = Double.isNaN(gflops) ? KernelRate.measure(cores)
          : new TimeEstimate(gflops * 1e9, cores, "given with --gflops");
      PlanSummary.print(plan, heapBytes, regionBytes, cells, time, out);
      if (clusterCores) {
        out.println("       note: a cluster's master runs the cells on its executors' cores,"
            + " which grid does not know: the time is for this machine's " + cores + "; --cores N"
            + " gives the cluster's");
      }
      busyNote(out);
      return 0;
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("sigprop grid: cannot read " + config + ": " + e.getMessage());
      return 2;
    }
  }

  /**
   * The measured rate is the kernel's when it gets a core, which it does for a moment even on a
   * busy machine; a sweep then shares the cores for its whole run (load 10 on 2 cores: a sweep
   * estimated at 8 s took 49).
   */
  private static void busyNote(PrintStream out) {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    if (load >= cores) {
      out.printf(Locale.ROOT, "       note: this machine's load average is %.1f on its %d cores:"
          + " a sweep started now shares them with other processes and takes longer%n", load,
          cores);
    }
  }

  private static int positiveInt(String text) {
    try {
      int n = Integer.parseInt(text.trim());
      return n >= 1 ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static long mebibytes(String text) {
    try {
      long mib = Long.parseLong(text.trim());
      return mib > 0 && mib < Long.MAX_VALUE >> 20 ? mib << 20 : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static int usageError(PrintStream err, String message) {
    err.println("grid: " + message);
    err.println(USAGE);
    return 2;
  }
}
