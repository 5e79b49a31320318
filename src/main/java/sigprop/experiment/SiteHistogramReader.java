package sigprop.experiment;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import sigprop.experiment.SiteHistogram.Binning;
import sigprop.net.Site;

/**
 * Reads {@code record.histogram.sites}: each site's own bins, every key taken from the experiment
 * or else the defaults, and otherwise from the global {@code record.histogram} settings. A
 * {@code range} without {@code bins} means linear bins over it at every layer. Every problem is
 * reported at its key path; the key names themselves were checked by {@link Schema}.
 */
final class SiteHistogramReader {
  private final Scope scope;
  private final Problems problems;

  SiteHistogramReader(Scope scope, Problems problems) {
    this.scope = scope;
    this.problems = problems;
  }

  /** The sites' own entries; sites with problems are left out so reading can go on. */
  Map<Site, SiteHistogram> read(HistogramSettings global, Set<Site> recorded) {
    Map<Site, SiteHistogram> sites = new EnumMap<>(Site.class);
    YamlNode all = scope.find("record", "histogram", "sites");
    if (all == null || Schema.isNull(all) || !(all instanceof YamlNode.Mapping)) {
      return sites; // not a mapping: Schema has said so
    }
    for (Site site : Site.values()) {
      YamlNode entry = find(site, null);
      if (entry == null || Schema.isNull(entry)) {
        continue;
      }
      if (!recorded.contains(site)) {
        continue; // its bins are not used: IdleRecordKeys judges the entry
      }
      if (entry instanceof YamlNode.Mapping) {
        SiteHistogram h = read(site, global.forSite(site));
        if (h != null) {
          sites.put(site, h);
        }
      }
    }
    return sites;
  }

  /** One site's bins, each key defaulting to the global rule's; null after a problem. */
  private SiteHistogram read(Site site, SiteHistogram d) {
    boolean ok = true;
    YamlNode binsNode = find(site, "bins");
    Binning binning = null;
    if (binsNode != null && !Schema.isNull(binsNode)) {
      String word = Values.word(binsNode, problems, "binning",
          Stream.of(Binning.values()).map(Binning::key).toList());
      ok = word != null;
      binning = word == null ? null : Binning.valueOf(word.toUpperCase(java.util.Locale.ROOT));
    }
    YamlNode rangeNode = find(site, "range");
    boolean ownRange = rangeNode != null && !Schema.isNull(rangeNode);
    double[] range = rangeNode == null ? new double[] {d.linearLo(), d.linearHi()}
        : RecordReader.range(rangeNode, problems);
    ok &= range != null;
    Integer linearBins = count(site, "linear_bins", d.linearBins(), 1,
        HistogramSettings.MAX_LINEAR_BINS);
    Integer perDecade = count(site, "log_bins_per_decade", d.logBinsPerDecade(), 1,
        HistogramSettings.MAX_BINS_PER_DECADE);
    int decades = HistogramSettings.MAX_DECADE;
    Integer minDecade = count(site, "min_decade", d.minDecade(), -decades, decades);
    Integer maxDecade = count(site, "max_decade", d.maxDecade(), -decades, decades);
    ok &= linearBins != null && perDecade != null && minDecade != null && maxDecade != null;
    if (minDecade != null && maxDecade != null && minDecade >= maxDecade) {
      YamlNode max = find(site, "max_decade");
      problems.add(max != null ? max : find(site, "min_decade"), "min_decade must be below"
          + " max_decade, got " + minDecade + " and " + maxDecade);
      ok = false;
    }
    // Only where the site sets a log key: inherited ones were reported with the global rule.
    YamlNode per = find(site, "log_bins_per_decade");
    YamlNode ownLog = per != null ? per : find(site, "min_decade") != null
        ? find(site, "min_decade") : find(site, "max_decade");
    String tooMany = ownLog == null || minDecade == null || maxDecade == null
        || perDecade == null || minDecade >= maxDecade ? null
        : HistogramSettings.logBinsProblem(minDecade, maxDecade, perDecade);
    if (tooMany != null) {
      problems.add(ownLog, tooMany);
      ok = false;
    }
    if (binning == null && binsNode != null && !Schema.isNull(binsNode)) {
      return null; // an unknown binning: the checks below would guess at what was meant
    }
    if (binning == null) {
      binning = ownRange ? Binning.LINEAR : Binning.AUTO;
    }
    ok &= consistent(site, binning, range, binsNode);
    return ok ? new SiteHistogram(binning, linearBins, range[0], range[1], perDecade, minDecade,
        maxDecade) : null;
  }

  /**
   * Reports a linear binning without a range. (Keys of the other binning are values no cell
   * uses, judged by IdleRecordKeys: an entry's key from defaults: beside an experiment's own
   * bins, or one that --set bins makes idle, is judged as any such value.)
   */
  private boolean consistent(Site site, Binning binning, double[] range, YamlNode binsNode) {
    if (binning == Binning.LINEAR && range != null && Double.isNaN(range[0])) {
      problems.add(binsNode, "linear bins at every layer need a range: add "
          + path(site, "range") + ": [lo, hi] (in true units, e.g. [-0.05, 0.05])");
      return false;
    }
    return true;
  }

  private Integer count(Site site, String key, int defaultValue, int min, int max) {
    YamlNode node = find(site, key);
    return node == null ? Integer.valueOf(defaultValue)
        : Values.missing(node, problems, "the record.histogram value " + defaultValue,
            "an integer") ? null
        : Values.integer(node, problems, min, max);
  }

  /** The site's entry (key null) or one of its keys, from the experiment or the defaults. */
  private YamlNode find(Site site, String key) {
    return key == null ? scope.find("record", "histogram", "sites", site.key())
        : scope.find("record", "histogram", "sites", site.key(), key);
  }

  private static String path(Site site, String key) {
    return "record.histogram.sites." + site.key() + "." + key;
  }
}
