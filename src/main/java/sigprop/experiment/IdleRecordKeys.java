package sigprop.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import sigprop.experiment.SiteHistogram.Binning;
import sigprop.net.Activation;
import sigprop.net.Norm;
import sigprop.net.NormPlacement;
import sigprop.net.Site;
import sigprop.stats.SaturationRange;

/**
 * Record keys that no cell of an experiment can use: the site {@code normalized} when no cell has
 * a norm (no layer has normalized values), and histogram keys of bins no recorded site gets. By
 * default only a bounded activation's outputs (tanh, sigmoid, softsign, not followed by a norm)
 * get linear bins and every other site log bins, so {@code histogram.range} in a ReLU net, or
 * {@code linear_bins} in a gradient site's own entry without a range, bins nothing.
 */
final class IdleRecordKeys {
  private static final String EXPERIMENT = ValueUse.EXPERIMENT;
  private static final List<String> LINEAR_KEYS = List.of("linear_bins", "range");
  private static final List<String> LOG_KEYS =
      List.of("log_bins_per_decade", "min_decade", "max_decade");

  /** The two kinds of bins a site's tensors may get. */
  private enum Bins { LINEAR, LOG }

  private final ExperimentConfig e;
  private final Scope scope;
  private final boolean multi;

  private IdleRecordKeys(ExperimentConfig e, Scope scope, boolean multi) {
    this.e = e;
    this.scope = scope;
    this.multi = multi;
  }

  /** The experiment's record keys above, each with its verdict. */
  static List<ValueUse> uses(ExperimentConfig e, Scope scope, boolean multi) {
    // A value that could not be read stands in as a default: judging by it could blame a value
    // that is fine, so the keys are judged once the record section and the network read.
    boolean readable = RecordReader.readsCleanly(scope) && List.of(Setting.ACTIVATION,
        Setting.OUTPUT_ACTIVATION, Setting.NORM, Setting.NORM_PLACEMENT).stream()
        .allMatch(s -> IdleSettings.readable(e, scope, s));
    IdleRecordKeys keys = new IdleRecordKeys(e, scope, multi);
    List<ValueUse> uses = new ArrayList<>(RecordReader.sitesReadCleanly(scope)
        ? keys.siteEntries() : List.of());
    uses.addAll(readable ? keys.uses() : List.of());
    return uses;
  }

  /**
   * Each entry of record.histogram.sites, idle when the experiment does not record its site or
   * it is {@code normalized} and no cell has a norm: an entry of the defaults (or merged with
   * {@code <<:}) is fine while an experiment taking it records the site, and one that an
   * override of record.sites leaves out (a sweep shrunk for a quick run) is left alone, as every
   * idle value is.
   */
  private List<ValueUse> siteEntries() {
    List<ValueUse> uses = new ArrayList<>();
    YamlNode sites = scope.find("record", "sites");
    boolean normKnown = IdleSettings.readable(e, scope, Setting.NORM);
    for (Site site : Site.values()) {
      YamlNode entry = scope.find("record", "histogram", "sites", site.key());
      if (entry == null || Schema.isNull(entry)) {
        continue;
      }
      String path = "record.histogram.sites." + site.key();
      String because = null;
      List<YamlNode> causes = Collections.singletonList(sites);
      String remedy = "add the site to record.sites";
      if (!e.record().sites().contains(site)) {
        because = "site '" + site.key() + "' is not recorded in any cell of " + EXPERIMENT + " ("
            + (sites == null ? "record.sites (default)" : new SettingValue(null, sites)
                .where("record.sites")) + " leaves it out), so its bins are not used";
      } else if (site == Site.NORMALIZED && normKnown && !IdleSettings.anyNorm(e)) {
        because = "no cell of " + EXPERIMENT + " has a norm (" + IdleSettings.where(e,
            Setting.NORM) + " is none), so there are no normalized values to bin";
        causes = normCauses();
        remedy = "add a norm";
      } else {
        otherBinningKeys(uses, site);
      }
      uses.add(use(entry, path, own(entry, path), because, remedy, causes));
    }
    return uses;
  }

