package sigprop.experiment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import sigprop.net.Site;

/**
 * Reads an experiment's {@code record:} section (sites, steps, histogram), each key from the
 * experiment or else the defaults; missing keys take {@link RecordSpec#DEFAULT}'s values. The
 * per-site histogram entries are read by {@link SiteHistogramReader}.
 */
final class RecordReader {
  private final Scope scope;
  private final Problems problems;

  RecordReader(Scope scope, Problems problems) {
    this.scope = scope;
    this.problems = problems;
  }

  /** The record spec; values with problems fall back to the defaults so reading can go on. */
  RecordSpec read() {
    Set<Site> sites = sites(scope.find("record", "sites"));
    List<Integer> steps = steps(scope.find("record", "steps"));
    Set<Site> recorded = sites == null ? RecordSpec.DEFAULT.sites() : sites;
    HistogramSettings histogram = histogram();
    histogram = histogram.withSites(new SiteHistogramReader(scope, problems)
        .read(histogram, recorded));
    return new RecordSpec(recorded, steps == null ? RecordSpec.DEFAULT.steps() : steps,
        histogram);
  }

  /** Whether the experiment's record section reads without a problem. */
  static boolean readsCleanly(Scope scope) {
    Problems scratch = new Problems();
    new RecordReader(scope, scratch).read();
    return scratch.isEmpty();
  }

  /** Whether the experiment's record.sites (if written) reads without a problem. */
  static boolean sitesReadCleanly(Scope scope) {
    Problems scratch = new Problems();
    new RecordReader(scope, scratch).sites(scope.find("record", "sites"));
    return scratch.isEmpty();
  }

  /** Whether the experiment's record.steps (if written) reads without a problem. */
  static boolean stepsReadCleanly(Scope scope) {
    YamlNode node = scope.find("record", "steps");
    return node == null || new RecordReader(scope, new Problems()).steps(node) != null;
  }

  private Set<Site> sites(YamlNode node) {
    if (node == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (Site s : Site.values()) {
      names.add(s.key());
    }
    if (Values.missing(node, problems, "every site", "a list of sites, e.g. [output,"
        + " output_gradient]")) {
      return null;
    }
    if (node instanceof YamlNode.Sequence seq && seq.items().isEmpty()) {
      problems.add(node, "must name at least one site (valid: " + String.join(", ", names) + ")");
      return null;
    }
    Set<Site> sites = new LinkedHashSet<>();
    for (YamlNode item : Values.items(node)) {
      String name = Values.word(item, problems, "site", names);
      if (name != null && !sites.add(Site.fromKey(name))) {
        problems.add(item, "site '" + name + "' appears twice");
      }
    }
    return sites.isEmpty() ? null : sites;
  }

  private List<Integer> steps(YamlNode node) {
    if (node == null) {
      return null;
    }
    if (Values.missing(node, problems, "the default [0] (at initialization)",
        "a list of steps, e.g. [0, 100]")) {
      return null;
    }
    if (node instanceof YamlNode.Sequence seq && seq.items().isEmpty()) {
      problems.add(node, "must list at least one step (0 = at initialization)");
      return null;
    }
    // Every bad item is reported, not only the first; the order is checked among the good ones.
    List<Integer> steps = new ArrayList<>();
    boolean bad = false;
    boolean unordered = false;
    for (YamlNode item : Values.items(node)) {
      Integer step = Values.integer(item, problems, 0, RecordSpec.MAX_STEP);
      if (step == null) {
        bad = true;
        continue;
      }
      unordered |= !steps.isEmpty() && step <= steps.get(steps.size() - 1);
      steps.add(step);
    }
    if (unordered) {
      problems.add(node, "steps must be increasing, got " + describe(node));
    }
    return bad || unordered ? null : steps;
  }

  private HistogramSettings histogram() {
    HistogramSettings d = HistogramSettings.DEFAULT;
    Integer linearBins = count("linear_bins", d.linearBins(), 1, HistogramSettings.MAX_LINEAR_BINS);
    Integer perDecade = count("log_bins_per_decade", d.logBinsPerDecade(), 1,
        HistogramSettings.MAX_BINS_PER_DECADE);
    int decades = HistogramSettings.MAX_DECADE;
    Integer minDecade = count("min_decade", d.minDecade(), -decades, decades);
    Integer maxDecade = count("max_decade", d.maxDecade(), -decades, decades);
    if (minDecade != null && maxDecade != null && minDecade >= maxDecade) {
      YamlNode max = scope.find("record", "histogram", "max_decade");
      YamlNode min = scope.find("record", "histogram", "min_decade");
      YamlNode at = max != null ? max : min;
      problems.add(at, "min_decade must be below max_decade, got " + minDecade + " and "
          + maxDecade);
      minDecade = null;
    }
    String tooMany = minDecade == null || maxDecade == null || perDecade == null ? null
        : HistogramSettings.logBinsProblem(minDecade, maxDecade, perDecade);
    if (tooMany != null) {
      YamlNode per = scope.find("record", "histogram", "log_bins_per_decade");
      problems.add(per != null ? per : scope.find("record", "histogram"), tooMany);
      minDecade = null;
    }
    double[] range = range(scope.find("record", "histogram", "range"), problems);
    if (linearBins == null || perDecade == null || minDecade == null || maxDecade == null
        || range == null) {
      return d;
    }
    return new HistogramSettings(linearBins, range[0], range[1], perDecade, minDecade, maxDecade);
  }

  private Integer count(String key, int defaultValue, int min, int max) {
    YamlNode node = scope.find("record", "histogram", key);
    return node == null ? Integer.valueOf(defaultValue)
        : Values.missing(node, problems, "the default " + defaultValue, "an integer") ? null
        : Values.integer(node, problems, min, max);
  }

  /** [lo, hi] of the linear bins, or {NaN, NaN} for the activation's own range. */
  static double[] range(YamlNode node, Problems problems) {
    if (node == null || Schema.isNull(node)) {
      return new double[] {Double.NaN, Double.NaN};
    }
    if (!(node instanceof YamlNode.Sequence seq) || seq.items().size() != 2) {
      problems.add(node, "expected [lo, hi] or null, got " + describe(node));
      return null;
    }
    Double lo = Values.number(seq.items().get(0), problems);
    Double hi = Values.number(seq.items().get(1), problems);
    if (lo == null || hi == null) {
      return null;
    }
    // hi − lo must be finite too: the bins' width is computed from it.
    if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi && Double.isFinite(hi - lo))) {
      problems.add(node, "needs finite lo < hi with hi − lo finite, got [" + lo + ", " + hi
          + "]");
      return null;
    }
    return new double[] {lo, hi};
  }

  /** A node's value for a message: a scalar's text, a list as [a, b, …]. */
  static String describe(YamlNode node) {
    if (node instanceof YamlNode.Sequence seq) {
      List<String> parts = new ArrayList<>();
      for (YamlNode item : seq.items()) {
        parts.add(describe(item));
      }
      return "[" + String.join(", ", parts) + "]";
    }
    return node instanceof YamlNode.Scalar s ? s.text() : node.describe();
  }
}
