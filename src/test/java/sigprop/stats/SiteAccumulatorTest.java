package sigprop.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.junit.jupiter.api.Test;

class SiteAccumulatorTest {
  static final LinearBins EIGHTHS = new LinearBins(-1, 1, 8);

  @Test
  void handComputedTanhVector() {
    // 9 finite values, 3 non-finite (skipped, only counted).
    // Σv = −1 −.95 −.5 +0 +0 +.5 +.95 +.995 +1 = .995, mean = .995/9.
    // Σv² = 1 + .9025 + .25 + 0 + 0 + .25 + .9025 + .990025 + 1 = 5.295025;
    // variance = (Σv² − (Σv)²/9)/8 = (5.295025 − .110002…)/8 = .648127…; rms = √(5.295025/9).
    // Σ|v| = 5.895, meanAbs = .655. Zeros 2/9. |v| > .9: −1 −.95 .95 .995 1 → 5/9;
    // |v| > .99: −1 .995 1 → 3/9. Slots of [−1,1]/8: −1, −.95 → 1; −.5 → 3; 0, 0 → 5; .5 → 7;
    // .95, .995, 1 → 8 (the last bin is closed).
    double[] v = {-1, -0.95, Double.NaN, -0.5, 0, 0, 0.5, Double.POSITIVE_INFINITY, 0.95, 0.995,
        1, Double.NEGATIVE_INFINITY};
    SiteAccumulator acc = new SiteAccumulator(EIGHTHS, 1);
    acc.add(v, 0);
    SiteRecord r = acc.toRecord();
    assertEquals(9, r.count());
    assertEquals(3, r.nonFinite());
    assertEquals(0.995 / 9, r.mean(), 1e-15);
    assertEquals((5.295025 - 0.995 * 0.995 / 9) / 8, r.variance(), 1e-15);
    assertEquals(Math.sqrt(r.variance()), r.std(), 1e-15);
    assertEquals(Math.log10(r.variance()), r.log10Variance(), 1e-14);
    assertEquals(-1.0, r.min());
    assertEquals(1.0, r.max());
    assertEquals(0.655, r.meanAbs(), 1e-15);
    assertEquals(Math.sqrt(5.295025 / 9), r.rms(), 1e-15);
    assertEquals(2.0 / 9, r.fracZero());
    assertEquals(5.0 / 9, r.fracSat90());
    assertEquals(3.0 / 9, r.fracSat99());
    assertEquals(Histogram.ofRange(EIGHTHS, 1, new long[] {2, 0, 1, 0, 2, 0, 1, 3}),
        r.histogram());
    assertTrue(Double.isNaN(r.jacobian()));
  }

  @Test
  void sigmoidRangeCountsSaturationAtBothEnds() {
    // Range (0, 1): saturated at 0.9 when |v − 0.5| > 0.45, at 0.99 when > 0.495.
    SaturationRange sigmoid = new SaturationRange(0, 1);
    SiteAccumulator acc = new SiteAccumulator(new LinearBins(-1, 1, 8), sigmoid);
    acc.add(new double[] {0.02, 0.4, 0.6, 0.98, 0.001, 0.9999, 0.5, 0.06}, 0);
    SiteRecord r = acc.toRecord();
    assertEquals(4.0 / 8, r.fracSat90()); // 0.02, 0.98, 0.001, 0.9999
    assertEquals(2.0 / 8, r.fracSat99()); // 0.001, 0.9999
    assertEquals(sigmoid, r.saturation());
    // Stored values with a scale: true value = stored·2, so 0.01 → 0.02 and 0.49 → 0.98.
    acc.reset();
    acc.add(new double[] {0.01, 0.2, 0.3, 0.49, 0.2499}, 1);
    r = acc.toRecord();
    assertEquals(2.0 / 5, r.fracSat90());
    assertEquals(0.0, r.fracSat99());
    // The symmetric bound is the range (−1, 1): tanh's counts are unchanged.
    assertEquals(new SaturationRange(-1, 1), SaturationRange.symmetric(1));
    assertEquals(SaturationRange.NONE, SaturationRange.symmetric(Double.POSITIVE_INFINITY));
  }

