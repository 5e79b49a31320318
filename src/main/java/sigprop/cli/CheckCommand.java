package sigprop.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import sigprop.args.VerbArguments;
import sigprop.experiment.KernelChoice;
import sigprop.net.GradientCheck;

/** The {@code check} verb: gradient checks of every layer type, activation and loss. */
final class CheckCommand {
  static final String USAGE = String.join("\n",
      "usage: sigprop check",
      "Compares backprop with fourth-order central differences on small networks: every",
      "activation, batch and layer norm in both placements, every loss. Exit 0 when every",
      "relative error is below " + GradientCheck.THRESHOLD + ".",
      "  -h, --help   print this help");

  private static final VerbArguments.Spec OPTIONS =
      new VerbArguments.Spec(List.of(), List.of(), List.of());

  private CheckCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      VerbArguments given = OPTIONS.parse(args);
      if (given.help()) {
        out.println(USAGE);
        return 0;
      }
      given.noPositionals();
    } catch (IllegalArgumentException e) {
      return VerbArguments.usageError(err, "check", e.getMessage());
    }
    String kernels = KernelChoice.refusal();
    if (kernels != null) { // the activations would throw it mid-suite
      err.println("sigprop check: " + kernels);
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
