package sigprop.summary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import sigprop.stats.LinearBins;
import sigprop.stats.LogBins;

/** What the variance figures say of a configuration they cannot draw. */
class SummaryFiguresTest {
  private static Configuration config(StatusCounts counts) {
    return new Configuration("s", "e", "c", 0, "init=normal(std=1.0E10)", 30, List.of(), counts);
  }

  @Test
  void aHistogramsLegendSaysWhatItsCurveLeavesOut() {
    // relu outputs: half the values exactly 0, which log bins keep in a slot without width.
    int zero = LogBins.DEFAULT.zeroSlot();
    SparseHistogram relu = new SparseHistogram(LogBins.DEFAULT, new int[] {zero, zero + 3000},
        new long[] {1014, 1034});
    assertEquals("49.5 % zeros not drawn", SummaryFigures.undrawn(relu));
    SparseHistogram tails = new SparseHistogram(LogBins.DEFAULT, new int[] {0, zero + 1,
        zero + 3000}, new long[] {1, 3, 996});
    assertEquals("0.1 % above the bins, 0.3 % below the bins not drawn",
        SummaryFigures.undrawn(tails));
    SparseHistogram linear = new SparseHistogram(new LinearBins(-1, 1, 200),
        new int[] {0, 100, 201}, new long[] {2, 96, 2});
    assertEquals("2.0 % below -1, 2.0 % above 1 not drawn", SummaryFigures.undrawn(linear));
    // A gradient's stated range: the shares beyond each end, with the ends as configured.
    SparseHistogram gradient = new SparseHistogram(new LinearBins(-0.05, 0.05, 200),
        new int[] {0, 37, 201}, new long[] {1, 996, 3});
    assertEquals("0.1 % below -0.05, 0.3 % above 0.05 not drawn",
        SummaryFigures.undrawn(gradient));
    assertEquals(null, SummaryFigures.undrawn(new SparseHistogram(new LinearBins(-1, 1, 200),
        new int[] {100}, new long[] {5})));
  }

  @Test
  void aConfigurationWithoutLineSaysWhyInTheLegend() {
    assertEquals("not drawn: 0 of 3 seeds ok, 3 diverged",
        SummaryFigures.notDrawn(config(new StatusCounts(3, 0, 3, 0))));
    assertEquals("not drawn: 0 of 3 seeds ok, 2 diverged, 1 failed",
        SummaryFigures.notDrawn(config(new StatusCounts(3, 0, 2, 1))));
    assertEquals("not drawn: no finite value",
        SummaryFigures.notDrawn(config(new StatusCounts(2, 2, 0, 0))));
  }

  @Test
  void linesBreakBetweenLayersThatAreNotNeighbours() {
    int[] layers = {1, 2, 5, 6, 10};
    double[] values = {1, 2, 3, 4, 5};
    assertArrayEquals(
        new double[] {1, 2, 2, 5, 6, 6, 10}, SummaryFigures.gapped(layers, null));
    assertArrayEquals(
        new double[] {1, 2, Double.NaN, 3, 4, Double.NaN, 5}, SummaryFigures.gapped(layers, values));
    assertArrayEquals(
        new double[] {7, 8}, SummaryFigures.gapped(new int[] {3, 4}, new double[] {7, 8}));
    // every:10 of a 100-layer net with its top layer and head: one line, as sampled.
    int[] every10 = {1, 11, 21, 31, 41, 51, 61, 71, 81, 91, 100, 101};
    assertEquals(12,
        SummaryFigures.gapped(every10, new double[12]).length);
    assertArrayEquals(new double[] {1, 2, 2, 10, 11, 12},
        SummaryFigures.gapped(new int[] {1, 2, 10, 11, 12}, null));
  }
}