  @Test
  void recordsOfDifferentRangesDoNotMerge() {
    SiteAccumulator tanh = new SiteAccumulator(EIGHTHS, 1);
    SiteAccumulator sigmoid = new SiteAccumulator(EIGHTHS, new SaturationRange(0, 1));
    tanh.add(new double[] {0.5}, 0);
    sigmoid.add(new double[] {0.5}, 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> tanh.toRecord().merge(sigmoid.toRecord()));
    assertTrue(e.getMessage().contains("different saturation ranges"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new SaturationRange(1, 0));
    assertThrows(IllegalArgumentException.class, () -> new SaturationRange(0, Double.NaN));
  }

  @Test
  void unboundedSiteHasNaNSaturation() {
    SiteAccumulator acc = SiteAccumulator.forBound(Double.POSITIVE_INFINITY);
    acc.add(new double[] {0, 1e9, -3}, 0);
    SiteRecord r = acc.toRecord();
    assertEquals(LogBins.DEFAULT, r.histogram().spec());
    assertTrue(Double.isNaN(r.fracSat90()) && Double.isNaN(r.fracSat99()));
    assertEquals(1.0 / 3, r.fracZero());
  }

  @Test
  void zerosCountedTheSameByTheZeroSlotAndByTheCountingLoop() {
    double[] x = mixedData(5000, 13); // about 5% exact zeros, some NaN
    SiteAccumulator unbounded = new SiteAccumulator(LogBins.DEFAULT, Double.NaN); // zero slot
    SiteAccumulator bounded = new SiteAccumulator(LogBins.DEFAULT, 1); // counting loop
    unbounded.add(x, 0);
    bounded.add(x, 0);
    long expected = Arrays.stream(x).filter(v -> v == 0).count();
    assertEquals(expected, unbounded.toRecord().zeros());
    assertEquals(expected, bounded.toRecord().zeros());
    assertTrue(expected > 100);
  }

  @Test
  void histogramCountsEveryValueInTheSlotOfItsSpec() {
    SplittableRandom random = new SplittableRandom(21);
    double[] x = new double[9000];
    for (int i = 0; i < x.length; i++) {
      int kind = random.nextInt(20);
      x[i] = switch (kind) {
        case 0 -> 0.0;
        case 1 -> -0.0;
        case 2 -> Double.MIN_VALUE * (1 + random.nextInt(1000)); // subnormal
        case 3 -> Math.pow(10, random.nextInt(-300, 300) / 10.0); // on or next to an edge
        case 4 -> Math.nextUp(Math.pow(10, random.nextInt(-300, 300) / 10.0));
        default -> random.nextGaussian() * Math.scalb(1.0, random.nextInt(-200, 200));
      };
    }
    for (HistogramSpec spec : new HistogramSpec[] {EIGHTHS, LogBins.DEFAULT,
        new LogBins(-5, 5, 7)}) {
      SiteAccumulator reused = new SiteAccumulator(spec, Double.NaN);
      for (int scale : new int[] {0, -700, 1100, -1200, 3}) {
        long[] expected = new long[spec.slots()];
        for (double v : x) {
          expected[spec.slotOf(v, scale)]++;
        }
        SiteAccumulator fresh = new SiteAccumulator(spec, Double.NaN);
        fresh.add(x, scale);
        assertEquals(Histogram.of(spec, expected), fresh.toRecord().histogram(),
            spec + " at scale " + scale);
        // A reused accumulator forgets everything: its snapshot and reset visit only touched
        // slots, which must cover every count.
        reused.reset();
        reused.add(x, scale);
        assertSameRecord(fresh.toRecord(), reused.toRecord());
      }
    }
  }

  @Test
  void agreesWithReferencesOverManyBlocks() {
    SplittableRandom random = new SplittableRandom(9);
    double[] x = new double[20_003]; // 20 blocks
    for (int i = 0; i < x.length; i++) {
      x[i] = 1e4 + random.nextGaussian(); // offset 1e4 σ: catastrophic for Σx² − n·mean²
    }
    SiteAccumulator acc = new SiteAccumulator(LogBins.DEFAULT, Double.NaN);
    acc.add(x, 0);
    SiteRecord r = acc.toRecord();
    // Block-wise corrected two-pass: as accurate as exact arithmetic to ~1e-13 here.
    assertEquals(MomentsTest.exactVariance(x), r.variance(), 1e-13 * r.variance());
    assertEquals(new Variance(true).evaluate(x), r.variance(), 1e-11 * r.variance());
    MomentsTest.assertSameMoments(Moments.of(x, 0, x.length, 0), r.moments());
  }

  @Test
  void twoHalvesMergeToTheWhole() {
    double[] x = mixedData(10_000, 10);
    for (HistogramSpec spec : new HistogramSpec[] {EIGHTHS, LogBins.DEFAULT}) {
      for (int split : new int[] {0, 1023, 4321, 10_000}) {
        SiteAccumulator whole = new SiteAccumulator(spec, 1);
        whole.add(x, 0);
        SiteAccumulator first = new SiteAccumulator(spec, 1);
        first.add(x, 0, split, 0);
        SiteAccumulator second = new SiteAccumulator(spec, 1);
        second.add(x, split, x.length - split, 0);
        assertSameRecord(whole.toRecord(), first.toRecord().merge(second.toRecord()));
        first.merge(second.toRecord());
        assertSameRecord(whole.toRecord(), first.toRecord());
      }
    }
  }

  @Test
  void mergesHalvesGivenAtDifferentScales() {
    double[] x = mixedData(6000, 11);
    double[] secondHalfRescaled = new double[3000];
    for (int i = 0; i < 3000; i++) {
      secondHalfRescaled[i] = Math.scalb(x[3000 + i], -700); // true value unchanged at scale +700
    }
    for (HistogramSpec spec : new HistogramSpec[] {EIGHTHS, LogBins.DEFAULT}) {
      SiteAccumulator whole = new SiteAccumulator(spec, 1);
      whole.add(x, 0);
      SiteAccumulator first = new SiteAccumulator(spec, 1);
      first.add(x, 0, 3000, 0);
      SiteAccumulator second = new SiteAccumulator(spec, 1);
      second.add(secondHalfRescaled, 700);
      assertSameRecord(whole.toRecord(), first.toRecord().merge(second.toRecord()));
    }
  }

  @Test
  void recordWithVarianceOutOfDoubleRange() {
    // ±1 at scale s: variance 2·4^s, log10 = (2s+1)·log10 2 = -699.9 for s = -1163.
    int s = -1163;
    SiteAccumulator acc = new SiteAccumulator(LogBins.DEFAULT, Double.NaN);
    acc.add(new double[] {1, -1}, s);
    SiteRecord r = acc.toRecord();
    assertEquals(0.0, r.variance());
    assertEquals(0.0, r.std());
    assertEquals((2 * s + 1) * Math.log10(2), r.log10Variance(), 1e-10);
    assertEquals(s * Math.log10(2), r.log10Rms(), 1e-10);
    assertEquals(-1, r.quantiles(0.0).signs()[0]);
    assertEquals(s * Math.log10(2), r.quantiles(1.0).log10Abs()[0], 0.1);
    // Gaussian data at the same scale: log10Variance = log10(sample variance) + 2s·log10 2.
    SplittableRandom random = new SplittableRandom(12);
    double[] x = new double[50_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
    }
    acc.reset();
    acc.add(x, s);
    r = acc.toRecord();
    double expected = Math.log10(new Variance(true).evaluate(x)) + 2 * s * Math.log10(2);
    assertEquals(expected, r.log10Variance(), 1e-12);
    assertEquals(0.0, r.variance());
    // And above range: the same data at scale -s.
    acc.reset();
    acc.add(x, -s);
    assertEquals(Double.POSITIVE_INFINITY, acc.toRecord().variance());
    assertEquals(expected + 4 * -s * Math.log10(2), acc.toRecord().log10Variance(), 1e-9);
  }

  @Test
  void aTensorSpanningMoreThanDoublesRangeKeepsItsMinAndQuantiles() {
    // 100 values of −1e-200 and one of 1e+200: min and every quantile from 1 % to 99 % are
    // −1e-200 (to a log bin). With one shared scale the min read −0.0 and clamped every
    // quantile to 0.
    double[] a = new double[101];
    java.util.Arrays.fill(a, -1e-200);
    a[100] = 1e200;
    SiteAccumulator acc = new SiteAccumulator(LogBins.DEFAULT, Double.NaN);
    acc.add(a, 0);
    SiteRecord r = acc.toRecord();
    assertEquals(-1e-200, r.min());
    assertEquals(1e200, r.max());
    for (double q : r.quantiles().values()) {
      assertTrue(q <= -1e-200 / Math.pow(10, 0.1) && q >= -1e-200 * Math.pow(10, 0.1),
          "quantile " + q);
    }
  }

  @Test
  void zerosAtOneScaleDoNotFlushTinyValuesAtAnother() {
    SiteAccumulator acc = new SiteAccumulator(LogBins.DEFAULT, Double.NaN);
    acc.add(new double[] {0, 0, 0}, 1000);
    acc.add(new double[] {1, 3}, -1300);
    // True values 0 0 0 1 3 (·2^-1300): mean 0.8, M2 = 3·.64 + .04 + 4.84 = 6.8, variance 1.7.
    assertEquals(Math.log10(1.7) - 2600 * Math.log10(2), acc.toRecord().log10Variance(), 1e-12);
  }

  @Test
  void mismatchedSpecsOrBoundsThrow() {
    SiteRecord linear = new SiteAccumulator(EIGHTHS, 1).toRecord();
    SiteRecord log = new SiteAccumulator(LogBins.DEFAULT, 1).toRecord();
    SiteRecord otherBound = new SiteAccumulator(EIGHTHS, 2).toRecord();
    assertThrows(IllegalArgumentException.class, () -> linear.merge(log));
    assertThrows(IllegalArgumentException.class, () -> linear.merge(otherBound));
    assertThrows(IllegalArgumentException.class,
        () -> new SiteAccumulator(LogBins.DEFAULT, 1).merge(linear));
  }

  @Test
  void absurdScalesAreRejectedAtTheBoundary() {
    SiteAccumulator acc = SiteAccumulator.forBound(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> acc.add(new double[] {1}, Integer.MAX_VALUE));
    assertTrue(e.getMessage().contains("2147483647"), e.getMessage());
    acc.add(new double[] {1}, 1 << 30); // the largest allowed: 1·2^(2^30), far beyond +∞
    assertEquals(Double.POSITIVE_INFINITY, acc.toRecord().max());
  }

  @Test
  void jacobianIsAveragedOverReports() {
    SiteAccumulator acc = SiteAccumulator.forBound(1);
    acc.recordJacobian(0.5);
    acc.recordJacobian(1.5);
    SiteRecord r = acc.toRecord();
    assertEquals(1.0, r.jacobian());
    assertEquals(4.5 / 3, r.withJacobian(2.5).jacobian(), 1e-15);
    assertEquals(1.0, r.merge(r).jacobian());
    acc.reset();
    assertTrue(Double.isNaN(acc.toRecord().jacobian()));
  }

  @Test
  void recordPrintsItsHeadlineStatistics() {
    SiteAccumulator acc = SiteAccumulator.forBound(1);
    acc.add(new double[] {-0.5, 0.25, 1}, 0);
    String s = acc.toRecord().toString();
    assertTrue(s.startsWith("SiteRecord[count=3, mean=0.25"), s);
    assertTrue(s.contains("50%="), s);
  }

  /** Normal and saturated values, exact zeros and an occasional NaN or infinity. */
  static double[] mixedData(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = switch (random.nextInt(20)) {
        case 0 -> 0.0;
        case 1 -> random.nextBoolean() ? Double.NaN : Double.NEGATIVE_INFINITY;
        case 2 -> Math.signum(random.nextGaussian());
        default -> Math.tanh(2 * random.nextGaussian());
      };
    }
    return x;
  }

  static void assertSameRecord(SiteRecord expected, SiteRecord actual) {
    assertEquals(expected.histogram(), actual.histogram());
    assertEquals(expected.nonFinite(), actual.nonFinite());
    assertEquals(expected.zeros(), actual.zeros());
    assertEquals(expected.saturated90(), actual.saturated90());
    assertEquals(expected.saturated99(), actual.saturated99());
    MomentsTest.assertSameMoments(expected.moments(), actual.moments());
  }
}
