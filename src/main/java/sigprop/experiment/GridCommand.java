package sigprop.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import sigprop.net.HeapRegions;
import sigprop.args.VerbArguments;

/**
 * The {@code grid} verb: checks a sweep config and prints its grid without running anything —
 * cells per experiment and axis, estimated work, time and memory, and with {@code --cells} every
 * cell.
 * Exit codes: 0 ok, 2 bad arguments or an invalid config (every problem printed to err).
 */
public final class GridCommand {
  /** The usage text. */
  public static final String USAGE = String.join("\n",
      "usage: sigprop grid CONFIG [--set key.path=value]... [--cells]",
      "                    [--master URL | --heap-mb N] [--cores N] [--gflops G]",
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

  private static final VerbArguments.Spec OPTIONS = new VerbArguments.Spec(
      List.of("--master", "--heap-mb", "--cores", "--gflops"), List.of("--set"),
      List.of("--cells"));

  private GridCommand() {}

  /** Runs the verb with local files and this JVM's heap; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, LOCAL);
  }

  /** Runs the verb with its arguments (the verb itself excluded); returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err, Environment env) {
    VerbArguments options;
    String config;
    long heapBytes;
    int cores;
    double gflops;
    try {
      options = OPTIONS.parse(args);
      if (options.help()) {
        out.println(USAGE);
        return 0;
      }
      config = options.single("CONFIG");
      heapBytes = options.has("--heap-mb") ? mebibytes(options.value("--heap-mb", null)) : -1;
      cores = options.count("--cores", "", -1);
      gflops = options.positive("--gflops", Double.NaN);
    } catch (IllegalArgumentException e) {
      return usageError(err, e.getMessage());
    }
    String kernels = KernelChoice.refusal();
    if (kernels != null) { // sweep would refuse it
      err.println("sigprop grid: " + kernels);
      return 2;
    }
    List<String> overrides = options.values("--set");
    boolean cells = options.has("--cells");
    String master = options.value("--master", null);
    if (master != null && heapBytes > 0) {
      return usageError(err, "--master and --heap-mb are two ways to say the heap: give one");
    }
    long regionBytes;
    boolean clusterCores;
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

  private static long mebibytes(String text) {
    try {
      long mib = Long.parseLong(text.trim());
      if (mib > 0 && mib < Long.MAX_VALUE >> 20) {
        return mib << 20;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException("--heap-mb needs a positive number of MiB, got '" + text
        + "'");
  }

  private static int usageError(PrintStream err, String message) {
    return VerbArguments.usageError(err, "grid", message);
  }
}
