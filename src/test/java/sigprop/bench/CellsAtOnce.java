package sigprop.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import sigprop.experiment.CellResult;
import sigprop.experiment.CellRunner;
import sigprop.experiment.CellSpec;
import sigprop.experiment.CellStatus;
import sigprop.experiment.ConfigLoader;
import sigprop.experiment.CostModel;

/**
 * What two cells at once cost this machine without Spark: a config's largest cell run over and
 * over on one thread, then on two threads side by side, in one plain JVM, alternating, after a
 * warm-up on both. Prints the median cell's wall and CPU time each way and their ratio, the
 * machine's own "two cells at once" factor: the local[1] → local[2] speedup of a sweep of such
 * cells cannot exceed 2 ÷ that factor. {@code jobs/bench-sweep} runs it after its sweeps.
 *
 * <pre>
 * CellsAtOnce CONFIG [SECONDS_PER_PHASE]     (default 6: about 40 s in all)
 * </pre>
 */
public final class CellsAtOnce {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CellsAtOnce() {}

  /** Runs the comparison; exit code 2 for a usage error. */
  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: CellsAtOnce CONFIG [SECONDS_PER_PHASE]");
      System.exit(2);
    }
    double seconds = args.length == 2 ? Double.parseDouble(args[1]) : 6;
    Path config = Path.of(args[0]);
    List<CellSpec> cells = ConfigLoader.load(config, List.of(), 0).cells();
    CellSpec largest = cells.stream()
        .max((a, b) -> Double.compare(CostModel.work(a), CostModel.work(b)))
        .orElseThrow(() -> new IllegalArgumentException(config + " has no cells"));
    run(largest, 2, seconds); // warm-up: both thread counts' code compiled
    run(largest, 1, seconds);
    List<double[]> one = new ArrayList<>();
    List<double[]> two = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      one.addAll(run(largest, 1, seconds));
      two.addAll(run(largest, 2, seconds));
    }
    double wall1 = median(one, 0);
    double wall2 = median(two, 0);
    System.out.printf(Locale.ROOT, "cells at once, no Spark (depth %d, width %d, batch %d;"
            + " %d + %d cells): one at a time"
            + " %.3f s wall (%.3f s CPU), two at once %.3f s wall (%.3f s CPU): factor %.2f%n",
        largest.network().depth(), largest.network().width(1), largest.input().batch(),
        one.size(), two.size(), wall1, median(one, 1), wall2, median(two, 1),
        wall2 / wall1);
  }

  /** Runs the cell on {@code threads} threads for about {@code seconds}: {wall, cpu} per cell. */
  private static List<double[]> run(CellSpec cell, int threads, double seconds)
      throws InterruptedException {
    List<double[]> times = new ArrayList<>();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> {
        List<double[]> mine = new ArrayList<>();
        do {
          long wall = System.nanoTime();
          long cpu = THREADS.getCurrentThreadCpuTime();
          CellResult r = CellRunner.run(cell);
          if (r.status() != CellStatus.OK) {
            throw new IllegalStateException("cell " + r.status() + ": " + r.message());
          }
          mine.add(new double[] {(System.nanoTime() - wall) / 1e9,
              (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9});
        } while (System.nanoTime() < end);
        synchronized (times) {
          times.addAll(mine);
        }
      }, "cells-at-once-" + t);
      workers[t].start();
    }
    for (Thread w : workers) {
      w.join();
    }
    return times;
  }

  private static double median(List<double[]> times, int column) {
    double[] v = times.stream().mapToDouble(t -> t[column]).toArray();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
  }
}
