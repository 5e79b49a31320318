package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sigprop.experiment.SiteHistogram.Binning;
import sigprop.net.GradientSink;
import sigprop.net.InitScheme;
import sigprop.net.InitSpec;
import sigprop.net.Matrix;
import sigprop.net.Network;
import sigprop.net.NetworkSpec;
import sigprop.net.Norm;
import sigprop.net.Probe;
import sigprop.net.Purpose;
import sigprop.net.RandomStreams;
import sigprop.net.Site;
import sigprop.net.StandardActivation;
import sigprop.stats.Histogram;
import sigprop.stats.LinearBins;
import sigprop.stats.ScaledDouble;
import sigprop.stats.SiteRecord;
import sigprop.summary.HistogramCurve;
import sigprop.summary.SparseHistogram;

/** A site's own linear bins, counted by hand: in true units, with the tails kept. */
class SiteHistogramRecordingTest {
  /** 4 bins of width 1/32 over [−1/16, 1/16]: dyadic, so every edge is exact. */
  private static final double LO = -0.0625;
  private static final double HI = 0.0625;

  private static HistogramSettings linearGradients(int bins, double lo, double hi) {
    return HistogramSettings.DEFAULT.withSites(Map.of(Site.OUTPUT_GRADIENT,
        new SiteHistogram(Binning.LINEAR, bins, lo, hi, 10, -400, 400)));
  }

  /** The record of one tensor of output gradients stored as v·2^log2Scale. */
  private static SiteRecord record(double[] stored, int log2Scale) {
    RecordSpec spec = new RecordSpec(Set.of(Site.OUTPUT_GRADIENT), List.of(0),
        linearGradients(4, LO, HI));
    StatsProbe probe = new StatsProbe(null, spec); // no bounded output: no network asked
    probe.beginPass(0);
    probe.record(3, Site.OUTPUT_GRADIENT, new Matrix(1, stored.length, stored), log2Scale);
    return probe.records().get(0).record();
  }

  /**
   * Consecutive tensors of two sites with the same saturation range (none) but their own bins:
   * each gets its site's. The probe keeps the last accumulator; keyed by range alone it gave
   * the layer's pre-activation gradient the output gradient's log bins.
   */
  @Test
  void consecutiveSitesOfOneRangeGetTheirOwnBins() {
    RecordSpec spec = new RecordSpec(Set.of(Site.OUTPUT_GRADIENT, Site.PRE_ACTIVATION_GRADIENT),
        List.of(0), HistogramSettings.DEFAULT.withSites(Map.of(Site.PRE_ACTIVATION_GRADIENT,
            new SiteHistogram(Binning.LINEAR, 4, LO, HI, 10, -400, 400))));
    StatsProbe probe = new StatsProbe(null, spec);
    probe.beginPass(0);
    double[] v = {-0.01, 0.02};
    for (Site site : List.of(Site.OUTPUT_GRADIENT, Site.PRE_ACTIVATION_GRADIENT,
        Site.OUTPUT_GRADIENT)) {
      probe.record(2, site, new Matrix(1, v.length, v), 0);
    }
    List<Object> specs = probe.records().stream().map(r -> (Object) r.record().histogram()
        .spec()).toList();
    Object log = HistogramSettings.DEFAULT.forSite(Site.OUTPUT_GRADIENT)
        .specFor(sigprop.stats.SaturationRange.NONE);
    assertEquals(List.of(log, new LinearBins(LO, HI, 4), log), specs);
  }

  /** Counts of every slot: underflow, the 4 bins, overflow. */
  private static long[] slots(SiteRecord r) {
    long[] c = new long[6];
    for (int s = 0; s < 6; s++) {
      c[s] = r.histogram().count(s);
    }
    return c;
  }

  @Test
  void valuesAreBinnedByHandWithUnderAndOverflowCounted() {
    // Edges −1/16, −1/32, 0, 1/32, 1/16; an inner edge belongs to the bin above, hi to the last.
    double[] t = {-0.1, -0.0625, -0.03125, -0.01, 0, 0.02, 0.03125, 0.0625, 0.07, 1e300};
    SiteRecord r = record(t, 0);
    assertEquals(new LinearBins(LO, HI, 4), r.histogram().spec());
    assertArrayEquals(new long[] {1, 1, 2, 2, 2, 2}, slots(r));
    assertEquals(10, r.histogram().total(), "nothing dropped");
    // The same true values carried with a scale factor 2^40 land in the same slots.
    double[] scaled = Arrays.stream(t).map(v -> Math.scalb(v, -40)).toArray();
    assertEquals(r.histogram(), record(scaled, 40).histogram());
  }

  @Test
  void aRangeIsInTrueUnitsEvenBeyondDoublesRange() {
    // Stored 1, −1, 0, 2^-1000 at scale 2^1100: true ±2^1100 (past double's range) in the
    // tails, 0 in the bin holding it, 2^100 in overflow.
    assertArrayEquals(new long[] {1, 0, 0, 1, 0, 2},
        slots(record(new double[] {1, -1, 0, 0x1p-1000}, 1100)));
    // At scale 2^-1100 magnitudes far below the range fall in the bin holding 0 (−2^-1100
    // rounds to −0 there), and 2^1000·2^-1100 = 2^-100 too; ±2^1000·2^-1010 = ±1/1024 is
    // resolved, each on its side of 0.
    assertArrayEquals(new long[] {0, 0, 0, 4, 0, 0},
        slots(record(new double[] {1, -1, 0x1p1000, 0x1p1000}, -1100)));
    assertArrayEquals(new long[] {0, 0, 1, 1, 0, 0},
        slots(record(new double[] {0x1p1000, -0x1p1000}, -1010)));
  }

