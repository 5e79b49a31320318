package sigprop.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sigprop.report.Table;
import sigprop.stats.Histogram;
import sigprop.stats.LinearBins;

/**
 * A gradient site given linear bins over a stated range (record.histogram.sites): histograms.csv
 * and the histogram figure in true units, with the values beyond the range stated.
 */
class LinearGradientHistogramTest {
  private static final LinearBins BINS = new LinearBins(-0.05, 0.05, 200);

  @TempDir Path folder;

  /** Two seeds' output gradients at layers 1..3, pooled exactly. */
  private static List<LayerRow> rows() {
    Configuration c = SummaryTablesTest.config(0, "init=glorot_standard", null);
    List<LayerRow> rows = new ArrayList<>();
    for (int layer = 1; layer <= 3; layer++) {
      // Seed 0: 2 below −0.05, 6 in bin 99 (−0.0005..0); seed 1: 4 in bin 100, 1 above 0.05.
      Histogram a = Histogram.ofNonEmpty(BINS, new int[] {0, 100}, new long[] {2, 6});
      Histogram b = Histogram.ofNonEmpty(BINS, new int[] {101, 201}, new long[] {4, 1});
      SparseHistogram pooled = SparseHistogram.of(a.merge(b));
      List<SeedStatistics> stats = new ArrayList<>();
      for (int i = 0; i < LayerStatistic.ALL.size(); i++) {
        stats.add(SummaryTablesTest.statistics(i));
      }
      rows.add(new LayerRow(c, new LayerKey("sweep", c.configId(), 0, layer, false,
          "output_gradient"), new LayerSummary(2, 2, stats,
              new PooledRecord(13, 0.0, 1e-6, -6, pooled)),
          new TheoryColumns(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
              Double.NaN)));
    }
    rows.sort(LayerRow.ORDER);
    return rows;
  }

  @Test
  void theCsvHasValueEdgesAndTheTailsAsRowsOfTheirOwn() {
    Table h = HistogramTable.build(rows()).table();
    List<String> layer1 = new ArrayList<>();
    long sum = 0;
    for (int i = 0; i < h.rowCount(); i++) {
      if (h.getLong(i, h.columnIndex("layer")) != 1) {
        continue;
      }
      assertEquals("value", h.getString(i, h.columnIndex("axis")));
      assertEquals(13, h.getLong(i, h.columnIndex("total")));
      long count = h.getLong(i, h.columnIndex("count"));
      sum += count;
      layer1.add(h.getString(i, h.columnIndex("kind")) + " "
          + h.getDouble(i, h.columnIndex("bin_lo")) + ".." + h.getDouble(i, h.columnIndex("bin_hi"))
          + " " + count + " " + h.getDouble(i, h.columnIndex("density")));
    }
    assertEquals(13, sum, "the tails are counted, never dropped");
    // Bin 99 is [−0.0005, 0), bin 100 [0, 0.0005): density ≈ count/(13·0.0005), from the
    // edges as computed (lo + (hi − lo)·i/bins, not exactly ±0.0005); each tail is a row with
    // an infinite edge, and an empty bin beside each occupied slot brings a line to zero.
    double e = BINS.edge(101);
    assertEquals(List.of(
        "underflow -Infinity..-0.05 2 NaN",
        "bin -0.05..-0.0495 0 0.0",
        "bin " + BINS.edge(98) + ".." + BINS.edge(99) + " 0 0.0",
        "bin " + BINS.edge(99) + "..0.0 6 " + 6 / (13 * -BINS.edge(99)),
        "bin 0.0.." + e + " 4 " + 4 / (13 * e),
        "bin " + e + ".." + BINS.edge(102) + " 0 0.0",
        "bin 0.0495..0.05 0 0.0",
        "overflow 0.05..Infinity 1 NaN"), layer1);
    assertEquals(6 * 2000.0 / 13, 6 / (13 * -BINS.edge(99)), 1e-9);
  }

  /**
   * The figure is drawn (its axis label and legend are glyphs in the SVG, so what it says is
   * pinned where it is made: {@link HistogramCurve} gives value centres, {@code
   * SummaryFigures.undrawn} the tails' shares, "15.4 % below -0.05, 7.7 % above 0.05").
   */
  @Test
  void theFigureIsDrawnAndItsLegendStatesTheTails() throws IOException {
    List<LayerRow> rows = rows();
    List<Path> files = SummaryWriter.write(folder, SummaryTablesTest.tables(rows), rows,
        SummaryTablesTest.FACETS, LayerSelection.ALL, true, false);
    List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
    assertTrue(names.contains("exp-hist-output_gradient-c0-init_glorot_standard.png"),
        names.toString());
    SparseHistogram pooled = rows.get(0).summary().pooled().histogram();
    assertFalse(HistogramCurve.of(pooled).logMagnitude());
    assertEquals("15.4 % below -0.05, 7.7 % above 0.05 not drawn",
        SummaryFigures.undrawn(pooled));
  }
}
