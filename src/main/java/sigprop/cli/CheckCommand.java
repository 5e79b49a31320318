package sigprop.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import sigprop.net.GradientCheck;

/** The {@code check} verb: gradient checks of every layer type, activation and loss. */
final class CheckCommand {
  private CheckCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.println("usage: sigprop check");
      out.println("  Compares backprop with fourth-order central differences on small networks:");
      out.println("  every activation, batch and layer norm in both placements, every loss.");
      out.println("  Exit 0 when every relative error is below " + GradientCheck.THRESHOLD + ".");
      return 0;
    }
    if (args.length > 0) {
      err.println("check takes no arguments, got '" + args[0] + "' (see check --help)");
      return 2;
    }
    List<GradientCheck.Result> results = GradientCheck.standardSuite();
    out.printf(Locale.ROOT, "%-32s %10s %8s  %s%n", "case", "max rel err", "entries", "verdict");
    double worst = 0;
    for (GradientCheck.Result r : results) {
      out.printf(Locale.ROOT, "%-32s %10.2e %8d  %s%n", r.name(), r.maxRelativeError(),
          r.entriesChecked(), r.passed() ? "ok" : "FAIL at " + r.worst());
      worst = Math.max(worst, r.maxRelativeError());
    }
    boolean ok = results.stream().allMatch(GradientCheck.Result::passed);
    out.printf(Locale.ROOT, "overall max relative error %.2e (threshold %.0e): %s%n", worst,
        GradientCheck.THRESHOLD, ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
  }
}
