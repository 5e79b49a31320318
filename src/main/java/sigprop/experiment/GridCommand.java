package sigprop.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sigprop.net.HeapRegions;

/**
 * The {@code grid} verb: checks a sweep config and prints its grid without running anything —
 * cells per experiment and axis, estimated work and memory, and with {@code --cells} every cell.
 * Exit codes: 0 ok, 2 bad arguments or an invalid config (every problem printed to err).
 */
public final class GridCommand {
  /** The usage text. */
  public static final String USAGE = String.join("\n",
      "usage: grid CONFIG [--set key.path=value]... [--cells] [--master URL | --heap-mb N]",
      "Checks a sweep config and prints its grid: cells per experiment, estimated work and",
      "memory per cell. Nothing runs.",
      "  CONFIG          the sweep's YAML file: a local path or any Hadoop URI, as for sweep",
      "                  (see docs/CONFIG.md)",
      "  --set k=v       override a config key before validation, e.g. --set grid.depth=4,60",
      "                  or --set input.batch=128 (repeatable; later ones win)",
      "  --cells         also list every cell: id, seed and the parameters that vary",
      "  --master URL    check memory as sweep --master URL would (default local[*]): against",
      "                  the heap each task slot gets",
      "  --heap-mb N     check memory against this heap per cell instead, in MiB",
      "  -h, --help      print this help");

  /** Where grid reads configs and how much heap a cell gets: sweep's answers, or local ones. */
  public interface Environment {
    /** The config's text; an IOException's message says plainly what is wrong. */
    String read(String location) throws IOException;

    /** The heap one cell may use when a sweep runs on {@code master} (null: the default). */
    long heapPerCell(String master);

    /** The G1 region size of the JVMs that run the cells on {@code master}. */
    long regionBytes(String master);
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
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        out.println(USAGE);
        return 0;
      } else if (a.equals("--cells")) {
        cells = true;
      } else if (a.equals("--set") || a.equals("--heap-mb") || a.equals("--master")) {
        if (i + 1 == args.length) {
          return usageError(err, a + " needs a value");
        }
        String value = args[++i];
        if (a.equals("--set")) {
          overrides.add(value);
        } else if (a.equals("--master")) {
          master = value;
        } else if ((heapBytes = mebibytes(value)) < 0) {
          return usageError(err, "--heap-mb needs a positive number of MiB, got '" + value + "'");
        }
      } else if (a.startsWith("--set=")) {
        overrides.add(a.substring("--set=".length()));
      } else if (a.startsWith("--heap-mb=")) {
        if ((heapBytes = mebibytes(a.substring("--heap-mb=".length()))) < 0) {
          return usageError(err, "--heap-mb needs a positive number of MiB, got '" + a + "'");
        }
      } else if (a.startsWith("-")) {
        return usageError(err, "unknown option '" + a + "'");
      } else if (config != null) {
        return usageError(err, "one CONFIG only, got '" + config + "' and '" + a + "'");
      } else {
        config = a;
      }
    }
    if (config == null) {
      return usageError(err, "missing CONFIG");
    }
    if (master != null && heapBytes > 0) {
      return usageError(err, "--master and --heap-mb are two ways to say the heap: give one");
    }
    long regionBytes;
    try {
      regionBytes = heapBytes > 0 ? HeapRegions.forHeap(heapBytes) : env.regionBytes(master);
      heapBytes = heapBytes > 0 ? heapBytes : env.heapPerCell(master);
    } catch (IllegalArgumentException e) { // a master Spark would refuse
      err.println("sigprop grid: " + e.getMessage());
      return 2;
    }
    try {
      SweepPlan plan = ConfigLoader.parse(env.read(config), config, overrides, heapBytes,
          regionBytes);
      PlanSummary.print(plan, heapBytes, regionBytes, cells, out);
      return 0;
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("sigprop grid: cannot read " + config + ": " + e.getMessage());
      return 2;
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
