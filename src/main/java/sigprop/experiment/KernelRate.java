package sigprop.experiment;

import java.util.SplittableRandom;
import sigprop.net.MatMul;
import sigprop.net.MatMuls;
import sigprop.net.Matrix;

/**
 * A per-core rate for {@link TimeEstimate}, measured on this machine in about half a second
 * (3 s at most): the fastest of repeated 256 × 256 products of the kernel cells use
 * ({@link MatMuls#best()}), times {@link #SWEEP_SHARE}, the share of that rate whole sweeps ran
 * at here in the cost model's flop-equivalents. A cell does more than products (activations, norms, statistics,
 * records), and the cost model prices that work in product flops only roughly.
 */
final class KernelRate {
  /**
   * Cost-model work per second per core of the shipped presets on this 2-core machine against
   * the kernel's 40–45 GFLOP/s (README, 2026-12): homework 1341 GFLOP in 65 s (0.24),
   * assignment 1534 in 48 s (0.37), bench-sweep 1048 in 35 s (0.35), start-up included.
   */
  static final double SWEEP_SHARE = 0.3;
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
