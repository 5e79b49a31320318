package sigprop.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import sigprop.experiment.CellStatus;
import sigprop.stats.Histogram;
import sigprop.stats.LinearBins;
import sigprop.stats.LogBins;
import sigprop.stats.SiteAccumulator;
import sigprop.stats.SiteRecord;

class SeedAggregationTest {
  /** Unit-wide bins over [−8, 8]: value v lands in slot floor(v + 8) + 1. */
  static final LinearBins UNIT_BINS = new LinearBins(-8, 8, 16);

  static SiteRecord record(double... values) {
    SiteAccumulator acc = new SiteAccumulator(UNIT_BINS, Double.NaN);
    acc.add(values, 0);
    return acc.toRecord();
  }

  /** A seed whose statistics are its record's, as the layers table holds them. */
  static SeedValues seed(String cell, long seed, CellStatus status, int wave, SiteRecord r) {
    double[] v = new double[LayerStatistic.ALL.size()];
    v[LayerStatistic.MEAN.ordinal()] = r.mean();
    v[LayerStatistic.VARIANCE.ordinal()] = r.variance();
    v[LayerStatistic.STD.ordinal()] = r.std();
    v[LayerStatistic.LOG10_VARIANCE.ordinal()] = r.log10Variance();
    v[LayerStatistic.LOG10_STD.ordinal()] = r.moments().log10Std();
    v[LayerStatistic.MIN.ordinal()] = r.min();
    v[LayerStatistic.MAX.ordinal()] = r.max();
    v[LayerStatistic.MEAN_ABS.ordinal()] = r.meanAbs();
    v[LayerStatistic.LOG10_MEAN_ABS.ordinal()] = r.moments().log10MeanAbs();
    v[LayerStatistic.RMS.ordinal()] = r.rms();
    v[LayerStatistic.LOG10_RMS.ordinal()] = r.log10Rms();
    v[LayerStatistic.FRAC_ZERO.ordinal()] = r.fracZero();
    v[LayerStatistic.FRAC_SAT90.ordinal()] = r.fracSat90();
    v[LayerStatistic.FRAC_SAT99.ordinal()] = r.fracSat99();
    v[LayerStatistic.JACOBIAN.ordinal()] = r.jacobian();
    double[] q = r.quantiles().values();
    for (int i = 0; i < q.length; i++) {
      v[LayerStatistic.Q01.ordinal() + i] = q[i];
    }
    return new SeedValues(cell, seed, status, 0, wave, v, r);
  }

  /** Seed 0: {1, 2, 3} (var 1); seed 1: {4, 6} (var 2); seed 2: {0, 0, 3} (mean 1, var 3). */
  static List<SeedValues> threeSeeds() {
    return List.of(
        seed("a", 0, CellStatus.OK, 0, record(1, 2, 3)),
        seed("b", 1, CellStatus.OK, 0, record(4, 6)),
        seed("c", 2, CellStatus.OK, 0, record(0, 0, 3)));
  }

  @Test
  void threeSeedsByHand() {
    LayerSummary s = SeedAggregation.summarize(threeSeeds());
    assertEquals(3, s.nRows());
    assertEquals(3, s.nUsed());
    // Variances 1, 2, 3: mean 2, sd 1, bounds 2 ± t(0.975; 2)/√3 = 2 ± 2.4841377…
    SeedStatistics variance = s.statistic(LayerStatistic.VARIANCE);
    assertEquals(3, variance.n());
    assertEquals(2, variance.mean(), 1e-15);
    assertEquals(1, variance.sd(), 1e-15);
    double half = 4.302652729749464 / Math.sqrt(3);
    assertEquals(2 - half, variance.ciLo(), 1e-9);
    assertEquals(2 + half, variance.ciHi(), 1e-9);
    // Means 2, 5, 1: mean 8/3, sd √(((−2/3)² + (7/3)² + (−5/3)²)/2) = √(78/18).
    SeedStatistics mean = s.statistic(LayerStatistic.MEAN);
    assertEquals(8.0 / 3, mean.mean(), 1e-15);
    assertEquals(Math.sqrt(78.0 / 18), mean.sd(), 1e-15);
    // log10 variance: mean of 0, log10 2, log10 3 = log10(6)/3, the log of the geometric mean.
    assertEquals(Math.log10(6) / 3, s.statistic(LayerStatistic.LOG10_VARIANCE).mean(), 1e-15);
    // Fractions of zeros 0, 0, 2/3: mean 2/9.
    assertEquals(2.0 / 9, s.statistic(LayerStatistic.FRAC_ZERO).mean(), 1e-15);
    // No saturation bound and no Jacobian: missing, not zero.
    assertEquals(SeedStatistics.MISSING, s.statistic(LayerStatistic.FRAC_SAT90));
    assertEquals(SeedStatistics.MISSING, s.statistic(LayerStatistic.JACOBIAN));
  }

