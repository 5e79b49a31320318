package sigprop.experiment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Each cell's compute against grid's time estimate for it: the thread's CPU time of {@link
 * CellRunner#run} (the median of three runs, after every cell ran once to warm up the JIT),
 * which a loaded machine does not inflate as it does the cells table's {@code wall_seconds},
 * beside the cost
 * model's work over grid's rate ({@link KernelRate}: {@value KernelRate#SWEEP_SHARE} × the
 * kernel's rate measured now). Prints one line per cell and the ratios' range.
 *
 * <p>Not a unit test (minutes for a grid of large cells). How to run, with a config and its
 * overrides as {@code grid} takes them:
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java --add-modules=jdk.incubator.vector \
 *   -cp target/test-classes:target/classes:$(cat target/cp.txt) sigprop.experiment.CellTime \
 *   conf/example.yaml grid.depth=4,50,200 grid.width=32,256 ...
 * </pre>
 */
public final class CellTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CellTime() {}

  /** Times every configuration of the config (one seed each). */
  public static void main(String[] args) throws Exception {
    List<String> overrides = new ArrayList<>(List.of(args).subList(1, args.length));
    overrides.add("seeds=1");
    SweepPlan plan = ConfigLoader.load(Path.of(args[0]), overrides, 0);
    double rate = KernelRate.SWEEP_SHARE * KernelRate.kernelFlopsPerSecond();
    System.out.printf(Locale.ROOT, "rate %.2f GFLOP/s per core (cost-model work)%n", rate / 1e9);
    double low = Double.MAX_VALUE;
    double high = 0;
    for (CellSpec cell : plan.cells()) {
      CellRunner.run(cell); // every cell once first: the JIT compiles for all of them
    }
    for (CellSpec cell : plan.cells()) {
      double[] seconds = new double[3];
      for (int i = 0; i < seconds.length; i++) {
        long start = THREADS.getCurrentThreadCpuTime();
        CellRunner.run(cell);
        seconds[i] = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
      }
      Arrays.sort(seconds);
      double estimate = CostModel.work(cell) / rate;
      double ratio = seconds[1] / estimate;
      low = Math.min(low, ratio);
      high = Math.max(high, ratio);
      System.out.printf(Locale.ROOT, "%s | cpu %.4f s | estimate %.4f s | cpu/estimate %.2f%n",
          shown(cell), seconds[1], estimate, ratio);
    }
    System.out.printf(Locale.ROOT, "cpu/estimate %.2f–%.2f%n", low, high);
  }

  /** The parameters a time depends on. */
  private static String shown(CellSpec cell) {
    StringBuilder s = new StringBuilder();
    for (String key : List.of(CellParameters.DEPTH, CellParameters.WIDTH, CellParameters.BATCH,
        CellParameters.NORM, CellParameters.INIT, CellParameters.STEPS)) {
      s.append(key).append('=').append(cell.parameters().get(key)).append(' ');
    }
    return s.toString().trim();
  }
}