  private List<ValueUse> uses() {
    List<ValueUse> uses = new ArrayList<>();
    boolean anyNorm = IdleSettings.anyNorm(e);
    YamlNode sites = scope.find("record", "sites");
    if (sites != null) {
      for (YamlNode item : Values.items(sites)) {
        if (item instanceof YamlNode.Scalar s && s.text().trim().equalsIgnoreCase("normalized")) {
          uses.add(use(item, "record.sites.normalized",
              ValueUse.own(sites, scope.explicit("record", "sites"), multi), anyNorm ? null
              : "no cell of " + EXPERIMENT + " has a norm (" + IdleSettings.where(e, Setting.NORM)
                  + " is none), so no layer has normalized values", "add a norm", normCauses()));
        }
      }
    }
    for (String key : LINEAR_KEYS) {
      global(uses, key, Bins.LINEAR, "no site that " + EXPERIMENT + " records gets linear bins"
          + " from it (by default only a bounded activation's outputs get them: tanh, sigmoid,"
          + " softsign, not followed by a norm)", "give a site linear bins of its own"
          + " (record.histogram.sites)");
    }
    for (String key : LOG_KEYS) {
      global(uses, key, Bins.LOG, "no site that " + EXPERIMENT + " records gets log bins"
          + " from it", "drop it");
    }
    for (Site site : e.record().sites()) {
      YamlNode entry = scope.find("record", "histogram", "sites", site.key());
      if (!(entry instanceof YamlNode.Mapping m)) {
        continue;
      }
      String path = "record.histogram.sites." + site.key();
      if (site == Site.NORMALIZED && !anyNorm) {
        continue; // the entry is idle: siteEntries says so
      }
      if (e.record().histogram().forSite(site).binning() != Binning.AUTO) {
        continue; // keys of the other binning: siteEntries
      }
      Set<Bins> bins = bins(site);
      for (String key : m.view().keySet()) {
        Bins takes = LINEAR_KEYS.contains(key) ? Bins.LINEAR : LOG_KEYS.contains(key) ? Bins.LOG
            : null;
        if (takes != null) {
          YamlNode node = m.get(key);
          uses.add(use(node, path + "." + key, own(node, path + "." + key), bins.contains(takes)
              ? null : "site '" + site.key() + "' gets " + (takes == Bins.LINEAR ? "log" : "linear")
                  + " bins in every cell of " + EXPERIMENT + " (bins: auto gives linear bins to a"
                  + " bounded activation's outputs only)", takes == Bins.LOG ? "set bins: log"
                      : hasRange(m) ? "set bins: linear" // a range beside bins: auto
                      : "give the site range: [lo, hi] for linear bins",
                  binCauses()));
        }
      }
    }
    return uses;
  }

  /**
   * The keys of a site's entry (its own or the defaults', key by key) that only the other
   * binning takes: range and linear_bins beside bins: log, the log keys beside linear bins.
   */
  private void otherBinningKeys(List<ValueUse> uses, Site site) {
    String path = "record.histogram.sites." + site.key();
    YamlNode bins = scope.find("record", "histogram", "sites", site.key(), "bins");
    YamlNode range = scope.find("record", "histogram", "sites", site.key(), "range");
    boolean written = bins != null && !Schema.isNull(bins);
    String word = !written ? null : Values.word(bins, new Problems(), "binning",
        Stream.of(Binning.values()).map(Binning::key).toList());
    Binning binning = word != null ? Binning.valueOf(word.toUpperCase(Locale.ROOT))
        : !written && range != null && !Schema.isNull(range) ? Binning.LINEAR : null;
    if (binning == null || binning == Binning.AUTO) {
      return; // auto (judged in uses), or a binning that could not be read
    }
    YamlNode cause = written ? bins : range;
    String why = written ? new SettingValue(null, bins).where(path + ".bins") + " is "
        + binning.key() : "it has a range";
    List<String> other = binning == Binning.LOG ? LINEAR_KEYS : LOG_KEYS;
    for (String key : Stream.concat(LINEAR_KEYS.stream(), LOG_KEYS.stream()).toList()) {
      YamlNode node = scope.find("record", "histogram", "sites", site.key(), key);
      if (node != null && !Schema.isNull(node)) { // range: null is the default, not a range
        // The keys of its own binning are used: a shared entry's key is fine while one is.
        uses.add(use(node, path + "." + key, own(node, path + "." + key), !other.contains(key)
            ? null : "it applies to " + (binning == Binning.LOG ? "linear" : "log")
                + " bins only, and site '" + site.key() + "' gets " + binning.key() + " bins in"
                + " every cell of " + EXPERIMENT + " (" + why + ")", "drop it",
            Collections.singletonList(cause)));
      }
    }
  }

