package sigprop.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Chooses the {@link BlockKernel} once per JVM: {@link VectorBlockKernel} when the {@code
 * jdk.incubator.vector} module is present, the machine has 8-lane double vectors and the kernel
 * reproduces the scalar results on a self-test, else {@link ScalarBlockKernel}. Both give the
 * same bits, so the choice changes speed only. The system property {@code sigprop.stats=scalar|
 * vector} forces it.
 */
final class BlockKernels {
  /** The system property that forces a kernel. */
  static final String PROPERTY = "sigprop.stats";

  private static final String VECTOR_MODULE = "jdk.incubator.vector";
  // Named, not referenced: loading VectorBlockKernel without the module would fail.
  private static final String VECTOR_CLASS = "sigprop.stats.VectorBlockKernel";

  private static final BlockKernel BEST;
  /** Why no kernel could be chosen (a forced one unusable or misspelt), or null. */
  private static final String REFUSAL;

  static {
    BlockKernel chosen = null;
    String refusal = null;
    try {
      chosen = choose(System.getProperty(PROPERTY));
    } catch (IllegalArgumentException | IllegalStateException e) {
      refusal = e.getMessage();
    }
    BEST = chosen;
    REFUSAL = refusal;
  }

  private BlockKernels() {}

  /** The kernel every accumulator uses; IllegalStateException with the reason if none could be. */
  static BlockKernel best() {
    if (BEST == null) {
      throw new IllegalStateException(REFUSAL);
    }
    return BEST;
  }

  /** The kernel for a value of {@link #PROPERTY}: null or empty picks the fastest usable one. */
  static BlockKernel choose(String forced) {
    String key = forced == null ? "" : forced.trim();
    switch (key) {
      case "":
        BlockKernel vector = vectorOrNull();
        return vector != null ? vector : ScalarBlockKernel.INSTANCE;
      case "scalar":
        return ScalarBlockKernel.INSTANCE;
      case "vector":
        BlockKernel required = vectorOrNull();
        if (required == null) {
          throw new IllegalStateException(PROPERTY + "=vector but the Vector API statistics"
              + " kernel is unavailable (module absent, vectors not 8 doubles wide, or"
              + " self-test failed)");
        }
        return required;
      default:
        throw new IllegalArgumentException(
            PROPERTY + " must be scalar or vector, got '" + forced + "'");
    }
  }

  private static BlockKernel vectorOrNull() {
    if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
      return null;
    }
    try {
      BlockKernel k = (BlockKernel) Class.forName(VECTOR_CLASS).getDeclaredConstructor()
          .newInstance();
      return sameAsScalar(k, selfTestValues()) ? k : null;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  /**
   * Whether {@code candidate} gives the scalar kernel's results, bit for bit, on every prefix
   * and suffix shape of {@code a} that matters (whole vectors, ragged tails, tiny blocks).
   */
  static boolean sameAsScalar(BlockKernel candidate, double[] a) {
    BlockKernel reference = ScalarBlockKernel.INSTANCE;
    int[][] ranges = {{0, a.length}, {3, a.length}, {1, a.length - 5}, {40, 43}, {7, 8}, {9, 9},
        {480, 490}}; // the last holds MIN_NORMAL (at 5 + 37·13) and no subnormal
    for (int[] r : ranges) {
      BlockScan want = new BlockScan();
      BlockScan got = new BlockScan();
      for (double centre : new double[] {0, 0.5}) {
        reference.scan(a, r[0], r[1], centre, 0.9, 0.99, want);
        candidate.scan(a, r[0], r[1], centre, 0.9, 0.99, got);
        if (!same(want, got)) {
          return false;
        }
      }
      reference.scanExtremes(a, r[0], r[1], want);
      candidate.scanExtremes(a, r[0], r[1], got);
      if (!same(want, got)) {
        return false;
      }
      double[] finite = Arrays.stream(a).map(v -> Math.abs(v) <= Double.MAX_VALUE ? v : 1)
          .toArray();
      double[] wantSums = new double[3];
      double[] gotSums = new double[3];
      reference.shiftedSums(finite, r[0], r[1], 0x1p-3, 0.125, wantSums);
      candidate.shiftedSums(finite, r[0], r[1], 0x1p-3, 0.125, gotSums);
      if (!Arrays.equals(wantSums, gotSums)) {
        return false;
      }
      long[] wantCells = new long[r[1] - r[0]];
      long[] gotCells = new long[r[1] - r[0]];
      for (LinearBins bins :
          new LinearBins[] {new LinearBins(-1, 1, 200), new LinearBins(0, 1, 7)}) {
        for (int scale : new int[] {0, -700, 1100, 3}) {
          double[] factors = LinearBins.scaleFactors(scale);
          reference.linearSlots(finite, r[0], r[1], scale != 0, factors, bins, wantCells);
          candidate.linearSlots(finite, r[0], r[1], scale != 0, factors, bins, gotCells);
          if (!Arrays.equals(wantCells, gotCells)) {
            return false;
          }
        }
      }
      for (int rowOffset : new int[] {-1023, 300, -5000}) {
        reference.logCells(finite, r[0], r[1], rowOffset, 2600, 7, wantCells);
        candidate.logCells(finite, r[0], r[1], rowOffset, 2600, 7, gotCells);
        if (!Arrays.equals(wantCells, gotCells)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean same(BlockScan x, BlockScan y) {
    return Double.doubleToRawLongBits(x.min) == Double.doubleToRawLongBits(y.min)
        && Double.doubleToRawLongBits(x.max) == Double.doubleToRawLongBits(y.max)
        && x.nonFinite == y.nonFinite && x.subnormals == y.subnormals && x.zeros == y.zeros
        && x.saturated90 == y.saturated90 && x.saturated99 == y.saturated99;
  }

  /** Gaussians over 80 octaves with every special value sprinkled in, zeros of both signs. */
  static double[] selfTestValues() {
    SplittableRandom rng = new SplittableRandom(17);
    double[] a = new double[1024];
    for (int i = 0; i < a.length; i++) {
      a[i] = rng.nextGaussian() * Math.scalb(1.0, rng.nextInt(-40, 40));
    }
    double[] special = {0.0, -0.0, Double.MIN_VALUE, -3e-310, Double.MAX_VALUE, -1.0, 1.0,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.9, -0.99, 1e-300,
        Double.MIN_NORMAL};
    for (int i = 0; i < special.length; i++) {
      a[5 + 37 * i] = special[i];
    }
    a[41] = -0.0;
    return a;
  }
}
