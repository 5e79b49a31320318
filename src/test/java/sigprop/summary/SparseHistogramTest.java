package sigprop.summary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import sigprop.stats.Histogram;
import sigprop.stats.HistogramBin;
import sigprop.stats.LinearBins;
import sigprop.stats.LogBins;
import sigprop.stats.SiteAccumulator;

class SparseHistogramTest {
  static final LinearBins QUARTERS = new LinearBins(-1, 1, 8);

  @Test
  void keepsOnlyNonEmptySlotsAndRoundTrips() {
    Histogram dense = Histogram.ofRange(QUARTERS, 2, new long[] {3, 0, 0, 1, 0, 2});
    SparseHistogram sparse = SparseHistogram.of(dense);
    assertArrayEquals(new int[] {2, 5, 7}, sparse.slots());
    assertArrayEquals(new long[] {3, 1, 2}, sparse.counts());
    assertEquals(6, sparse.total());
    assertEquals(dense, sparse.toHistogram());
    assertEquals(Histogram.empty(QUARTERS), SparseHistogram.of(Histogram.empty(QUARTERS))
        .toHistogram());
  }

  @Test
  void rowsFallToZeroBesideOccupiedBins() {
    // Slots 2 (3), 5 (1), 7 (2) and their empty neighbours 1, 3, 4, 6, 8 (slot 8 is the last
    // bin; 0 and 9 are underflow and overflow, never added as neighbours).
    SparseHistogram h = new SparseHistogram(QUARTERS, new int[] {2, 5, 7}, new long[] {3, 1, 2});
    List<HistogramBin> rows = h.rows();
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), rows.stream().map(HistogramBin::slot).toList());
    assertEquals(List.of(0L, 3L, 0L, 0L, 1L, 0L, 2L, 0L),
        rows.stream().map(HistogramBin::count).toList());
    // Slot 2 is bin 1, [−0.75, −0.5): density 3/(6·0.25) = 2.
    HistogramBin second = rows.get(1);
    assertEquals(-0.75, second.lower());
    assertEquals(-0.5, second.upper());
    assertEquals(2.0, second.density(), 1e-15);
  }

  @Test
  void logBinsOfBothSignsSkipTheThousandsOfEmptySlotsBetween() {
    SiteAccumulator acc = new SiteAccumulator(LogBins.DEFAULT, Double.NaN);
    acc.add(new double[] {-0.5, -0.4, 0.3, 0.0, 2e-5}, 0);
    Histogram dense = acc.toRecord().histogram();
    assertTrue(dense.counts().length > 7000, "the stored range spans both sides");
    SparseHistogram sparse = SparseHistogram.of(dense);
    assertEquals(dense, sparse.toHistogram());
    List<HistogramBin> rows = sparse.rows();
    assertTrue(rows.size() <= 4 * 3 + 1, rows.toString());
    assertEquals(5, rows.stream().mapToLong(HistogramBin::count).sum());
    HistogramBin zero = rows.stream().filter(b -> b.kind().equals("zero")).findFirst()
        .orElseThrow();
    assertEquals(1, zero.count());
    assertTrue(Double.isNaN(zero.density()));
    for (HistogramBin b : rows) {
      assertTrue(b.kind().equals("zero") || b.sign() != 0, b.toString());
    }
  }

  @Test
  void refusesUnorderedOrEmptySlots() {
    assertThrows(IllegalArgumentException.class,
        () -> new SparseHistogram(QUARTERS, new int[] {3, 2}, new long[] {1, 1}));
    assertThrows(IllegalArgumentException.class,
        () -> new SparseHistogram(QUARTERS, new int[] {3}, new long[] {0}));
    assertThrows(IllegalArgumentException.class,
        () -> new SparseHistogram(QUARTERS, new int[] {10}, new long[] {1}));
  }

  @Test
  void magnitudeCurveAddsBothSigns() {
    SiteAccumulator acc = new SiteAccumulator(new LogBins(-3, 3, 1), Double.NaN);
    // |v| in [0.1, 1): −0.5 and 0.5; in [10, 100): 20. Per-decade density: 2/3 and 1/3.
    acc.add(new double[] {-0.5, 0.5, 20}, 0);
    HistogramCurve c = HistogramCurve.of(SparseHistogram.of(acc.toRecord().histogram()));
    assertTrue(c.logMagnitude());
    assertArrayEquals(new double[] {-0.5, 0.5, 1.5}, c.x(), 1e-12);
    assertArrayEquals(new double[] {2.0 / 3, 0, 1.0 / 3}, c.density(), 1e-12);
  }
}
