package sigprop.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Chooses the {@link BlockKernel} once per JVM: {@link VectorBlockKernel} when the {@code
 * jdk.incubator.vector} module is present and the kernel reproduces the scalar results on a
 * self-test, else {@link ScalarBlockKernel}. Both give the same counts and bits, so the choice
 * changes speed only. The system property {@code sigprop.stats.kernel=scalar|vector} forces it.
 */
final class BlockKernels {
  /** The system property that forces a kernel. */
  static final String PROPERTY = "sigprop.stats.kernel";

  private static final String VECTOR_MODULE = "jdk.incubator.vector";
  // Named, not referenced: loading VectorBlockKernel without the module would fail.
  private static final String VECTOR_CLASS = "sigprop.stats.VectorBlockKernel";

  private static final BlockKernel BEST = choose(System.getProperty(PROPERTY));

  private BlockKernels() {}

  /** The kernel every accumulator uses. */
  static BlockKernel best() {
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
          throw new IllegalStateException(PROPERTY + "=vector but the Vector API kernel is"
              + " unavailable (module absent or self-test failed)");
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
      return passesSelfTest(k) ? k : null;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  /**
   * Same counts, summary and sums as the scalar kernel on a block holding every kind of value
   * (zeros of both signs first and late, subnormals, infinities, NaN, values far beyond both
   * bin ranges), under both bin layouts and three scales, with a ragged tail.
   */
  static boolean passesSelfTest(BlockKernel candidate) {
    double[] a = selfTestValues();
    HistogramSpec[] specs = {LogBins.DEFAULT, new LinearBins(-1, 1, 200)};
    for (HistogramSpec spec : specs) {
      for (int scale : new int[] {0, -700, 1100}) {
        if (!sameResults(ScalarBlockKernel.INSTANCE, candidate, spec, a, 3, a.length, scale)
            || !sameResults(ScalarBlockKernel.INSTANCE, candidate, spec, a, 40, 43, scale)) {
          return false;
        }
      }
    }
    double[] want = new double[3];
    double[] got = new double[3];
    double[] finite = Arrays.copyOf(a, 600);
    ScalarBlockKernel.INSTANCE.shiftedSums(finite, 1, 599, 0.5, 0.125, want);
    candidate.shiftedSums(finite, 1, 599, 0.5, 0.125, got);
    return Arrays.equals(want, got);
  }

  static boolean sameResults(BlockKernel reference, BlockKernel candidate, HistogramSpec spec,
      double[] a, int from, int to, int log2Scale) {
    long[] wantCounts = new long[spec.slots()];
    long[] gotCounts = new long[spec.slots()];
    BlockSummary want = new BlockSummary();
    BlockSummary got = new BlockSummary();
    classify(reference, spec, a, from, to, log2Scale, wantCounts, want);
    classify(candidate, spec, a, from, to, log2Scale, gotCounts, got);
    return Arrays.equals(wantCounts, gotCounts) && want.nonFinite == got.nonFinite
        && want.zeros == got.zeros && want.saturated90 == got.saturated90
        && want.saturated99 == got.saturated99
        && Double.doubleToRawLongBits(want.min) == Double.doubleToRawLongBits(got.min)
        && Double.doubleToRawLongBits(want.max) == Double.doubleToRawLongBits(got.max);
  }

  private static void classify(BlockKernel k, HistogramSpec spec, double[] a, int from, int to,
      int log2Scale, long[] counts, BlockSummary out) {
    if (spec instanceof LinearBins linear) {
      k.classifyLinear(linear, a, from, to, log2Scale, 0.9, 0.99, counts, out);
    } else {
      k.classifyLog((LogBins) spec, a, from, to, log2Scale, 0.9, 0.99, counts, out);
    }
  }

  private static double[] selfTestValues() {
    SplittableRandom rng = new SplittableRandom(17);
    double[] a = new double[BlockKernel.BLOCK];
    for (int i = 0; i < a.length; i++) {
      a[i] = rng.nextGaussian() * Math.scalb(1.0, rng.nextInt(-40, 40));
    }
    double[] special = {0.0, -0.0, Double.MIN_VALUE, -3e-310, Double.MAX_VALUE, -1.0, 1.0,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.9, -0.99, 1e-300};
    for (int i = 0; i < special.length; i++) {
      a[5 + 37 * i] = special[i];
    }
    a[41] = -0.0;
    return a;
  }
}
