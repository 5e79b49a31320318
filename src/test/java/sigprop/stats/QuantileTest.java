package sigprop.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuantileTest {
  static final double[] PROBABILITIES = {0, 0.01, 0.02, 0.1, 0.15, 0.25, 0.333, 0.5, 0.6, 0.85,
      0.9, 0.98, 0.99, 0.999, 1};

  @Test
  void handComputedFromHistogram() {
    // x = 2 4 4 4 5 5 7 9 in unit bins over [0, 10], clamped to [min, max] = [2, 9].
    // Exact (numpy "linear", rank r = p·7): p=.5 → r=3.5 → (4+5)/2 = 4.5;
    // p=.15 → r=1.05 → 4; p=.85 → r=5.95 → 5 + .95·2 = 6.9.
    // Order-statistic estimates at mid-rank in their bin: k0 in [2,3) alone → 2.5; k1..k3 in
    // [4,5) with 3 values → 4 + 1/6, 4.5, 4 + 5/6; k4, k5 in [5,6) → 5.25, 5.75; k6 → 7.5;
    // k7 in [9,10) clamped to [9,9] → 9.
    // p=.5: 4+5/6 + .5·(5.25 − (4+5/6)) = 121/24. p=.15: 4+1/6 + .05·(1/3) = 4.18333….
    // p=.85: 5.75 + .95·1.75 = 7.4125. All within one bin width (1) of the exact values.
    double[] x = {2, 4, 4, 4, 5, 5, 7, 9};
    SiteAccumulator acc = new SiteAccumulator(new LinearBins(0, 10, 10), Double.NaN);
    acc.add(x, 0);
    SiteRecord r = acc.toRecord();
    assertEquals(121.0 / 24, r.quantile(0.5).toDouble(), 1e-12);
    assertEquals(4 + 1.0 / 6 + 0.05 / 3, r.quantile(0.15).toDouble(), 1e-12);
    assertEquals(7.4125, r.quantile(0.85).toDouble(), 1e-12);
    assertEquals(2.5, r.quantile(0).toDouble(), 1e-12);
    assertEquals(9.0, r.quantile(1).toDouble());
    for (double p : PROBABILITIES) {
      assertEquals(exact(x, p), r.quantile(p).toDouble(), 1.0, "p=" + p);
    }
  }

  @Test
  void linearBoundHoldsOnRandomData() {
    SplittableRandom random = new SplittableRandom(7);
    for (int bins : new int[] {8, 200}) {
      LinearBins spec = new LinearBins(-1, 1, bins);
      double[] x = new double[20_000];
      for (int i = 0; i < x.length; i++) {
        x[i] = Math.tanh(1.5 * random.nextGaussian()); // piles up near ±1 like a saturating net
      }
      SiteAccumulator acc = new SiteAccumulator(spec, 1);
      acc.add(x, 0);
      SiteRecord r = acc.toRecord();
      for (double p : PROBABILITIES) {
        assertEquals(exact(x, p), r.quantile(p).toDouble(), spec.width(), "p=" + p);
        // Without the min/max clamp the bound holds too (all data inside [lo, hi]).
        assertEquals(exact(x, p), r.histogram().quantile(p).toDouble(), spec.width(), "p=" + p);
      }
    }
  }

  @Test
  void logBoundHoldsOnRandomDataAcrossHundredsOfDecades() {
    SplittableRandom random = new SplittableRandom(8);
    double[] x = new double[20_000];
    for (int i = 0; i < x.length; i++) {
      // Magnitudes over ~±20 decades around 2^-1000 ≈ 1e-301 (so some true values < 4.9e-324),
      // both signs, and some exact zeros.
      x[i] = i % 50 == 0 ? 0 : Math.copySign(Math.exp(10 * random.nextGaussian()),
          random.nextGaussian() + 0.3);
    }
    int scale = -1000;
    double[] sorted = x.clone();
    Arrays.sort(sorted);
    for (LogBins spec : new LogBins[] {LogBins.DEFAULT, new LogBins(-400, 400, 3)}) {
      SiteAccumulator acc = new SiteAccumulator(spec, Double.NaN);
      acc.add(x, scale);
      SiteRecord r = acc.toRecord();
      double log10Ratio = 1.0 / spec.binsPerDecade();
      for (double p : PROBABILITIES) {
        double rank = p * (x.length - 1);
        int k0 = (int) Math.floor(rank);
        int k1 = Math.min(k0 + 1, x.length - 1);
        if (sorted[k0] < 0 && sorted[k1] > 0) {
          continue; // the bound does not cover quantiles between opposite-signed neighbours
        }
        ScaledDouble exact = ScaledDouble.lerp(new ScaledDouble(sorted[k0], scale),
            new ScaledDouble(sorted[k1], scale), rank - k0);
        for (ScaledDouble estimate : new ScaledDouble[] {r.quantile(p),
            r.histogram().quantile(p)}) {
          assertEquals(exact.signum(), estimate.signum(), "p=" + p);
          if (exact.signum() != 0) {
            assertEquals(exact.log10Abs(), estimate.log10Abs(), log10Ratio + 1e-9, "p=" + p);
          }
        }
      }
      // The true values of the extreme quantiles are out of double range; their logs are not.
      assertTrue(Double.isFinite(r.quantiles().log10Abs()[0]));
    }
  }

  @Test
  void manyQuantilesInOneWalkEqualEachAlone() {
    // Both signs over log bins: thousands of slots between the first and last non-empty one.
    SplittableRandom random = new SplittableRandom(9);
    double[] x = new double[5000];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextGaussian() * Math.pow(10, 40 * random.nextDouble() - 20);
    }
    x[17] = 0;
    SiteAccumulator acc = new SiteAccumulator(LogBins.DEFAULT, Double.NaN);
    acc.add(x, 0);
    SiteRecord r = acc.toRecord();
    double[] unordered = {0.99, 0.5, 0, 1, 0.01, 0.5, 0.333, 0.15, 0.999};
    ScaledDouble[] together = r.histogram().quantiles(unordered, r.moments().exactMin(),
        r.moments().exactMax());
    double[] values = r.quantiles(unordered).values();
    for (int j = 0; j < unordered.length; j++) {
      ScaledDouble alone = r.quantile(unordered[j]);
      assertEquals(alone.toDouble(), together[j].toDouble(), 0.0, "p=" + unordered[j]);
      assertEquals(alone.log10Abs(), together[j].log10Abs(), 0.0, "p=" + unordered[j]);
      assertEquals(alone.toDouble(), values[j], 0.0, "p=" + unordered[j]);
    }
    // The hand-computed case of handComputedFromHistogram, all at once.
    SiteAccumulator small = new SiteAccumulator(new LinearBins(0, 10, 10), Double.NaN);
    small.add(new double[] {2, 4, 4, 4, 5, 5, 7, 9}, 0);
    double[] q = small.toRecord().quantiles(0.85, 0.5, 0.15, 1, 0).values();
    assertEquals(7.4125, q[0], 1e-12);
    assertEquals(121.0 / 24, q[1], 1e-12);
    assertEquals(4 + 1.0 / 6 + 0.05 / 3, q[2], 1e-12);
    assertEquals(9.0, q[3]);
    assertEquals(2.5, q[4], 1e-12);
  }

  @Test
  void constantTensorGivesExactQuantiles() {
    double[] x = new double[3000];
    Arrays.fill(x, 0.3);
    for (HistogramSpec spec : new HistogramSpec[] {new LinearBins(-1, 1, 7), LogBins.DEFAULT}) {
      SiteAccumulator acc = new SiteAccumulator(spec, Double.NaN);
      acc.add(x, 0);
      for (double q : acc.toRecord().quantiles().values()) {
        assertEquals(0.3, q, 0.0, spec.toString());
      }
    }
  }

  @Test
  void emptyRecordHasNaNQuantiles() {
    SiteAccumulator acc = SiteAccumulator.forBound(1);
    acc.add(new double[] {Double.NaN}, 0);
    for (double q : acc.toRecord().quantiles().values()) {
      assertTrue(Double.isNaN(q));
    }
  }

  /** numpy.quantile / torch.quantile default: linear interpolation at rank p·(n−1). */
  static double exact(double[] x, double p) {
    double[] s = x.clone();
    Arrays.sort(s);
    double rank = p * (s.length - 1);
    int k = (int) Math.floor(rank);
    return k + 1 < s.length ? s[k] + (rank - k) * (s[k + 1] - s[k]) : s[k];
  }

  /**
   * Gaussians at 2^-1100 (1e-331, inside the default decade range but below double's) keep
   * log10 quantiles within the bin ratio while their values read ±0; at 2^-1400 (1e-421, below
   * the range: every value in the two tiny slots beside zero) there is no estimate, NaN, where
   * the slots' far ends used to stand in for every quantile, the median included.
   */
  @Test
  void quantilesBelowTheDecadeRangeAreNotEstimated() {
    java.util.Random rng = new java.util.Random(2);
    double[] g = new double[10_000];
    for (int i = 0; i < g.length; i++) {
      g[i] = rng.nextGaussian();
    }
    double[] sorted = g.clone();
    Arrays.sort(sorted);
    SiteAccumulator inRange = SiteAccumulator.forBound(Double.NaN);
    inRange.add(g, -1100);
    Quantiles q = inRange.toRecord().quantiles();
    double[] ps = q.probabilities();
    for (int i = 0; i < ps.length; i++) {
      double exact = exact(sorted, ps[i]);
      double log10Exact = Math.log10(Math.abs(exact)) - 1100 * Math.log10(2);
      assertEquals(Math.signum(exact), q.signs()[i], "p=" + ps[i]);
      if (Math.abs(exact) > 0.2) { // away from the sign change, the documented bound holds
        assertEquals(log10Exact, q.log10Abs()[i], 0.1, "p=" + ps[i]);
      }
      assertEquals(0.0, Math.abs(q.values()[i]), 0.0, "beyond double's range the value is ±0");
    }
    SiteAccumulator below = SiteAccumulator.forBound(Double.NaN);
    below.add(g, -1400);
    Quantiles none = below.toRecord().quantiles();
    for (int i = 0; i < ps.length; i++) {
      assertTrue(Double.isNaN(none.values()[i]) && Double.isNaN(none.log10Abs()[i]),
          "p=" + ps[i] + ": " + none);
    }
    assertEquals(10_000, below.toRecord().count(), "the moments still hold every value");
  }
}
