package sigprop.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HistogramTest {
  // [−1, 1] in 8 bins of 0.25: every edge is exact, so edges belong to the bin above them.
  static final LinearBins EIGHTHS = new LinearBins(-1, 1, 8);

  @Test
  void linearBinsAtEdges() {
    assertEquals(0, EIGHTHS.slotOf(Math.nextDown(-1.0), 0)); // underflow
    assertEquals(1, EIGHTHS.slotOf(-1.0, 0)); // bin 0 = [−1, −0.75)
    assertEquals(1, EIGHTHS.slotOf(Math.nextDown(-0.75), 0));
    assertEquals(2, EIGHTHS.slotOf(-0.75, 0));
    assertEquals(5, EIGHTHS.slotOf(0.0, 0)); // bin 4 = [0, 0.25)
    assertEquals(5, EIGHTHS.slotOf(-0.0, 0));
    assertEquals(4, EIGHTHS.slotOf(-0x1p-20, 0));
    // Within an ulp of lo's scale of an edge, rounding decides: −2^-1074 − (−1) rounds to 1.
    assertEquals(5, EIGHTHS.slotOf(-Double.MIN_VALUE, 0));
    assertEquals(8, EIGHTHS.slotOf(Math.nextDown(1.0), 0));
    assertEquals(8, EIGHTHS.slotOf(1.0, 0)); // last bin closed: tanh saturates to exactly 1
    assertEquals(9, EIGHTHS.slotOf(Math.nextUp(1.0), 0)); // overflow
    assertEquals(-0.75, EIGHTHS.lowerEdge(2));
    assertEquals(-0.5, EIGHTHS.upperEdge(2));
    assertEquals(Double.NEGATIVE_INFINITY, EIGHTHS.lowerEdge(0));
    assertEquals("overflow", EIGHTHS.slotKind(9));
  }

  @Test
  void linearBinsUseTheTrueValue() {
    assertEquals(8, EIGHTHS.slotOf(0.5, 1)); // 0.5·2 = 1
    assertEquals(7, EIGHTHS.slotOf(Math.scalb(0.5, 1000), -1000)); // 0.5, bin 6 = [0.5, 0.75)
    assertEquals(7, EIGHTHS.slotOf(Math.scalb(0.5, -1000), 1000));
    assertEquals(9, EIGHTHS.slotOf(1e-300, 5000)); // +∞ true value: overflow
    assertEquals(0, EIGHTHS.slotOf(-1e-300, 5000));
    assertEquals(5, EIGHTHS.slotOf(0.0, 5000)); // 0·2^5000 is 0, not NaN
    assertEquals(5, EIGHTHS.slotOf(0.7, -5000)); // underflows to +0
  }

  @Test
  void logBinsPlaceTrueMagnitudes() {
    LogBins bins = LogBins.DEFAULT; // [1e-400, 1e400), 10 per decade, D = 8000 per side
    int d = bins.binsPerSide();
    // 1.0·2^-1300: log10 = -1300·log10 2 = -391.339, so the bin [-391.4, -391.3) of decade -392.
    int slot = bins.slotOf(1.0, -1300);
    assertEquals("bin", bins.slotKind(slot));
    assertEquals(1, bins.slotSign(slot));
    // Edges are the doubles nearest to the decimal fractions, so tables print them short.
    assertEquals(-391.4, bins.lowerEdge(slot), 0.0);
    assertEquals(-391.3, bins.upperEdge(slot), 0.0);
    assertEquals("0.6", Double.toString(bins.upperEdge(bins.slotOf(3.5, 0))));
    // The negative value mirrors it around the zero slot.
    assertEquals(2 * bins.zeroSlot() - slot, bins.slotOf(-1.0, -1300));
    assertEquals(bins.zeroSlot(), bins.slotOf(0.0, -1300));
    assertEquals(bins.zeroSlot(), bins.slotOf(-0.0, 7));
    // 1.0 at scale 0 is exactly the edge log10 = 0: first bin of decade 0.
    assertEquals(0.0, bins.lowerEdge(bins.slotOf(1.0, 0)));
    // Subnormal inputs: 2^-1074·2^0 has log10 = -323.306, bin [-323.4, -323.3).
    assertEquals(-323.4, bins.lowerEdge(bins.slotOf(Double.MIN_VALUE, 0)), 0.0);
    // Beyond the decade range: tiny and huge slots, on both sides.
    assertEquals(d + 3, bins.slotOf(1.0, -1400)); // 1e-421
    assertEquals(d + 1, bins.slotOf(-1.0, -1400));
    assertEquals(2 * d + 4, bins.slotOf(1.0, 1400)); // 1e+421
    assertEquals(0, bins.slotOf(-1.0, 1400));
    assertEquals(2 * d + 5, bins.slots());
  }

  @Test
  void logBinsJustInsideDecadeEdges() {
    LogBins bins = new LogBins(-4, 4, 2); // edges at every half decade
    for (int decade = -3; decade <= 3; decade++) {
      double edge = Math.pow(10, decade);
      assertEquals(decade, bins.lowerEdge(bins.slotOf(edge * (1 + 1e-11), 0)), 1e-12);
      assertEquals(decade, bins.upperEdge(bins.slotOf(edge * (1 - 1e-11), 0)), 1e-12);
      assertEquals(decade, bins.upperEdge(bins.slotOf(-edge * (1 + 1e-11), 0)) - 0.5, 1e-12);
    }
    assertEquals("tiny", bins.slotKind(bins.slotOf(0.999e-4, 0)));
    assertEquals("bin", bins.slotKind(bins.slotOf(1.001e-4, 0)));
    assertEquals("huge", bins.slotKind(bins.slotOf(1.001e4, 0)));
    assertEquals("bin", bins.slotKind(bins.slotOf(0.999e4, 0)));
  }

  @Test
  void mergeAddsCountsAndTrims() {
    long[] a = new long[EIGHTHS.slots()];
    long[] b = new long[EIGHTHS.slots()];
    a[2] = 3;
    a[3] = 1;
    b[3] = 2;
    b[9] = 5;
    Histogram merged = Histogram.of(EIGHTHS, a).merge(Histogram.of(EIGHTHS, b));
    assertEquals(2, merged.firstSlot());
    assertEquals(10, merged.endSlot());
    assertEquals(11, merged.total());
    assertEquals(3, merged.count(3));
    assertEquals(0, merged.count(0));
    assertEquals(Histogram.ofRange(EIGHTHS, 2, new long[] {3, 3, 0, 0, 0, 0, 0, 5}), merged);
    assertEquals(merged, Histogram.of(EIGHTHS, b).merge(Histogram.of(EIGHTHS, a)));
  }

  @Test
  void storesOnlyTheNonEmptySlotsOfATwoSignedLogHistogram() {
    SiteAccumulator acc = new SiteAccumulator(LogBins.DEFAULT, Double.NaN);
    double[] v = {-3.0, -0.5, -0.5, -1e-3, 0.0, 2e-5, 0.25, 0.25, 0.25, 4.0};
    acc.add(v, 0);
    Histogram h = acc.toRecord().histogram();
    // −3 to 4 spans every tiny magnitude of both sides: about 8,000 slots, 7 of them non-empty.
    assertTrue(h.endSlot() - h.firstSlot() > 7000, h.toString());
    assertEquals(7, h.nonEmptySlots().length, h.toString());
    assertEquals(10, h.total());
    assertEquals(3, h.count(LogBins.DEFAULT.slotOf(0.25, 0)));
    assertEquals(0, h.count(LogBins.DEFAULT.slotOf(0.3, 0)));
    // The same counts given densely: equal, with equal quantiles, and merging adds slot by slot.
    Histogram dense = Histogram.ofRange(LogBins.DEFAULT, h.firstSlot(), h.counts());
    assertEquals(h, dense);
    assertEquals(h.hashCode(), dense.hashCode());
    double[] ps = {0, 0.01, 0.15, 0.5, 0.85, 0.99, 1};
    assertEquals(List.of(h.quantiles(ps, null, null)), List.of(dense.quantiles(ps, null, null)));
    Histogram twice = h.merge(dense);
    assertEquals(7, twice.nonEmptySlots().length);
    assertEquals(6, twice.count(LogBins.DEFAULT.slotOf(0.25, 0)));
    assertEquals(20, twice.total());
    assertEquals(h, Histogram.ofNonEmpty(LogBins.DEFAULT, h.nonEmptySlots(),
        h.nonEmptyCounts()));
    assertThrows(IllegalArgumentException.class, () -> Histogram.ofNonEmpty(EIGHTHS,
        new int[] {3, 2}, new long[] {1, 1}));
    assertThrows(IllegalArgumentException.class, () -> Histogram.ofNonEmpty(EIGHTHS,
        new int[] {2, 3}, new long[] {1, 0}));
  }

  @Test
  void mergeWithAnotherSpecThrows() {
    Histogram a = Histogram.empty(EIGHTHS);
    Histogram b = Histogram.empty(new LinearBins(-1, 1, 16));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.merge(b));
    assertTrue(e.getMessage().contains("bins=8") && e.getMessage().contains("bins=16"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Histogram.empty(LogBins.DEFAULT).merge(Histogram.empty(new LogBins(-400, 400, 5))));
  }

  @Test
  void densityIntegratesToTheInRangeFraction() {
    long[] c = new long[EIGHTHS.slots()];
    c[0] = 2; // underflow: no width, no density
    c[1] = 4;
    c[8] = 2;
    Histogram h = Histogram.of(EIGHTHS, c);
    // Bin 0 holds 4 of 8 values over a width of 0.25: density 0.5/0.25 = 2.
    assertEquals(2.0, h.density(1));
    assertTrue(Double.isNaN(h.density(0)));
    List<HistogramBin> rows = h.bins();
    assertEquals(9, rows.size());
    double integral = 0;
    for (HistogramBin row : rows) {
      integral += row.kind().equals("bin") ? row.density() * (row.upper() - row.lower()) : 0;
    }
    assertEquals(6.0 / 8, integral, 1e-15);
  }

  @Test
  void logBinDensityIsExactWhereItCanBe() {
    // 3 of 320 values in [10^0.5, 10^0.6): 3/320 per 0.1 decade = 0.09375 per decade exactly
    // (the difference of the rounded edges, 0.6 − 0.5 = 0.09999999999999998, gave
    // 0.09375000000000003).
    long[] c = new long[LogBins.DEFAULT.slots()];
    int slot = LogBins.DEFAULT.slotOf(Math.pow(10, 0.55), 0);
    c[slot] = 3;
    c[LogBins.DEFAULT.slotOf(1e-3, 0)] = 317;
    Histogram h = Histogram.of(LogBins.DEFAULT, c);
    assertEquals(0.5, LogBins.DEFAULT.lowerEdge(slot));
    assertEquals(0.09375, h.density(slot));
    assertTrue(Double.isNaN(h.density(LogBins.DEFAULT.zeroSlot())));
  }

  @Test
  void kernelAgreesWithScalarSlotOf() {
    // The fused kernel and spec.slotOf share one formula; check on awkward values anyway.
    SplittableRandom random = new SplittableRandom(6);
    double[] x = new double[5000];
    for (int i = 0; i < x.length; i++) {
      x[i] = switch (i % 5) {
        case 0 -> random.nextGaussian();
        case 1 -> Double.longBitsToDouble(random.nextLong()); // any bits: NaN, subnormal, huge
        case 2 -> Math.pow(10, random.nextInt(-30, 30)) * (random.nextBoolean() ? 1 : -1);
        case 3 -> (random.nextInt(9) - 4) * 0.25; // linear edges, zeros
        default -> Math.nextUp(random.nextInt(-2, 3) * 0.25);
      };
    }
    for (HistogramSpec spec : new HistogramSpec[] {EIGHTHS, LogBins.DEFAULT,
        new LogBins(-5, 5, 3), new LinearBins(-3, 7, 13)}) {
      for (int scale : new int[] {0, -1300, 977, 5000}) {
        SiteAccumulator acc = new SiteAccumulator(spec, Double.NaN);
        acc.add(x, scale);
        long[] expected = new long[spec.slots()];
        for (double v : x) {
          if (Double.isFinite(v)) {
            expected[spec.slotOf(v, scale)]++;
          }
        }
        assertEquals(Histogram.of(spec, expected), acc.toRecord().histogram(), spec + " " + scale);
      }
    }
  }

  @Test
  void memoizedKernelAgreesWithFormulaAtEveryEdge() {
    // Values within a few ulps of bin edges fill the memo's straddling cells; extreme scales
    // reach its first and last rows and beyond; subnormals bypass it.
    for (LogBins spec : new LogBins[] {new LogBins(-5, 5, 3), LogBins.DEFAULT}) {
      int k = spec.binsPerDecade();
      double[] x = new double[(spec.maxDecade() - spec.minDecade()) * k * 6 + 6];
      int n = 0;
      for (int j = spec.minDecade() * k; j < spec.maxDecade() * k; j++) {
        // The edge 10^(j/k) scaled into double range as m·2^e, e = the scale used below.
        double edge = Math.pow(10, (double) j / k - Math.floor((double) j / k));
        x[n++] = edge;
        x[n++] = Math.nextUp(edge);
        x[n++] = Math.nextDown(edge);
        x[n++] = -edge * (1 + 1e-14);
        x[n++] = -edge * (1 - 1e-14);
        x[n++] = edge * (1 + 1e-3);
      }
      x[n++] = Double.MIN_VALUE;
      x[n++] = -Double.MIN_NORMAL / 3;
      x[n++] = 0.0;
      x[n++] = -0.0;
      x[n++] = Double.MAX_VALUE;
      x[n++] = -Double.MIN_NORMAL;
      for (int scale : new int[] {0, -1, 3, -1329, 1329, -1400, 1400, -5000, 5000,
          -(1 << 30) + 2000, (1 << 30) - 2000}) {
        for (int decade = spec.minDecade(); decade < spec.maxDecade(); decade += 7) {
          int shifted = scale + (int) Math.round(decade * Math.log(10) / Math.log(2));
          SiteAccumulator acc = new SiteAccumulator(spec, Double.NaN);
          acc.add(x, shifted);
          long[] expected = new long[spec.slots()];
          for (double v : x) {
            expected[spec.slotOf(v, shifted)]++;
          }
          assertEquals(Histogram.of(spec, expected), acc.toRecord().histogram(),
              spec + " scale " + shifted);
          if (spec.binsPerDecade() == 10) {
            break; // DEFAULT: one decade offset per scale keeps the test fast
          }
        }
      }
    }
  }
}
