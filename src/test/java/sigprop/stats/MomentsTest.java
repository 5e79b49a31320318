package sigprop.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.junit.jupiter.api.Test;

class MomentsTest {
  /** Relative tolerance for mean and M2 after merges: a few hundred ulps of n·eps. */
  static final double TOLERANCE = 1e-12;

  @Test
  void handComputedVector() {
    // x = 2 4 4 4 5 5 7 9, plus NaN, +inf, -inf which are skipped.
    // n = 8, Σx = 40, mean = 5; deviations -3 -1 -1 -1 0 0 2 4, M2 = 9+1+1+1+0+0+4+16 = 32,
    // unbiased variance 32/7; Σ|x| = 40; Σx² = 232, rms = √(232/8) = √29.
    double[] x = {2, 4, Double.NaN, 4, 4, Double.POSITIVE_INFINITY, 5, 5, 7,
        Double.NEGATIVE_INFINITY, 9};
    Moments m = Moments.of(x, 0, x.length, 0);
    assertEquals(8, m.count());
    assertEquals(5.0, m.mean(), 1e-15);
    assertEquals(32.0 / 7, m.variance(), 1e-14);
    assertEquals(Math.sqrt(32.0 / 7), m.std(), 1e-14);
    assertEquals(Math.log10(32.0 / 7), m.log10Variance(), 1e-14);
    assertEquals(2.0, m.min());
    assertEquals(9.0, m.max());
    assertEquals(5.0, m.meanAbs(), 1e-15);
    assertEquals(Math.sqrt(29), m.rms(), 1e-14);
  }

  @Test
  void agreesWithCommonsMathAndExactArithmetic() {
    SplittableRandom random = new SplittableRandom(3);
    double[] x = new double[5000];
    for (int i = 0; i < x.length; i++) {
      x[i] = 1e4 + random.nextGaussian(); // mean/σ = 1e4: Σx² − n·mean² loses 8 digits here
    }
    Moments m = Moments.of(x, 0, x.length, 0);
    // Welford's error grows like eps·mean/σ ≈ 1e-12.
    assertEquals(exactVariance(x), m.variance(), 1e-11 * m.variance());
    assertEquals(new Variance(true).evaluate(x), m.variance(), 1e-11 * m.variance());
    assertEquals(new Mean().evaluate(x), m.mean(), 1e-10); // σ = 1
  }

  @Test
  void twoHalvesMergeToTheWhole() {
    SplittableRandom random = new SplittableRandom(4);
    double[] x = new double[10_001];
    for (int i = 0; i < x.length; i++) {
      x[i] = 3 + 2 * random.nextGaussian();
    }
    Moments whole = Moments.of(x, 0, x.length, 0);
    for (int split : new int[] {0, 1, 4321, 10_000, 10_001}) {
      Moments merged = Moments.of(x, 0, split, 0).merge(Moments.of(x, split, x.length - split, 0));
      assertSameMoments(whole, merged);
    }
  }

