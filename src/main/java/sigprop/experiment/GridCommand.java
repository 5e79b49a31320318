package sigprop.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code grid} verb: checks a sweep config and prints its grid without running anything —
 * cells per experiment and axis, estimated work and memory, and with {@code --cells} every cell.
 * Exit codes: 0 ok, 2 bad arguments or an invalid config (every problem printed to err).
 */
public final class GridCommand {
  /** The usage text. */
  public static final String USAGE = String.join("\n",
      "usage: grid CONFIG [--set key.path=value]... [--cells] [--heap-mb N]",
      "Checks a sweep config and prints its grid: cells per experiment, estimated work and",
      "memory per cell. Nothing runs.",
      "  CONFIG          the sweep's YAML file (see docs/CONFIG.md)",
      "  --set k=v       override a config key before validation, e.g. --set grid.depth=4,60",
      "                  or --set input.batch=128 (repeatable; later ones win)",
      "  --cells         also list every cell: id, seed and the parameters that vary",
      "  --heap-mb N     the heap one cell may use, in MiB (default: this JVM's max heap)",
      "  -h, --help      print this help");

  private GridCommand() {}

  /** Runs the verb with its arguments (the verb itself excluded); returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    List<String> overrides = new ArrayList<>();
    String config = null;
    boolean cells = false;
    long heapBytes = Runtime.getRuntime().maxMemory();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-h") || a.equals("--help")) {
        out.println(USAGE);
        return 0;
      } else if (a.equals("--cells")) {
        cells = true;
      } else if (a.equals("--set") || a.equals("--heap-mb")) {
        if (i + 1 == args.length) {
          return usageError(err, a + " needs a value");
        }
        String value = args[++i];
        if (a.equals("--set")) {
          overrides.add(value);
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
    try {
      SweepPlan plan = ConfigLoader.load(Path.of(config), overrides, heapBytes);
      PlanSummary.print(plan, heapBytes, cells, out);
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
