package sigprop.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The chosen block kernel gives the scalar kernel's counts and bits, whatever the values. */
class BlockKernelTest {
  private static final HistogramSpec[] SPECS = {LogBins.DEFAULT, new LogBins(-12, 9, 3),
      new LinearBins(-1, 1, 200), new LinearBins(-0.7, 1.3, 37)};

  private static double[] values(SplittableRandom rng, int n, int kind) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      switch (kind) {
        case 0: a[i] = rng.nextGaussian(); break;
        case 1: a[i] = Math.tanh(3 * rng.nextGaussian()); break; // saturating
        case 2: a[i] = rng.nextGaussian() * Math.scalb(1.0, rng.nextInt(-1074, 1023)); break;
        case 3: a[i] = Math.max(0, rng.nextGaussian()); break; // ReLU-like: many +0.0
        default: a[i] = rng.nextInt(5) - 2.0; // few distinct values, exact edges
      }
    }
    if (kind == 2) {
      double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.NaN,
          Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, 1.0, -1.0};
      for (int k = 0; k < special.length && k < n; k++) {
        a[rng.nextInt(n)] = special[k];
      }
    }
    return a;
  }

  @Test
  void sameCountsSummariesAndSumsAsTheScalarKernel() {
    BlockKernel kernel = BlockKernels.best();
    SplittableRandom rng = new SplittableRandom(5);
    // Many calls, so that C2 compiles the Vector API code before the later comparisons.
    for (int round = 0; round < 400; round++) {
      int n = round % 7 == 0 ? 1 + rng.nextInt(40) : BlockKernel.BLOCK;
      int offset = rng.nextInt(3);
      double[] a = values(rng, n + offset, round % 5);
      HistogramSpec spec = SPECS[round % SPECS.length];
      int scale = round % 3 == 0 ? 0 : rng.nextInt(-1200, 1200);
      assertTrue(BlockKernels.sameResults(ScalarBlockKernel.INSTANCE, kernel, spec, a, offset,
          offset + n, scale), kernel.name() + ": round " + round + " " + spec);
    }
    double[] a = values(rng, 1000, 0);
    double[] want = new double[3];
    double[] got = new double[3];
    ScalarBlockKernel.INSTANCE.shiftedSums(a, 3, 998, 0.25, -0.5, want);
    kernel.shiftedSums(a, 3, 998, 0.25, -0.5, got);
    assertArrayEquals(want, got, 0.0);
  }

  @Test
  void zeroExtremesTakeTheFirstZerosSign() {
    // The scalar loop keeps the first of equal extremes; ±0 compare equal but differ in sign.
    double[] a = new double[64];
    java.util.Arrays.fill(a, 2.0);
    a[17] = -0.0;
    a[40] = 0.0;
    for (BlockKernel k : new BlockKernel[] {ScalarBlockKernel.INSTANCE, BlockKernels.best()}) {
      BlockSummary s = new BlockSummary();
      k.classifyLog(LogBins.DEFAULT, a, 0, a.length, 0, Double.NaN, Double.NaN,
          new long[LogBins.DEFAULT.slots()], s);
      assertTrue(Double.doubleToRawLongBits(s.min) == Double.doubleToRawLongBits(-0.0),
          k.name() + " min " + s.min);
    }
  }
}