  @Test
  void pooledVarianceIsExact() {
    // All eight values {1, 2, 3, 4, 6, 0, 0, 3}: Σv = 19, Σv² = 75,
    // variance = (75 − 19²/8)/7 = 29.875/7.
    PooledRecord p = SeedAggregation.summarize(threeSeeds()).pooled();
    assertEquals(8, p.count());
    assertEquals(19.0 / 8, p.mean(), 1e-15);
    assertEquals(29.875 / 7, p.variance(), 1e-14);
    assertEquals(Math.log10(29.875 / 7), p.log10Variance(), 1e-14);
  }

  @Test
  void histogramsAddExactly() {
    // Slot floor(v + 8) + 1: 0 → 9 (twice), 1 → 10, 2 → 11, 3 → 12 (twice), 4 → 13, 6 → 15.
    SparseHistogram h = SeedAggregation.summarize(threeSeeds()).pooled().histogram();
    assertEquals(new SparseHistogram(UNIT_BINS, new int[] {9, 10, 11, 12, 13, 15},
        new long[] {2, 1, 1, 2, 1, 1}), h);
    Histogram merged = record(1, 2, 3).histogram().merge(record(4, 6).histogram())
        .merge(record(0, 0, 3).histogram());
    assertEquals(merged, h.toHistogram());
    assertEquals(8, h.total());
  }

  @Test
  void failedAndDivergedCellsAreCountedButNeverAveraged() {
    List<SeedValues> rows = new ArrayList<>(threeSeeds());
    rows.add(seed("d", 3, CellStatus.FAILED, 0, record(1000, 3000)));
    rows.add(seed("e", 4, CellStatus.DIVERGED, 0, record(-500, 7)));
    LayerSummary with = SeedAggregation.summarize(rows);
    LayerSummary without = SeedAggregation.summarize(threeSeeds());
    assertEquals(5, with.nRows());
    assertEquals(3, with.nUsed());
    assertEquals(without.statistics(), with.statistics());
    assertEquals(without.pooled(), with.pooled());
  }

  @Test
  void noOkSeedLeavesEverythingMissing() {
    LayerSummary s = SeedAggregation.summarize(
        List.of(seed("d", 3, CellStatus.FAILED, 0, record(1, 2))));
    assertEquals(1, s.nRows());
    assertEquals(0, s.nUsed());
    assertNull(s.pooled());
    s.statistics().forEach(x -> assertEquals(SeedStatistics.MISSING, x));
  }

  @Test
  void theLatestWaveOfACellWins() {
    List<SeedValues> rows = new ArrayList<>(threeSeeds());
    // Cell "a" rerun in wave 3 with other values: {1, 2, 3} is replaced by {1, 3} (var 2).
    rows.add(seed("a", 0, CellStatus.OK, 3, record(1, 3)));
    LayerSummary s = SeedAggregation.summarize(rows);
    assertEquals(3, s.nRows());
    // Variances 2, 2, 3.
    assertEquals(7.0 / 3, s.statistic(LayerStatistic.VARIANCE).mean(), 1e-15);
    assertEquals(7, s.pooled().count());
  }

