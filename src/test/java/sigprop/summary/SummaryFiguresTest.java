package sigprop.summary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import sigprop.report.Curve;
import sigprop.report.LayerCurveFigure;
import sigprop.stats.LinearBins;
import sigprop.stats.LogBins;

/** What the summary's figures draw: legends, facets, bands, gaps. */
class SummaryFiguresTest {
  /**
   * Linear-binned histograms of one site share their x axis across an experiment's
   * configurations (Glorot and Bengio's two panels); log-magnitude ones keep their own.
   */
  @Test
  void linearHistogramsOfOneSiteShareTheirRange() {
    HistogramCurve narrow = new HistogramCurve(new double[] {-2e-4, 0, 1e-4},
        new double[] {1, 2, 1}, false);
    HistogramCurve wide = new HistogramCurve(new double[] {-8e-4, 0, 7e-4},
        new double[] {1, 2, 1}, false);
    HistogramCurve logs = new HistogramCurve(new double[] {-300, 5}, new double[] {1, 1}, true);
    assertArrayEquals(new double[] {-8e-4, 7e-4},
        SummaryFigures.sharedLinearRange(List.of(List.of(narrow), List.of(wide, logs))));
    assertNull(SummaryFigures.sharedLinearRange(List.of(List.of(logs))), "log axes stay own");
    HistogramCurve point = new HistogramCurve(new double[] {0.5}, new double[] {1}, false);
    assertNull(SummaryFigures.sharedLinearRange(List.of(List.of(point))), "one point: no range");
  }