  @Test
  void quantilesFromLinearBinsStayWithinOneBinWidth() {
    // 1001 values spread over the range, carried at scale 2^-30: each quantile within 1/32.
    double[] t = new double[1001];
    for (int i = 0; i < t.length; i++) {
      t[i] = Math.scalb(LO + (HI - LO) * Math.pow(i / 1000.0, 2), -30);
    }
    SiteRecord r = record(t, 30);
    double[] sorted = Arrays.stream(t).map(v -> Math.scalb(v, 30)).sorted().toArray();
    for (double p : new double[] {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99}) {
      double rank = p * 1000;
      int k = (int) rank;
      double exact = sorted[k] + (rank - k) * (sorted[Math.min(k + 1, 1000)] - sorted[k]);
      ScaledDouble q = r.quantile(p);
      assertEquals(exact, q.toDouble(), 1.0 / 32, "p = " + p);
    }
  }

  @Test
  void seedsMergeExactlyAndTheCurveIsOnALinearAxis() {
    SiteRecord a = record(new double[] {-0.1, -0.01, 0.02}, 0);
    SiteRecord b = record(new double[] {0.02, 0.05, 0.5}, 0);
    Histogram merged = a.merge(b).histogram();
    assertArrayEquals(new long[] {1, 0, 1, 2, 1, 1}, slots(a.merge(b)));
    SparseHistogram pooled = SparseHistogram.of(merged);
    List<String> kinds = pooled.rows().stream().map(x -> x.kind() + ":" + x.count()).toList();
    assertEquals(List.of("underflow:1", "bin:0", "bin:1", "bin:2", "bin:1", "overflow:1"), kinds,
        "the tails are rows of their own");
    HistogramCurve curve = HistogramCurve.of(pooled);
    assertFalse(curve.logMagnitude());
    // Centres in true units; density per unit value: count·32/total.
    assertArrayEquals(new double[] {-0.015625, 0.015625, 0.046875}, curve.x());
    assertArrayEquals(new double[] {32.0 / 6, 64.0 / 6, 32.0 / 6}, curve.density(), 1e-12);
  }

  /**
   * A tanh net under N(0, 1) weights: ∂L/∂y grows about 3× in std per layer toward the input, so
   * backprop carries it with a scale factor 2^s, s ≠ 0, below the top layers. Every layer's
   * histogram equals the true gradients binned by hand.
   */
  @Test
  void aCellBinsScaledGradientsByTheirTrueValues() {
    NetworkSpec net = NetworkSpec.uniform(32, 32, 150, StandardActivation.TANH, Norm.NONE,
        InitSpec.of(InitScheme.NORMAL), 10);
    double lo = -0x1p64;
    double hi = 0x1p64;
    int bins = 64;
    CellSpec cell = TestCells.cell(net, 8, 3, List.of(0), Set.of(Site.OUTPUT_GRADIENT),
        linearGradients(bins, lo, hi));
    CellResult result = CellRunner.run(cell);
    assertEquals(CellStatus.OK, result.status(), result.message());

    Map<Integer, double[]> stored = new HashMap<>();
    Map<Integer, Integer> scales = new HashMap<>();
    Probe capture = new Probe() {
      @Override public boolean wants(int layer, Site site) {
        return site == Site.OUTPUT_GRADIENT;
      }
      @Override public void record(int layer, Site site, Matrix v, int s) {
        stored.put(layer, v.data.clone());
        scales.put(layer, s);
      }
    };
    Network network = Network.build(cell.network(), 8, 3);
    Matrix out = network.forward(cell.input().draw(3), capture);
    Matrix g = new Matrix(out.rows, out.cols);
    cell.loss().create(8, 10, RandomStreams.of(3, 0, Purpose.TARGETS)).gradient(out, g);
    network.backward(g, capture, GradientSink.NONE);

    List<Integer> scaledLayers = new ArrayList<>();
    long inRangeAtScaledLayers = 0;
    long tails = 0;
    for (LayerRecord lr : result.records()) {
      int s = scales.get(lr.layer());
      long[] expected = new long[bins + 2];
      for (double v : stored.get(lr.layer())) {
        double t = Math.scalb(v, s); // ±∞ past double's range: the tails
        int slot = t < lo ? 0 : t > hi ? bins + 1
            : Math.min((int) Math.floor((t - lo) / (hi - lo) * bins), bins - 1) + 1;
        expected[slot]++;
      }
      Histogram h = lr.record().histogram();
      assertEquals(new LinearBins(lo, hi, bins), h.spec(), "layer " + lr.layer());
      long[] actual = new long[bins + 2];
      for (int slot = 0; slot < bins + 2; slot++) {
        actual[slot] = h.count(slot);
      }
      assertArrayEquals(expected, actual, "layer " + lr.layer() + ", scale 2^" + s);
      if (s != 0) {
        scaledLayers.add(lr.layer());
        inRangeAtScaledLayers += h.total() - actual[0] - actual[bins + 1];
      }
      tails += actual[0] + actual[bins + 1];
    }
    assertTrue(scaledLayers.size() > 20, "layers with a scale factor: " + scaledLayers);
    assertTrue(inRangeAtScaledLayers > 0, "some scaled values within the range");
    assertTrue(tails > 0, "some values beyond it");
  }
}