  @Test
  void mergesDifferentScalesExactlyByPowersOfTwo() {
    SplittableRandom random = new SplittableRandom(5);
    double[] x = new double[2000];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian();
    }
    // The second half is handed over as x·2^-600 with log2Scale +600: the same true values.
    double[] shifted = new double[1000];
    for (int i = 0; i < 1000; i++) {
      shifted[i] = Math.scalb(x[1000 + i], -600);
    }
    Moments merged = Moments.of(x, 0, 1000, 0).merge(Moments.of(shifted, 0, 1000, 600));
    assertSameMoments(Moments.of(x, 0, x.length, 0), merged);
  }

  @Test
  void allZeroSideDoesNotDecideTheScale() {
    // Zeros "at scale +1000" merged with 2^-1300-sized values must not flush the latter to 0.
    Moments zeros = Moments.of(new double[] {0, 0}, 0, 2, 1000);
    Moments tiny = Moments.of(new double[] {1, 3}, 0, 2, -1300);
    Moments m = zeros.merge(tiny);
    // True values 0 0 1 3 (·2^-1300): mean 1, M2 = 1+1+0+4 = 6, variance 2 (·4^-1300).
    assertEquals(Math.log10(2) - 2600 * Math.log10(2), m.log10Variance(), 1e-12);
    assertEquals(0.0, m.variance());
  }

  @Test
  void extremesKeepTheirOwnScale() {
    // −1.5·2^-1100 beside 1.5: the min is 2^1100 times smaller than the largest magnitude,
    // beyond what one shared scale can hold (it read 0).
    Moments m = Moments.of(new double[] {-1.5}, 0, 1, -1100)
        .merge(Moments.of(new double[] {1.5}, 0, 1, 0));
    assertEquals(new ScaledDouble(-1.5, -1100), m.exactMin());
    assertEquals(new ScaledDouble(1.5, 0), m.exactMax());
    assertEquals(0.0, Math.abs(m.scaledMin()), "the table's shared-scale form cannot hold it");
    // Within double's range both ways: the nearest double, to the last bit.
    Moments close = Moments.of(new double[] {1e10}, 0, 1, 0)
        .merge(Moments.of(new double[] {-1.2345678901234567e-300}, 0, 1, 0));
    assertEquals(-1.2345678901234567e-300, close.min());
    // What the layers table stores comes back as the same record where it can.
    Moments back = Moments.scaled(close.count(), close.scaledMean(), close.scaledM2(),
        close.scaledMin(), close.scaledMax(), close.scaledSumAbs(), close.log2Scale());
    assertEquals(close.exactMax(), back.exactMax());
  }

  @Test
  void varianceOutOfDoubleRange() {
    // Values ±1 with log2Scale s: mean 0, M2 = 2·4^s, variance 2·4^s, log10 = (2s+1)·log10 2.
    int s = -1163; // variance ≈ 10^-699.9
    Moments small = Moments.of(new double[] {1, -1}, 0, 2, s);
    assertEquals(0.0, small.variance());
    assertEquals((2 * s + 1) * Math.log10(2), small.log10Variance(), 1e-10);
    assertTrue(small.log10Variance() < -699 && small.log10Variance() > -701);
    assertEquals(0.0, small.std()); // 1e-350 is below 4.9e-324 too
    Moments large = Moments.of(new double[] {1, -1}, 0, 2, -s);
    assertEquals(Double.POSITIVE_INFINITY, large.variance());
    assertEquals((-2 * s + 1) * Math.log10(2), large.log10Variance(), 1e-10);
    // std stays representable when only the variance is out of range: variance 2·4^-540 =
    // 2^-1079 < 2^-1074 is 0, std = √2·2^-540 ≈ 3e-163 is not.
    Moments medium = Moments.of(new double[] {1, -1}, 0, 2, -540);
    assertEquals(0.0, medium.variance());
    assertEquals(Math.sqrt(2) * Math.scalb(1.0, -540), medium.std(), 1e-178);
  }

  @Test
  void hugeScaledValuesDoNotOverflow() {
    // Stored values near Double.MAX_VALUE: normalization keeps Σ(v−mean)² finite.
    double big = 1e308;
    Moments m = Moments.of(new double[] {big, -big}, 0, 2, 0);
    assertEquals(Double.POSITIVE_INFINITY, m.variance());
    assertEquals(Math.log10(2) + 616, m.log10Variance(), 1e-12);
    assertEquals(0.0, m.mean());
  }

  /** Σ(x − mean)²/(n−1) in exact decimal arithmetic (mean rounded to 60 digits). */
  static double exactVariance(double[] x) {
    BigDecimal sum = BigDecimal.ZERO;
    for (double v : x) {
      sum = sum.add(new BigDecimal(v));
    }
    BigDecimal mean = sum.divide(BigDecimal.valueOf(x.length), new MathContext(60));
    BigDecimal m2 = BigDecimal.ZERO;
    for (double v : x) {
      BigDecimal d = new BigDecimal(v).subtract(mean);
      m2 = m2.add(d.multiply(d));
    }
    return m2.doubleValue() / (x.length - 1);
  }

  static void assertSameMoments(Moments expected, Moments actual) {
    assertEquals(expected.count(), actual.count());
    double scale = expected.std() + Math.abs(expected.mean());
    assertEquals(expected.mean(), actual.mean(), TOLERANCE * scale);
    assertEquals(expected.variance(), actual.variance(), TOLERANCE * expected.variance());
    assertEquals(expected.exactMin(), actual.exactMin());
    assertEquals(expected.exactMax(), actual.exactMax());
    assertEquals(expected.meanAbs(), actual.meanAbs(), TOLERANCE * expected.meanAbs());
  }
}
