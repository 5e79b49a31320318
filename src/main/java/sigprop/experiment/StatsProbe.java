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
import sigprop.stats.SaturationRange;
import sigprop.stats.SiteAccumulator;
import sigprop.stats.SiteRecord;

/**
 * Summarizes each recorded tensor the moment the network produces it. The output of a bounded
 * activation gets saturation fractions; the bins are the site's ({@link SiteHistogram}: by
 * default linear over the activation's range for a bounded output, signed log-magnitude bins
 * elsewhere). One accumulator per bin layout and saturation range is reused, so a 500-layer pass
 * holds compact records, not tensors or full counter arrays.
 */
final class StatsProbe implements Probe {
  private static final Set<Site> WATCHED =
      EnumSet.of(Site.PRE_ACTIVATION, Site.OUTPUT_GRADIENT);
  private final Network network;
  private final RecordSpec spec;
  private final Map<Layout, SiteAccumulator> accumulators = new HashMap<>();
  // The accumulator of the last site and range seen: consecutive tensors mostly share them, and
  // a map lookup hashes a record per tensor (3% of the statistics' time at width 256).
  private Site lastSite;
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
    SiteAccumulator acc = accumulatorFor(site, saturationRange(layer, site));
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

  private SiteAccumulator accumulatorFor(Site site, SaturationRange range) {
    if (site != lastSite || !range.equals(lastRange)) {
      lastSite = site;
      lastRange = range;
      HistogramSpec bins = spec.histogram().forSite(site).specFor(range);
      lastAccumulator = accumulators.computeIfAbsent(new Layout(bins, range),
          k -> new SiteAccumulator(k.bins(), k.saturation()));
    }
    return lastAccumulator;
  }

  /** What an accumulator is made for: sites with equal bins and saturation range share one. */
  private record Layout(HistogramSpec bins, SaturationRange saturation) {}
}