  private static final List<String> NAMES = List.of("depth", "norm", "init");
  private static final CurveFacets.Rule AUTO = CurveFacets.Rule.auto(NAMES);
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
    String none = SummaryFigures.NO_FINITE_VALUE;
    assertEquals("not drawn: 0 of 3 seeds ok, 3 diverged",
        SummaryFigures.notDrawn(config(new StatusCounts(3, 0, 3, 0)), none));
    assertEquals("not drawn: 0 of 3 seeds ok, 2 diverged, 1 failed",
        SummaryFigures.notDrawn(config(new StatusCounts(3, 0, 2, 1)), none));
    assertEquals("not drawn: no finite value",
        SummaryFigures.notDrawn(config(new StatusCounts(2, 2, 0, 0)), none));
  }


  /**
   * A saturation figure of a tanh and a relu configuration: relu outputs have no saturation
   * (NaN in every ok seed), which its legend entry says instead of "no finite value".
   */
  @Test
  void aSaturationLegendSaysAConfigurationWithoutSaturationHasNone() {
    List<Configuration> configs = grid(List.of(10L), List.of("none"), List.of("tanh", "relu"),
        ALL_OK);
    SummaryFigures.Group group = group(configs, 2, (c, stats) -> {
      if (c.index() == 0) {
        stats.set(LayerStatistic.FRAC_SAT90.ordinal(), SeedStatistics.of(new double[] {0.1, 0.2}));
      }
    });
    List<SummaryFigures.NamedFigure> figures = SummaryFigures.curveFigures(group, AUTO);
    LayerCurveFigure saturation = figures.stream().filter(f -> f.name().equals("e-saturation"))
        .findFirst().orElseThrow().figure();
    assertEquals(List.of("depth=10 norm=none init=tanh", "depth=10 norm=none init=relu "
        + "(not drawn: no saturation: the activation is unbounded or a norm follows it)"),
        saturation.series().stream().map(Curve::label).toList());
  }

  @Test
  void linesBreakBetweenLayersThatAreNotNeighbours() {
    int[] layers = {1, 2, 5, 6, 10};
    double[] values = {1, 2, 3, 4, 5};
    assertArrayEquals(
        new double[] {1, 2, 2, 5, 6, 6, 10}, SummaryFigures.gapped(layers, null));
    assertArrayEquals(new double[] {1, 2, Double.NaN, 3, 4, Double.NaN, 5},
        SummaryFigures.gapped(layers, values));
    assertArrayEquals(
        new double[] {7, 8}, SummaryFigures.gapped(new int[] {3, 4}, new double[] {7, 8}));
    // every:10 of a 100-layer net with its top layer and head: one line, as sampled.
    int[] every10 = {1, 11, 21, 31, 41, 51, 61, 71, 81, 91, 100, 101};
    assertEquals(12,
        SummaryFigures.gapped(every10, new double[12]).length);
    assertArrayEquals(new double[] {1, 2, 2, 10, 11, 12},
        SummaryFigures.gapped(new int[] {1, 2, 10, 11, 12}, null));
  }

  /** Configurations of every combination, in config_index order (depth, norm, init). */
  private static List<Configuration> grid(List<Long> depths, List<String> norms,
      List<String> inits, StatusCounts counts) {
    List<Configuration> configs = new ArrayList<>();
    for (long depth : depths) {
      for (String norm : norms) {
        for (String init : inits) {
          int index = configs.size();
          configs.add(new Configuration("s", "e", "g" + index, index,
              "depth=" + depth + " norm=" + norm + " init=" + init, (int) depth,
              List.of(depth, norm, init), counts));
        }
      }
    }
    return configs;
  }

  /** Output rows of layers 1..3 of each configuration, log10 variance −layer ± 0.5. */
  private static SummaryFigures.Group group(List<Configuration> configs) {
    return group(configs, 2);
  }

  /** The same from one or two seeds. */
  private static SummaryFigures.Group group(List<Configuration> configs, int seeds) {
    return group(configs, seeds, (c, stats) -> { });
  }

  /** The same, each row's statistics then set further by {@code more}. */
  private static SummaryFigures.Group group(List<Configuration> configs, int seeds,
      BiConsumer<Configuration, List<SeedStatistics>> more) {
    List<LayerRow> rows = new ArrayList<>();
    for (Configuration c : configs) {
      for (int layer = 1; layer <= 3; layer++) {
        List<SeedStatistics> stats = new ArrayList<>();
        for (int i = 0; i < LayerStatistic.ALL.size(); i++) {
          stats.add(SeedStatistics.MISSING);
        }
        stats.set(LayerStatistic.LOG10_VARIANCE.ordinal(),
            SeedStatistics.of(seeds == 1 ? new double[] {-layer}
                : new double[] {-layer - 0.5, -layer + 0.5}));
        more.accept(c, stats);
        rows.add(new LayerRow(c, new LayerKey("s", c.configId(), 0, layer, false, "output"),
            new LayerSummary(c.counts().seeds(), c.counts().ok(), stats, null),
            TheoryColumns.NONE));
      }
    }
    return new SummaryFigures.Group("e", "e", rows);
  }

  private static final StatusCounts ALL_OK = new StatusCounts(3, 3, 0, 0);

  @Test
  void manyConfigurationsAreSplitIntoOneFigurePerValueOfAParameter() {
    // 2 depths × 3 norms × 3 inits = 18: depth splits them into the fewest figures of at most
    // 12 (two of 9), whose legends no longer repeat the depth.
    List<Configuration> configs = grid(List.of(10L, 30L), List.of("batch", "layer", "none"),
        List.of("normal", "orthogonal", "xavier_normal"), ALL_OK);
    List<SummaryFigures.NamedFigure> figures =
        SummaryFigures.curveFigures(group(configs), AUTO);
    assertEquals(List.of("e-variance-output-depth_10", "e-variance-output-depth_30"),
        figures.stream().map(SummaryFigures.NamedFigure::name).toList());
    Set<String> labels = new HashSet<>();
    for (SummaryFigures.NamedFigure f : figures) {
      List<Curve> series = f.figure().series();
      assertEquals(9, series.size());
      assertTrue(f.figure().title().startsWith("e, depth=" + (labels.isEmpty() ? 10 : 30)),
          f.figure().title());
      for (Curve c : series) {
        assertFalse(c.label().contains("depth="), c.label());
        assertFalse(c.hasBand(), "9 series share colours: bands would be nobody's");
        labels.add(f.figure().title() + " " + c.label());
      }
      assertTrue(f.figure().yLabel().contains("sd in layers.csv"), f.figure().yLabel());
    }
    assertEquals(18, labels.size(), "every configuration drawn once");
  }

  /**
   * A parameter some configurations leave unset (the depth of a widths net) names no facet: it
   * would make one of "depth=null" configurations, drawn under the unsplit figure's name.
   */
  @Test
  void aParameterSomeConfigurationsLeaveUnsetIsNoFacet() {
    List<Configuration> configs = new ArrayList<>();
    for (Long depth : java.util.Arrays.asList(null, 10L)) {
      for (String norm : List.of("batch", "layer", "none")) {
        for (String init : List.of("normal", "orthogonal", "xavier_normal")) {
          int index = configs.size();
          configs.add(new Configuration("s", "e", "g" + index, index, "", 10,
              java.util.Arrays.asList(depth, norm, init), ALL_OK));
        }
      }
    }
    assertEquals(List.of("e-variance-output-norm_batch", "e-variance-output-norm_layer",
        "e-variance-output-norm_none"), SummaryFigures.curveFigures(group(configs), AUTO)
        .stream().map(SummaryFigures.NamedFigure::name).toList());
  }

  @Test
  void upToTwelveConfigurationsShareOneFigureWithBandsWhileColoursLast() {
    List<Configuration> twelve = grid(List.of(10L, 30L), List.of("batch", "layer", "none"),
        List.of("normal", "orthogonal"), ALL_OK);
    List<SummaryFigures.NamedFigure> one = SummaryFigures.curveFigures(group(twelve), AUTO);
    assertEquals(1, one.size());
    assertEquals("e-variance-output", one.get(0).name());
    assertEquals(12, one.get(0).figure().series().size());
    assertFalse(one.get(0).figure().series().get(0).hasBand());
    List<Configuration> six = twelve.subList(0, LayerCurveFigure.COLOURS - 1);
    LayerCurveFigure few = SummaryFigures.curveFigures(group(six), AUTO).get(0).figure();
    few.series().forEach(c -> assertTrue(c.hasBand(), c.label()));
    assertTrue(few.yLabel().endsWith("mean over seeds ± 1 sd"), few.yLabel());
    LayerCurveFigure oneSeed = SummaryFigures.curveFigures(group(six, 1), AUTO).get(0).figure();
    assertTrue(oneSeed.yLabel().endsWith("mean over seeds (one seed: no sd)"),
        oneSeed.yLabel());
  }

  @Test
  void facetsTakeTheParameterOfFewestFiguresAndNeverOneOfSingleConfigurations() {
    // 4 norms × 4 inits: either gives 4 figures of 4; the first in column order wins.
    List<Configuration> sixteen = grid(List.of(10L), List.of("a", "b", "c", "d"),
        List.of("w", "x", "y", "z"), ALL_OK);
    List<CurveFacets.Facet> facets = CurveFacets.split(sixteen, AUTO);
    assertEquals(List.of("norm=a", "norm=b", "norm=c", "norm=d"),
        facets.stream().map(CurveFacets.Facet::part).toList());
    assertEquals("init=w", facets.get(0).label(sixteen.get(0)), "depth is the same in all");
    // 13 depths and nothing else: a figure per configuration would be no figure at all.
    List<Configuration> depths = new ArrayList<>();
    for (long d = 1; d <= 13; d++) {
      depths.addAll(grid(List.of(d), List.of("none"), List.of("normal"), ALL_OK));
    }
    List<CurveFacets.Facet> unsplit = CurveFacets.split(depths, AUTO);
    assertEquals(1, unsplit.size());
    assertNull(unsplit.get(0).part());
    assertEquals(13, unsplit.get(0).configs().size());
  }

  @Test
  void theFacetOptionNamesTheParameterOrTurnsSplittingOff() {
    // 2 × 3 × 3 again: --facet norm gives three figures of 6, each with its bands.
    List<Configuration> configs = grid(List.of(10L, 30L), List.of("batch", "layer", "none"),
        List.of("normal", "orthogonal", "xavier_normal"), ALL_OK);
    List<SummaryFigures.NamedFigure> byNorm = SummaryFigures.curveFigures(group(configs),
        new CurveFacets.Rule(NAMES, "norm"));
    assertEquals(List.of("e-variance-output-norm_batch", "e-variance-output-norm_layer",
        "e-variance-output-norm_none"),
        byNorm.stream().map(SummaryFigures.NamedFigure::name).toList());
    for (SummaryFigures.NamedFigure f : byNorm) {
      assertEquals(6, f.figure().series().size());
      f.figure().series().forEach(c -> assertTrue(c.hasBand() && !c.label().contains("norm="),
          c.label()));
    }
    // A few configurations split too when asked; none keeps all 18 in one figure.
    assertEquals(3, SummaryFigures.curveFigures(group(configs.subList(0, 3)),
        new CurveFacets.Rule(NAMES, "init")).size());
    List<SummaryFigures.NamedFigure> whole = SummaryFigures.curveFigures(group(configs),
        new CurveFacets.Rule(NAMES, CurveFacets.NONE));
    assertEquals(List.of("e-variance-output"),
        whole.stream().map(SummaryFigures.NamedFigure::name).toList());
    assertEquals(18, whole.get(0).figure().series().size());
  }

  @Test
  void aLineOfFewerSeedsThanItsConfigurationSaysWhichWereLeftOut() {
    List<Configuration> configs = new ArrayList<>(grid(List.of(10L), List.of("none"),
        List.of("normal", "orthogonal"), ALL_OK));
    Configuration partial = configs.get(1);
    configs.set(1, new Configuration(partial.sweep(), partial.experiment(), partial.configId(),
        partial.index(), partial.label(), partial.depth(), partial.parameters(),
        new StatusCounts(3, 2, 1, 0)));
    List<Curve> series = SummaryFigures.curveFigures(group(configs), AUTO).get(0).figure()
        .series();
    assertEquals("depth=10 norm=none init=normal", series.get(0).label());
    assertEquals("depth=10 norm=none init=orthogonal (2 of 3 seeds ok, 1 diverged)",
        series.get(1).label());
    assertNull(SummaryFigures.seedsLeftOut(configs.get(0)));
  }
}