  private static boolean hasRange(YamlNode.Mapping entry) {
    YamlNode range = entry.get("range");
    return range != null && !Schema.isNull(range);
  }

  /** A global histogram key, used when some recorded site gets its kind of bins and not its own. */
  private void global(List<ValueUse> uses, String key, Bins kind, String because,
      String remedy) {
    YamlNode node = scope.find("record", "histogram", key);
    if (node == null) {
      return;
    }
    boolean taken = e.record().sites().stream().anyMatch(site -> bins(site).contains(kind)
        && scope.find("record", "histogram", "sites", site.key(), key) == null);
    String path = "record.histogram." + key;
    uses.add(use(node, path, own(node, path), taken ? null : because, remedy, binCauses()));
  }

  private List<YamlNode> normCauses() {
    return IdleSettings.causes(e, Setting.NORM);
  }

  /** Where the values that decide a site's bins are written: activations, norm, sites. */
  private List<YamlNode> binCauses() {
    List<YamlNode> causes = new ArrayList<>();
    for (Setting s : List.of(Setting.ACTIVATION, Setting.OUTPUT_ACTIVATION, Setting.NORM,
        Setting.NORM_PLACEMENT)) {
      causes.addAll(IdleSettings.causes(e, s));
    }
    causes.add(scope.find("record", "sites"));
    return causes;
  }

  private boolean own(YamlNode node, String path) {
    return ValueUse.own(node, scope.explicit(path.split("\\.")), multi);
  }

  private ValueUse use(YamlNode node, String key, boolean own, String because,
      String remedy, List<YamlNode> causes) {
    boolean idle = because != null && !ValueUse.idledByOverride(node, causes);
    return new ValueUse(node, key, !own, e.name(), idle ? because : null, "has no effect: ",
        remedy.equals("drop it") ? "; drop it" : "; drop it or " + remedy, null);
  }

  /** The kinds of bins a recorded site's tensors get over the experiment's cells. */
  private Set<Bins> bins(Site site) {
    Set<Bins> bins = EnumSet.noneOf(Bins.class);
    if (site == Site.NORMALIZED && !IdleSettings.anyNorm(e)) {
      return bins; // no layer has normalized values
    }
    Binning binning = e.record().histogram().forSite(site).binning();
    if (binning != Binning.AUTO) {
      bins.add(binning == Binning.LINEAR ? Bins.LINEAR : Bins.LOG);
      return bins;
    }
    if (site != Site.OUTPUT) {
      bins.add(Bins.LOG);
      return bins;
    }
    for (boolean bounded : outputBoundedness()) {
      bins.add(bounded ? Bins.LINEAR : Bins.LOG);
    }
    return bins;
  }

  /**
   * Whether the layers' outputs are bounded, over the cells: a hidden layer's when its activation
   * is bounded and no norm follows it, the head's when its activation is.
   */
  private Set<Boolean> outputBoundedness() {
    Set<Boolean> out = new HashSet<>();
    boolean normAfter = false;
    boolean nothingAfter = false;
    for (Object norm : IdleSettings.values(e, Setting.NORM)) {
      for (Object placement : IdleSettings.values(e, Setting.NORM_PLACEMENT)) {
        boolean after = norm != Norm.NONE && placement == NormPlacement.AFTER_ACTIVATION;
        normAfter |= after;
        nothingAfter |= !after;
      }
    }
    for (Object a : IdleSettings.values(e, Setting.ACTIVATION)) {
      if (normAfter) {
        out.add(false);
      }
      if (nothingAfter) {
        out.add(bounded((Activation) a));
      }
    }
    for (Object a : IdleSettings.values(e, Setting.OUTPUT_ACTIVATION)) {
      out.add(bounded((Activation) a));
    }
    return out;
  }

  private static boolean bounded(Activation a) {
    return SaturationRange.of(a.lowerBound(), a.bound()).isBounded();
  }
}
