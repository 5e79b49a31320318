package sigprop.experiment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sigprop.net.Layer;
import sigprop.net.Matrix;
import sigprop.net.Network;
import sigprop.net.NormPlacement;
import sigprop.net.Probe;
import sigprop.net.Site;
import sigprop.stats.HistogramSpec;
import sigprop.stats.LinearBins;
import sigprop.stats.LogBins;
import sigprop.stats.SaturationRange;
import sigprop.stats.SiteAccumulator;
import sigprop.stats.SiteRecord;

/**
 * Summarizes each recorded tensor the moment the network produces it. The output of a bounded
 * activation gets linear bins over its range (or the configured one) and saturation
 * fractions; every other site gets signed log-magnitude bins. One accumulator per bin layout is
 * reused, so a 500-layer pass holds compact records, not tensors or full counter arrays.
 */
final class StatsProbe implements Probe {
  private static final Set<Site> WATCHED =
      EnumSet.of(Site.PRE_ACTIVATION, Site.OUTPUT_GRADIENT);
  private final Network network;
  private final RecordSpec spec;
  private final Map<SaturationRange, SiteAccumulator> accumulators = new HashMap<>();
  // The accumulator of the last range seen: sites of a pass mostly share two ranges, and a map
  // lookup hashes a record per tensor (3% of the statistics' time at width 256).
  private SaturationRange lastRange;
  private SiteAccumulator lastAccumulator;
  private final Map<Integer, Double> jacobians = new HashMap<>();
  private final List<LayerRecord> records = new ArrayList<>();
  private int step;
  private long nonFinite;
  private long unrecordedNonFinite;

  StatsProbe(Network network, RecordSpec spec) {
    this.network = network;
    this.spec = spec;
  }

  /** Starts a recorded pass after {@code step} training steps. */
  void beginPass(int step) {
    this.step = step;
  }

  /**
   * The recorded sites, and the pre-activations and output gradients always: a cell whose values
   * leave the finite range at a site it does not record (a tanh net's pre-activations past
   * 1e308, whose outputs stay ±1) must still read as diverged.
   */
  @Override
  public boolean wants(int layer, Site site) {
    return spec.sites().contains(site) || WATCHED.contains(site);
  }

  @Override
  public void record(int layer, Site site, Matrix values, int log2Scale) {
    if (!spec.sites().contains(site)) {
      unrecordedNonFinite += NonFiniteCount.of(values.data, 0, values.size());
      return;
    }
    SiteAccumulator acc = accumulatorFor(saturationRange(layer, site));
    acc.reset();
    acc.add(values.data, 0, values.size(), log2Scale);
    SiteRecord r = acc.toRecord();
    nonFinite += r.nonFinite();
    records.add(new LayerRecord(step, layer, site, r));
  }

  @Override
  public void recordJacobian(int layer, double meanSquaredSingularValue) {
    jacobians.put(layer, meanSquaredSingularValue);
  }

  /** Attaches the pass's Jacobian diagnostics to the output records of their layers. */
  void endPass() {
    for (int i = 0; i < records.size(); i++) {
      LayerRecord r = records.get(i);
      Double j = jacobians.get(r.layer());
      if (r.step() == step && r.site() == Site.OUTPUT && j != null) {
        records.set(i, new LayerRecord(r.step(), r.layer(), r.site(), r.record().withJacobian(j)));
      }
    }
    jacobians.clear();
  }

  List<LayerRecord> records() {
    return records;
  }

  /** The count of non-finite values recorded in every pass so far. */
  long nonFinite() {
    return nonFinite;
  }

  /** The count of non-finite values at watched sites that are not recorded. */
  long unrecordedNonFinite() {
    return unrecordedNonFinite;
  }

  /**
   * The activation's range for a layer's output when the activation is last (NONE for unbounded
   * activations); NONE for every other site.
   */
  private SaturationRange saturationRange(int layer, Site site) {
    if (site != Site.OUTPUT) {
      return SaturationRange.NONE;
    }
    Layer l = network.layers().get(layer - 1);
    boolean normLast = l.norm() != null
        && network.spec().placement() == NormPlacement.AFTER_ACTIVATION;
    return normLast ? SaturationRange.NONE
        : SaturationRange.of(l.activation().lowerBound(), l.activation().bound());
  }

  private SiteAccumulator accumulatorFor(SaturationRange range) {
    if (!range.equals(lastRange)) {
      lastRange = range;
      lastAccumulator = accumulators.computeIfAbsent(range,
          r -> new SiteAccumulator(binsFor(r), r));
    }
    return lastAccumulator;
  }

  /**
   * Linear bins over the activation's range ((−1, 1) for tanh, (0, 1) for sigmoid) or the
   * configured one for a bounded output; signed log bins otherwise.
   */
  private HistogramSpec binsFor(SaturationRange range) {
    HistogramSettings h = spec.histogram();
    if (range.isBounded()) {
      return Double.isNaN(h.linearLo())
          ? new LinearBins(range.low(), range.high(), h.linearBins())
          : new LinearBins(h.linearLo(), h.linearHi(), h.linearBins());
    }
    return new LogBins(h.minDecade(), h.maxDecade(), h.logBinsPerDecade());
  }
}
