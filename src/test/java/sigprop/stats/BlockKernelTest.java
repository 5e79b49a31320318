package sigprop.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The statistics kernels: hand-computed scans, and the vector kernel's bits equal the scalar's. */
class BlockKernelTest {
  private static final BlockKernel SCALAR = ScalarBlockKernel.INSTANCE;

  @Test
  void scanCountsByHand() {
    double[] a = {0.5, -0.0, 0.95, -0.995, 3e-310, Double.NaN, 0.0, -2.0, Double.NEGATIVE_INFINITY,
        1e-300};
    BlockScan s = new BlockScan();
    SCALAR.scan(a, 0, a.length, 0.9, 0.99, s);
    assertEquals(2, s.nonFinite);
    assertEquals(2, s.zeros);
    assertEquals(1, s.subnormals);
    // |v| > 0.9: 0.95, -0.995, -2 (NaN and -inf counted too; a caller drops such blocks' counts)
    assertEquals(5, s.saturated90);
    assertEquals(4, s.saturated99);
    SCALAR.scan(a, 0, 5, 0.9, 0.99, s);
    assertEquals(-0.995, s.min);
    assertEquals(0.95, s.max);
    SCALAR.scan(new double[] {-0.0, 0.0, -0.0}, 0, 3, 1, 1, s);
    assertEquals(0x0L, Double.doubleToRawLongBits(s.min), "a zero extreme is +0");
    assertEquals(0x0L, Double.doubleToRawLongBits(s.max));
  }

  @Test
  void shiftedSumsByHand() {
    double[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9, -10};
    double[] sums = new double[3];
    SCALAR.shiftedSums(a, 0, a.length, 0.5, 1, sums);
    // x = a/2, d = x − 1: halves and their squares are exact in binary, so every order of
    // summation gives these sums exactly.
    double sd = 0;
    double sq = 0;
    double sb = 0;
    for (double v : a) {
      sd += v / 2 - 1;
      sq += (v / 2 - 1) * (v / 2 - 1);
      sb += Math.abs(v / 2);
    }
    assertEquals(sd, sums[0], 0);
    assertEquals(sq, sums[1], 0);
    assertEquals(sb, sums[2], 0);
  }

  @Test
  void vectorKernelGivesTheScalarBits() {
    BlockKernel vector = vectorKernel();
    assertTrue(BlockKernels.sameAsScalar(vector, BlockKernels.selfTestValues()));
    SplittableRandom random = new SplittableRandom(5);
    for (int trial = 0; trial < 200; trial++) {
      double[] a = new double[1 + random.nextInt(1100)];
      for (int i = 0; i < a.length; i++) {
        int kind = random.nextInt(12);
        a[i] = kind == 0 ? 0.0 : kind == 1 ? -0.0 : kind == 2 ? Double.MIN_VALUE * random.nextInt(9)
            : random.nextGaussian() * Math.scalb(1.0, random.nextInt(-1000, 1000));
      }
      int from = random.nextInt(a.length);
      int to = from + random.nextInt(a.length - from + 1);
      double t = random.nextBoolean() ? Double.POSITIVE_INFINITY : random.nextDouble();
      BlockScan want = new BlockScan();
      BlockScan got = new BlockScan();
      SCALAR.scan(a, from, to, t, 2 * t, want);
      vector.scan(a, from, to, t, 2 * t, got);
      assertEquals(Double.doubleToRawLongBits(want.min), Double.doubleToRawLongBits(got.min));
      assertEquals(Double.doubleToRawLongBits(want.max), Double.doubleToRawLongBits(got.max));
      assertEquals(want.zeros, got.zeros);
      assertEquals(want.subnormals, got.subnormals);
      assertEquals(want.saturated90, got.saturated90);
      assertEquals(want.saturated99, got.saturated99);
      assertEquals(want.nonFinite, got.nonFinite);
      double f = Math.scalb(1.0, random.nextInt(-3, 3));
      double[] wantSums = new double[3];
      double[] gotSums = new double[3];
      SCALAR.shiftedSums(a, from, to, f, 0.25, wantSums);
      vector.shiftedSums(a, from, to, f, 0.25, gotSums);
      for (int k = 0; k < 3; k++) {
        assertEquals(Double.doubleToRawLongBits(wantSums[k]),
            Double.doubleToRawLongBits(gotSums[k]), "sum " + k + " of trial " + trial);
      }
    }
  }

  @Test
  void choiceIsForcedByTheProperty() {
    assertEquals("scalar", BlockKernels.choose("scalar").name());
    assertEquals(BlockKernels.best().name(), BlockKernels.choose(null).name());
  }

  private static BlockKernel vectorKernel() {
    BlockKernel k;
    try {
      k = BlockKernels.choose("vector");
    } catch (IllegalStateException e) {
      k = null;
    }
    assumeTrue(k != null, "no 8-lane Vector API kernel on this machine");
    return k;
  }
}