  @Test
  void varianceOutOfDoubleRangeIsOnlyGivenInLog10() {
    // A seed whose true variance is 1e-700: the layers table reads 0, its log10 −700.
    double[] v = seed("x", 0, CellStatus.OK, 0, record(1, 2)).values();
    v[LayerStatistic.VARIANCE.ordinal()] = 0;
    v[LayerStatistic.LOG10_VARIANCE.ordinal()] = -700;
    List<SeedValues> rows = List.of(seed("a", 1, CellStatus.OK, 0, record(1, 2)),
        new SeedValues("x", 0, CellStatus.OK, 0, 0, v, record(5, 6)));
    LayerSummary s = SeedAggregation.summarize(rows);
    assertEquals(SeedStatistics.MISSING, s.statistic(LayerStatistic.VARIANCE));
    assertEquals((Math.log10(0.5) - 700) / 2, s.statistic(LayerStatistic.LOG10_VARIANCE).mean(),
        1e-12);
  }

  @Test
  void valuesOfATensorNearUnderflowAreMissingNotZero() {
    // Gradients around 1e-400: the layers table's mean, min, max and quantiles read 0 (or −0),
    // which averaged over seeds would say 0; their log10 forms are the only meaningful ones.
    List<SeedValues> tiny = new ArrayList<>();
    for (int seed = 0; seed < 3; seed++) {
      SiteAccumulator acc = new SiteAccumulator(LogBins.DEFAULT, Double.NaN);
      acc.add(new double[] {-1 - seed, 2, 3 + seed}, -1330); // × 2^-1330 ≈ 4.6e-401
      tiny.add(seed("t" + seed, seed, CellStatus.OK, 0, acc.toRecord()));
    }
    assertEquals(0.0, tiny.get(0).value(LayerStatistic.MEAN)); // what the table holds
    LayerSummary s = SeedAggregation.summarize(tiny);
    for (LayerStatistic st : List.of(LayerStatistic.MEAN, LayerStatistic.MIN,
        LayerStatistic.MAX, LayerStatistic.Q01, LayerStatistic.Q50, LayerStatistic.Q99)) {
      assertEquals(SeedStatistics.MISSING, s.statistic(st), st.column());
    }
    // The scale stays readable: mean over seeds of log10 √(Σv²/n), Σv²/n = 14/3, 8, 38/3.
    double log10Ms = Math.log10(14.0 / 3) + Math.log10(8) + Math.log10(38.0 / 3);
    assertEquals(log10Ms / 6 - 1330 * Math.log10(2), s.statistic(LayerStatistic.LOG10_RMS).mean(),
        1e-9);
    // A mean of exactly 0 in a tensor of ordinary magnitude is a mean of 0.
    LayerSummary zero = SeedAggregation.summarize(List.of(
        seed("z0", 0, CellStatus.OK, 0, record(-1, 1)),
        seed("z1", 1, CellStatus.OK, 0, record(-2, 2))));
    assertEquals(0.0, zero.statistic(LayerStatistic.MEAN).mean());
    assertEquals(2, zero.statistic(LayerStatistic.MEAN).n());
  }

  @Test
  void orderOfArrivalDoesNotMatter() {
    List<SeedValues> rows = new ArrayList<>();
    Random random = new Random(3);
    for (int seed = 0; seed < 12; seed++) {
      double[] values = new double[5];
      for (int i = 0; i < values.length; i++) {
        values[i] = random.nextGaussian() * 2;
      }
      rows.add(seed("c" + seed, seed, CellStatus.OK, 0, record(values)));
    }
    LayerSummary first = SeedAggregation.summarize(rows);
    Collections.shuffle(rows, random);
    assertEquals(first, SeedAggregation.summarize(rows));
  }

  @Test
  void seedsOfDifferentBinsCannotPool() {
    SiteAccumulator other = new SiteAccumulator(new LinearBins(-1, 1, 4), Double.NaN);
    other.add(new double[] {0.5}, 0);
    List<SeedValues> rows = List.of(seed("a", 0, CellStatus.OK, 0, record(1)),
        seed("b", 1, CellStatus.OK, 0, other.toRecord()));
    assertThrows(IllegalArgumentException.class, () -> SeedAggregation.summarize(rows));
  }
}
