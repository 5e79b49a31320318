package sigprop.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import sigprop.stats.HistogramSpec;
import sigprop.stats.LinearBins;
import sigprop.stats.LogBins;
import sigprop.stats.SaturationRange;

/**
 * How one site's histograms are binned ({@code record.histogram} or its
 * {@code record.histogram.sites.<site>} entry). The range is in true units: a gradient carried as
 * g̃·2^s is binned by g̃·2^s, so a value whose true magnitude lies far beyond the range (or beyond
 * double's) is counted in the underflow or overflow slot, and one far below it in the bin holding
 * 0.
 *
 * @param binning AUTO: linear bins for a bounded activation's outputs (over the range, or the
 *     activation's when the range is NaN), signed log bins otherwise; LINEAR: linear bins over
 *     the range at every layer; LOG: signed log bins at every layer
 * @param linearBins the number of linear bins
 * @param linearLo the linear bins' lower end, NaN for the activation's range (AUTO only)
 * @param linearHi their upper end, NaN with linearLo
 * @param logBinsPerDecade log bins per decade of |v|
 * @param minDecade the log bins' smallest decade
 * @param maxDecade their largest decade
 */
public record SiteHistogram(Binning binning, int linearBins, double linearLo, double linearHi,
    int logBinsPerDecade, int minDecade, int maxDecade) {

  /** Which bins a site's layers get. */
  public enum Binning {
    AUTO, LINEAR, LOG;

    /** The config name: auto, linear or log. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Checks the counts, lo &lt; hi, and that LINEAR has a range. */
  public SiteHistogram {
    if (linearBins < 1 || linearBins > HistogramSettings.MAX_LINEAR_BINS
        || logBinsPerDecade < 1 || logBinsPerDecade > HistogramSettings.MAX_BINS_PER_DECADE
        || minDecade >= maxDecade) {
      throw new IllegalArgumentException("histogram bins must be within their limits and"
          + " min_decade < max_decade");
    }
    boolean noRange = Double.isNaN(linearLo) && Double.isNaN(linearHi);
    if (!noRange && !(Double.isFinite(linearLo) && Double.isFinite(linearHi)
        && linearLo < linearHi && Double.isFinite(linearHi - linearLo))) {
      throw new IllegalArgumentException("histogram range needs finite lo < hi, got [" + linearLo
          + ", " + linearHi + "]");
    }
    if (binning == Binning.LINEAR && noRange) {
      throw new IllegalArgumentException("linear bins at every layer need a range");
    }
  }

  /** The same settings with another binning. */
  public SiteHistogram withBinning(Binning other) {
    return new SiteHistogram(other, linearBins, linearLo, linearHi, logBinsPerDecade, minDecade,
        maxDecade);
  }

  /** Whether the range is set (else the activation's range, for AUTO). */
  public boolean hasRange() {
    return !Double.isNaN(linearLo);
  }

  /**
   * The bins of one tensor of this site: {@code activation} is the bounded activation's range
   * for a layer's output, {@link SaturationRange#NONE} otherwise.
   */
  public HistogramSpec specFor(SaturationRange activation) {
    boolean linear = binning == Binning.LINEAR
        || (binning == Binning.AUTO && activation.isBounded());
    if (!linear) {
      return new LogBins(minDecade, maxDecade, logBinsPerDecade);
    }
    return hasRange() ? new LinearBins(linearLo, linearHi, linearBins)
        : new LinearBins(activation.low(), activation.high(), linearBins);
  }

  /**
   * The layouts this site may use, by a name equal for equal layouts, with their counters: the
   * accumulators a cell allocates (one per layout) and the most slots a record can occupy.
   */
  Map<String, Long> layouts() {
    Map<String, Long> layouts = new LinkedHashMap<>();
    if (binning != Binning.LOG) {
      layouts.put(linearName(linearLo, linearHi), linearBins + 2L);
    }
    if (binning != Binning.LINEAR) {
      layouts.put(logName(), logSlots());
    }
    return layouts;
  }

  /**
   * The name and counters of the layout {@link #specFor} gives for this range, without building
   * its bins (a layout too large to build is refused by the memory check, not here).
   */
  Map.Entry<String, Long> layoutFor(SaturationRange activation) {
    boolean linear = binning == Binning.LINEAR
        || (binning == Binning.AUTO && activation.isBounded());
    if (!linear) {
      return Map.entry(logName(), logSlots());
    }
    return Map.entry(hasRange() ? linearName(linearLo, linearHi)
        : linearName(activation.low(), activation.high()), linearBins + 2L);
  }

  private String linearName(double lo, double hi) {
    return "linear:" + lo + ":" + hi + ":" + linearBins;
  }

  private String logName() {
    return "log:" + minDecade + ":" + maxDecade + ":" + logBinsPerDecade;
  }

  private long logSlots() {
    return 2L * (maxDecade - minDecade) * logBinsPerDecade + 5;
  }

  /** The most counters one record of this site can occupy (its largest layout). */
  long maxSlots() {
    return layouts().values().stream().mapToLong(Long::longValue).max().orElse(0);
  }

  /** The canonical text of the settings that apply, for the sweep's canonical config. */
  String canonical() {
    String range = "[" + linearLo + "," + linearHi + "]";
    String linear = "linear_bins=" + linearBins;
    String log = "log_bins_per_decade=" + logBinsPerDecade + " min_decade=" + minDecade
        + " max_decade=" + maxDecade;
    return switch (binning) {
      case LINEAR -> "bins=linear range=" + range + " " + linear;
      case LOG -> "bins=log " + log;
      case AUTO -> "bins=auto range=" + (hasRange() ? range : "null") + " " + linear + " " + log;
    };
  }
}
