package sigprop.experiment;

import java.util.SplittableRandom;
import sigprop.net.MatMul;
import sigprop.net.MatMuls;
import sigprop.net.Matrix;

/**
 * A per-core rate for {@link TimeEstimate}, measured on this machine in about half a second
 * (3 s at most): the fastest of repeated 256 × 256 products of the kernel cells use
 * ({@link MatMuls#best()}), times {@link #SWEEP_SHARE}, the share of that rate whole sweeps ran
 * at here in the cost model's flop-equivalents. A cell does more than products (activations,
 * norms, statistics, records), and the cost model prices that work in product flops only
 * roughly: sweeps ran at 0.23–0.72 of the rate, so estimates hold to within about a factor of 2.
 */
final class KernelRate {
  /**
   * Cost-model work ({@link CostModel#work}: products, elementwise work and a cost per record)
   * per second per core of whole sweeps on this 2-core machine against the kernel's 39 GFLOP/s
   * (2026-12-07): bench-sweep 1811e9 in 32 s (0.72), assignment 1773e9 in 48 s (0.47), homework
   * 2259e9 in 65 s (0.44), 20,000 cells of depth 2–3 and width 4–8, 466e9 in 26 s (0.23),
   * start-up included. In product flops alone the tiny cells' share was 0.0001 (an estimate of
   * 0.007 s for a 26-s sweep): their records, not their products, take the time.
   */
  static final double SWEEP_SHARE = 0.4;
  private static final int N = 256;
  private static final long BUDGET_NANOS = 300_000_000L;
  /** Products at least: the first, before the JIT has compiled the kernel, takes 0.3–0.7 s. */
  private static final int MIN_PRODUCTS = 10;
  private static final long LIMIT_NANOS = 3_000_000_000L;

  private KernelRate() {}

  /** The estimate for this many cores at the rate measured now. */
  static TimeEstimate measure(int cores) {
    double kernel = kernelFlopsPerSecond();
    return new TimeEstimate(SWEEP_SHARE * kernel, cores, String.format(java.util.Locale.ROOT,
        "%.1f × the matrix kernel's %.1f GFLOP/s on one core, measured now", SWEEP_SHARE,
        kernel / 1e9));
  }

  /**
   * The kernel's best rate on one core: the first products run before the JIT has compiled it,
   * so the fastest product is taken, not the mean, of those within 0.3 s and at least ten (3 s
   * at most, on a machine too loaded to finish them sooner).
   */
  static double kernelFlopsPerSecond() {
    MatMul mm = MatMuls.best();
    Matrix a = random(1);
    Matrix b = random(2);
    Matrix c = new Matrix(N, N);
    long start = System.nanoTime();
    double fastest = Double.MAX_VALUE;
    int products = 0;
    for (long elapsed = 0; (elapsed < BUDGET_NANOS || products < MIN_PRODUCTS)
        && elapsed < LIMIT_NANOS; elapsed = System.nanoTime() - start) {
      long t = System.nanoTime();
      mm.ab(a, b, c);
      fastest = Math.min(fastest, System.nanoTime() - t);
      products++;
    }
    return 2.0 * N * N * N / (Math.max(1, fastest) / 1e9);
  }

  private static Matrix random(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Matrix m = new Matrix(N, N);
    for (int i = 0; i < m.size(); i++) {
      m.data[i] = random.nextDouble() - 0.5;
    }
    return m;
  }
}
