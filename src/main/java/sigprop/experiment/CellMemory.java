package sigprop.experiment;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sigprop.net.HeapRegions;
import sigprop.net.NetworkSpec;
import sigprop.net.Norm;
import sigprop.net.NormPlacement;
import sigprop.net.PassMemory;
import sigprop.net.Site;
import sigprop.stats.SaturationRange;

/**
 * A cell's estimated peak heap, part by part, each array as G1 stores it: an upper bound of what
 * running the cell and turning its records into rows holds, measured against the smallest
 * {@code -Xmx} each of a spread of cells completes in ({@code jobs/cell-heap}, docs/CONFIG.md).
 *
 * @param network the network's passes ({@link PassMemory})
 * @param data the input x, the loss's targets and output gradient, and when the cell trains a
 *     training batch with its scores, targets and the teacher
 * @param statistics the records and their layers rows ({@value #RECORD_BYTES} bytes each and
 *     {@value #SLOT_BYTES} per occupied histogram slot), and the accumulators
 * @param allowance {@value #ALLOWANCE} bytes for what a JVM holds anyway and a pass's garbage
 */
public record CellMemory(PassMemory network, long data, long statistics, long allowance) {
  /**
   * A record and its layers row beside their histograms: measured 2.1–3.7 KiB (moments,
   * quantiles, the row's boxed values), so 4 KiB.
   */
  static final long RECORD_BYTES = 4096;
  /** An occupied histogram slot: an int and a long in the record and again in its row. */
  static final long SLOT_BYTES = 24;
  /**
   * The occupied slots counted per record, at most: what matters is their mean over a cell's
   * records, measured 7–218 (the most in a 100-layer net drawn N(0, 1), whose records reach 672
   * of the default 16,005 log slots), as one tensor's values span a few dozen decades at most.
   */
  static final long RECORD_SLOTS = 256;
  /** An accumulator beside its counters: blocks of 1024 slots and values. */
  static final long ACCUMULATOR_BYTES = 24 << 10;
  /**
   * What a JVM holds besides the cells' own arrays, and the garbage of a pass between two
   * collections: a fresh JVM running the smallest cell needs -Xmx27m.
   */
  static final long ALLOWANCE = 32L << 20;

  /** The sum of the parts, at most Long.MAX_VALUE. */
  public long total() {
    double sum = (double) network.total() + data + statistics + allowance;
    return sum >= Long.MAX_VALUE ? Long.MAX_VALUE : network.total() + data + statistics
        + allowance;
  }

  /** The estimate of one cell in a G1 heap of this region size (0: raw sizes). */
  static CellMemory of(CellSpec cell, long regionBytes) {
    boolean trains = cell.record().lastStep() > 0;
    boolean weightGradients = trains || cell.record().sites().contains(Site.WEIGHT_GRADIENT);
    PassMemory network = PassMemory.of(cell.network(), cell.input().batch(), cell.weightMode(),
        weightGradients, trains && cell.training().momentum() > 0, regionBytes);
    long batch = cell.input().batch();
    long n0 = cell.input().width();
    long classes = cell.network().classes();
    long perPass = array(8 * batch * n0, regionBytes) + 2 * array(8 * batch * classes,
        regionBytes);
    long data = trains
        ? 2 * perPass + array(8 * batch * classes, regionBytes)
            + array(8 * n0 * classes, regionBytes)
        : perPass;
    return new CellMemory(network, data, statistics(cell), ALLOWANCE);
  }

  /**
   * The records of every (step, layer, site) a cell records, each with its occupied slots
   * (at most the site's layout, the tensor's size and {@value #RECORD_SLOTS}), and the
   * accumulators, one per bin layout and saturation range in use, as {@code StatsProbe} makes
   * them. In double, clamped: a long would wrap for absurd settings.
   */
  static long statistics(CellSpec cell) {
    RecordSpec record = cell.record();
    NetworkSpec net = cell.network();
    int layers = net.depth() + 1;
    double bytes = 0;
    Set<String> accumulators = new HashSet<>();
    for (Site site : record.sites()) {
      SiteHistogram h = record.histogram().forSite(site);
      for (SaturationRange range : site == Site.OUTPUT ? outputRanges(net)
          : List.of(SaturationRange.NONE)) {
        Map.Entry<String, Long> layout = h.layoutFor(range);
        if (accumulators.add(layout.getKey() + " " + range)) {
          bytes += 8.0 * layout.getValue() + ACCUMULATOR_BYTES;
        }
      }
      for (int l = 1; l <= layers; l++) {
        if (site == Site.NORMALIZED && (l == layers || net.norm() == Norm.NONE)) {
          continue;
        }
        double elements = site == Site.WEIGHT || site == Site.WEIGHT_GRADIENT
            ? (double) net.width(l - 1) * net.width(l)
            : (double) cell.input().batch() * net.width(l);
        double slots = Math.min(Math.min(h.maxSlots(), elements), RECORD_SLOTS);
        bytes += record.steps().size() * (RECORD_BYTES + SLOT_BYTES * slots);
      }
    }
    return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bytes;
  }

  /**
   * The saturation ranges of the layer outputs: the hidden activation's (none when a norm comes
   * after it) and the head's.
   */
  private static List<SaturationRange> outputRanges(NetworkSpec net) {
    boolean normLast = net.norm() != Norm.NONE
        && net.placement() == NormPlacement.AFTER_ACTIVATION;
    SaturationRange hidden = normLast ? SaturationRange.NONE : SaturationRange.of(
        net.activation().lowerBound(), net.activation().bound());
    SaturationRange head = SaturationRange.of(net.outputActivation().lowerBound(),
        net.outputActivation().bound());
    return net.depth() > 0 ? List.of(hidden, head) : List.of(head);
  }

  private static long array(long elementBytes, long regionBytes) {
    return HeapRegions.footprint(elementBytes, regionBytes) + 16;
  }
}
