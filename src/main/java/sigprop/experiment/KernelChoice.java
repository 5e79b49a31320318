package sigprop.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import sigprop.net.Activations;
import sigprop.net.MatMuls;
import sigprop.stats.SiteAccumulator;

/**
 * Whether this JVM could choose the three kernels a cell runs on (matrix products, bulk tanh,
 * statistics). Without a forcing property a kernel is always chosen (the plain one when the
 * Vector API module is absent or fails its self-test); {@code -Dsigprop.matmul}, {@code
 * sigprop.tanh} or {@code sigprop.stats} set to {@code vector} on a JVM without the module, or
 * misspelt, leaves none. That is the machine's problem, not a cell's: sweep and grid refuse it
 * before they start, rather than record every cell {@code failed} (which a resume would keep).
 */
public final class KernelChoice {
  private KernelChoice() {}

  /** Every kernel that could not be chosen, with its reason, joined by "; "; null if none. */
  public static String refusal() {
    List<String> problems = new ArrayList<>();
    check(() -> MatMuls.best().name(), problems);
    check(Activations::tanhKernelName, problems);
    check(SiteAccumulator::kernelName, problems);
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  private static void check(Supplier<String> kernel, List<String> problems) {
    try {
      kernel.get();
    } catch (IllegalStateException e) {
      problems.add(e.getMessage());
    }
  }
}
