package sigprop.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
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
    SCALAR.scan(a, 0, a.length, 0, 0.9, 0.99, s);
    assertEquals(2, s.nonFinite);
    assertEquals(2, s.zeros);
    assertEquals(1, s.subnormals);
    // |v| > 0.9: 0.95, -0.995, -2 (NaN and -inf counted too; a caller drops such blocks' counts)
    assertEquals(5, s.saturated90);
    assertEquals(4, s.saturated99);
    SCALAR.scan(a, 0, 5, 0, 0.9, 0.99, s);
    assertEquals(-0.995, s.min);
    assertEquals(0.95, s.max);
    SCALAR.scan(new double[] {-0.0, 0.0, -0.0}, 0, 3, 0, 1, 1, s);
    assertEquals(0x0L, Double.doubleToRawLongBits(s.min), "a zero extreme is +0");
    assertEquals(0x0L, Double.doubleToRawLongBits(s.max));
  }

  @Test
  void saturationIsMeasuredFromTheCentre() {
    // Sigmoid's range (0, 1): centre 0.5, thresholds 0.9 and 0.99 of the half-width 0.5.
    double[] a = {0.5, 0.04, 0.06, 0.96, 0.994, 0.996, 0.0, 1.0, 0.004, 0.3};
    BlockScan s = new BlockScan();
    SCALAR.scan(a, 0, a.length, 0.5, 0.45, 0.495, s);
    // |v − 0.5| > 0.45: 0.04, 0.96, 0.994, 0.996, 0, 1, 0.004; > 0.495: 0.996, 0, 1, 0.004
    assertEquals(7, s.saturated90);
    assertEquals(4, s.saturated99);
    assertEquals(1, s.zeros);
    assertEquals(0.0, s.min);
    assertEquals(1.0, s.max);
  }

  @Test
  void scanExtremesFlagsByHand() {
    double[] a = {0.5, -0.0, 0.95, -0.995, 3e-310, Double.NaN, 0.0, -2.0, Double.NEGATIVE_INFINITY,
        1e-300};
    BlockScan s = new BlockScan();
    s.zeros = 9;
    s.saturated90 = 9;
    SCALAR.scanExtremes(a, 0, a.length, s);
    assertEquals(1, s.nonFinite, "presence, not a count");
    assertEquals(1, s.subnormals);
    assertEquals(0, s.zeros, "left to the histogram");
    assertEquals(0, s.saturated90);
    SCALAR.scanExtremes(a, 0, 4, s);
    assertEquals(0, s.nonFinite);
    assertEquals(0, s.subnormals);
    assertEquals(-0.995, s.min);
    assertEquals(0.95, s.max);
    SCALAR.scanExtremes(a, 4, 5, s);
    assertEquals(1, s.subnormals, "3e-310 alone");
    SCALAR.scanExtremes(new double[] {Double.MIN_VALUE, Double.MIN_NORMAL, -0.0}, 1, 3, s);
    assertEquals(0, s.subnormals, "MIN_NORMAL is normal, zero is not subnormal");
    assertEquals(0x0L, Double.doubleToRawLongBits(s.min), "a zero extreme is +0");
    SCALAR.scanExtremes(new double[] {Double.MAX_VALUE, -Double.MAX_VALUE}, 0, 2, s);
    assertEquals(0, s.nonFinite);
    SCALAR.scanExtremes(new double[] {1, Double.POSITIVE_INFINITY}, 0, 2, s);
    assertEquals(1, s.nonFinite);
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
  void selfTestRejectsAKernelThatMissesOneSaturatedValueOffCentre() {
    BlockKernel offByOne = new BlockKernel() {
      @Override public void scan(double[] a, int from, int to, double centre, double t90,
          double t99, BlockScan out) {
        SCALAR.scan(a, from, to, centre, t90, t99, out);
        if (centre != 0 && out.saturated90 > 0) {
          out.saturated90--;
        }
      }
      @Override public void scanExtremes(double[] a, int from, int to, BlockScan out) {
        SCALAR.scanExtremes(a, from, to, out);
      }
      @Override public void shiftedSums(double[] a, int from, int to, double f, double shift,
          double[] sums) {
        SCALAR.shiftedSums(a, from, to, f, shift, sums);
      }
      @Override public void logCells(double[] a, int from, int to, int rowOffset, int lastRow,
          int zeroCell, long[] cells) {
        SCALAR.logCells(a, from, to, rowOffset, lastRow, zeroCell, cells);
      }
      @Override public void linearSlots(double[] a, int from, int to, boolean scaled,
          double[] factors, LinearBins bins, long[] slots) {
        SCALAR.linearSlots(a, from, to, scaled, factors, bins, slots);
      }
      @Override public String name() {
        return "off by one";
      }
    };
    assertTrue(BlockKernels.sameAsScalar(SCALAR, BlockKernels.selfTestValues()));
    assertFalse(BlockKernels.sameAsScalar(offByOne, BlockKernels.selfTestValues()));
  }

  /**
   * −0.0 is not below a lower edge of +0.0 (a linear range [0, 1] on a tanh output, whose
   * tanh(−0.0) is −0.0): it lands in the first bin, like +0.0, in both kernels.
   */
  @Test
  void negativeZeroIsInsideARangeStartingAtZero() {
    LinearBins bins = new LinearBins(0, 1, 200);
    assertEquals(1, bins.slotOf(-0.0, 0));
    assertEquals(1, bins.slotOf(0.0, 0));
    LinearBins below = new LinearBins(-1, 0, 200);
    assertEquals(200, below.slotOf(-0.0, 0), "the closed last bin at hi = 0");
    assertEquals(200, below.slotOf(0.0, 0));
    double[] a = new double[19];
    java.util.Arrays.fill(a, -0.0);
    a[3] = 0.0;
    for (BlockKernel k : List.of(SCALAR, vectorKernel())) {
      long[] slots = new long[a.length];
      k.linearSlots(a, 0, a.length, false, LinearBins.scaleFactors(0), bins, slots);
      for (long slot : slots) {
        assertEquals(1, slot, k.name());
      }
    }
  }

  @Test
  void vectorKernelGivesTheScalarBits() {
    BlockKernel vector = vectorKernel();
    assertTrue(BlockKernels.sameAsScalar(vector, BlockKernels.selfTestValues()));
    SplittableRandom random = new SplittableRandom(5);
    for (int trial = 0; trial < 200; trial++) {
      double[] a = new double[1 + random.nextInt(1100)];
      // A quarter of the trials without special values, so presence flags are seen both ways.
      int kinds = random.nextInt(4) == 0 ? 1 : 600;
      for (int i = 0; i < a.length; i++) {
        int kind = random.nextInt(kinds);
        a[i] = kind == 0 ? random.nextGaussian() * Math.scalb(1.0, random.nextInt(-1000, 1000))
            : kind < 50 ? 0.0 : kind < 100 ? -0.0
            : kind < 150 ? Double.MIN_VALUE * random.nextInt(9)
            : kind == 150 ? Double.NaN : kind == 151 ? Double.NEGATIVE_INFINITY
            : kind == 152 ? -Double.MIN_NORMAL : kind == 153 ? Math.nextDown(Double.MIN_NORMAL)
            : random.nextGaussian() * Math.scalb(1.0, random.nextInt(-1000, 1000));
      }
      int from = random.nextInt(a.length);
      int to = from + random.nextInt(a.length - from + 1);
      double t = random.nextBoolean() ? Double.POSITIVE_INFINITY : random.nextDouble();
      double centre = random.nextBoolean() ? 0 : random.nextGaussian();
      BlockScan want = new BlockScan();
      BlockScan got = new BlockScan();
      SCALAR.scan(a, from, to, centre, t, 2 * t, want);
      vector.scan(a, from, to, centre, t, 2 * t, got);
      assertEquals(Double.doubleToRawLongBits(want.min), Double.doubleToRawLongBits(got.min));
      assertEquals(Double.doubleToRawLongBits(want.max), Double.doubleToRawLongBits(got.max));
      assertEquals(want.zeros, got.zeros);
      assertEquals(want.subnormals, got.subnormals);
      assertEquals(want.saturated90, got.saturated90);
      assertEquals(want.saturated99, got.saturated99);
      assertEquals(want.nonFinite, got.nonFinite);
      SCALAR.scanExtremes(a, from, to, want);
      vector.scanExtremes(a, from, to, got);
      assertEquals(Double.doubleToRawLongBits(want.min), Double.doubleToRawLongBits(got.min));
      assertEquals(Double.doubleToRawLongBits(want.max), Double.doubleToRawLongBits(got.max));
      assertEquals(want.subnormals, got.subnormals, "subnormals present, trial " + trial);
      assertEquals(want.nonFinite, got.nonFinite, "non-finite present, trial " + trial);
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
  void vectorScanFlagsEachSpecialValueAtEveryLanePosition() {
    BlockKernel vector = vectorKernel();
    double[] specials = {Double.MIN_NORMAL, -Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
        -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
        Double.NaN, 0.0, -0.0, 1.0};
    for (double special : specials) {
      for (int n = 1; n <= 40; n++) {
        for (int at = 0; at < n; at++) {
          double[] a = new double[n];
          for (int i = 0; i < n; i++) {
            a[i] = 0.5 + i;
          }
          a[at] = special;
          BlockScan want = new BlockScan();
          BlockScan got = new BlockScan();
          SCALAR.scanExtremes(a, 0, n, want);
          vector.scanExtremes(a, 0, n, got);
          String what = special + " at " + at + " of " + n;
          assertEquals(want.subnormals, got.subnormals, what);
          assertEquals(want.nonFinite, got.nonFinite, what);
          assertEquals(Double.doubleToRawLongBits(want.min), Double.doubleToRawLongBits(got.min),
              what);
          assertEquals(Double.doubleToRawLongBits(want.max), Double.doubleToRawLongBits(got.max),
              what);
          SCALAR.scan(a, 0, n, 0.5, 0.9, 0.99, want);
          vector.scan(a, 0, n, 0.5, 0.9, 0.99, got);
          assertEquals(want.saturated90, got.saturated90, what);
          assertEquals(want.saturated99, got.saturated99, what);
          assertEquals(want.subnormals, got.subnormals, what);
          assertEquals(want.nonFinite, got.nonFinite, what);
          assertEquals(want.zeros, got.zeros, what);
        }
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
