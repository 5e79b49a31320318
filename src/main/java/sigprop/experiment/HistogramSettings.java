package sigprop.experiment;

import java.util.EnumMap;
import java.util.Map;
import sigprop.net.Site;
import sigprop.stats.LogBins;

/**
 * How histograms are binned for a configuration. By default bounded sites (outputs of a bounded
 * activation) get {@code linearBins} linear bins over the activation's range ((−1, 1) for tanh,
 * (0, 1) for sigmoid) unless {@code linearLo}/{@code linearHi} are set (not NaN); every other
 * site gets signed log-magnitude bins, {@code logBinsPerDecade} per decade of |v| from
 * 10^minDecade to 10^maxDecade. {@code sites} overrides that for single sites
 * ({@code record.histogram.sites}); an entry equal to the default rule is dropped, so spelling
 * out the defaults changes nothing (also {@code bins: log} at a site other than the output, the
 * only site a bounded activation gives linear bins by default).
 */
public record HistogramSettings(int linearBins, double linearLo, double linearHi,
    int logBinsPerDecade, int minDecade, int maxDecade, Map<Site, SiteHistogram> sites) {

  /** The most linear bins a config may ask for. */
  public static final int MAX_LINEAR_BINS = 1_000_000;
  /** The most log bins per decade a config may ask for. */
  public static final int MAX_BINS_PER_DECADE = 1_000;
  /** The log bins' decades lie within ±this (values carry a log scale, so beyond double's). */
  public static final int MAX_DECADE = 10_000;

  /**
   * What is wrong with log bins over these decades at this resolution beyond each key's own
   * range, or null: more than {@link LogBins#MAX_BINS_PER_SIDE} bins on a side (each key within
   * its range, [-10000, 10000) at 1000 a decade still asks for 2·10^7).
   */
  static String logBinsProblem(int minDecade, int maxDecade, int perDecade) {
    long perSide = (long) (maxDecade - minDecade) * perDecade;
    return perSide <= LogBins.MAX_BINS_PER_SIDE ? null : "log bins: (max_decade − min_decade) ×"
        + " log_bins_per_decade is at most " + LogBins.MAX_BINS_PER_SIDE + " per sign, got ("
        + maxDecade + " − " + minDecade + ") × " + perDecade + " = " + perSide
        + ": fewer decades or bins per decade";
  }

  /** 200 linear bins over the activation's range; 10 log bins per decade over 1e-400..1e400. */
  public static final HistogramSettings DEFAULT =
      new HistogramSettings(200, Double.NaN, Double.NaN, 10, -400, 400);

  public HistogramSettings {
    if (linearBins < 1 || logBinsPerDecade < 1 || minDecade >= maxDecade) {
      throw new IllegalArgumentException("histogram bins must be >= 1 and min_decade < max_decade");
    }
    if (Double.isNaN(linearLo) != Double.isNaN(linearHi)
        || (!Double.isNaN(linearLo) && !(linearLo < linearHi))) {
      throw new IllegalArgumentException("histogram range needs lo < hi, got [" + linearLo + ", "
          + linearHi + "]");
    }
    SiteHistogram rule = new SiteHistogram(SiteHistogram.Binning.AUTO, linearBins, linearLo,
        linearHi, logBinsPerDecade, minDecade, maxDecade);
    Map<Site, SiteHistogram> own = new EnumMap<>(Site.class);
    sites.forEach((site, h) -> {
      if (!h.equals(rule) && !(site != Site.OUTPUT && h.binning() == SiteHistogram.Binning.LOG
          && h.withBinning(SiteHistogram.Binning.AUTO).equals(rule))) {
        own.put(site, h);
      }
    });
    sites = java.util.Collections.unmodifiableMap(own);
  }

  /** The default rule at every site. */
  public HistogramSettings(int linearBins, double linearLo, double linearHi,
      int logBinsPerDecade, int minDecade, int maxDecade) {
    this(linearBins, linearLo, linearHi, logBinsPerDecade, minDecade, maxDecade, Map.of());
  }

  /** The same settings with these per-site entries. */
  public HistogramSettings withSites(Map<Site, SiteHistogram> siteSettings) {
    return new HistogramSettings(linearBins, linearLo, linearHi, logBinsPerDecade, minDecade,
        maxDecade, siteSettings);
  }

  /** The binning of a site: its own entry, else the default rule. */
  public SiteHistogram forSite(Site site) {
    SiteHistogram own = sites.get(site);
    return own != null ? own : new SiteHistogram(SiteHistogram.Binning.AUTO, linearBins,
        linearLo, linearHi, logBinsPerDecade, minDecade, maxDecade);
  }
}
