package sigprop.summary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import sigprop.net.Site;
import sigprop.report.Curve;
import sigprop.report.FigureSize;
import sigprop.report.HistogramFigure;
import sigprop.report.IfExists;
import sigprop.report.LayerCurveFigure;
import sigprop.report.YScale;
import sigprop.stats.LinearBins;

/**
 * The summary's figures, per sweep, experiment and step (names start with the experiment, then
 * {@code -step<k>} when the experiment recorded several steps, after {@code <sweep>-} when the
 * summary holds several sweeps):
 * <ul>
 *   <li>{@code <exp>-variance-output}, {@code <exp>-variance-output_gradient}, {@code
 *       <exp>-variance-pre_activation_gradient}: mean over seeds of log10 variance against hidden
 *       layer, one line per configuration with a ±1 sd band (while each has a colour of its
 *       own), dashed theory in the same colour ({@link #CURVES} size); split into one figure per
 *       value of a parameter, {@code -<parameter>_<value>} at the end of the name, past
 *       {@link CurveFacets#MAX_CONFIGURATIONS} configurations;
 *   <li>{@code <exp>-saturation}: fraction of saturated outputs (within 10 % of the half-range
 *       of an asymptote) against layer, with its theory (bounded activations only);
 *   <li>{@code <exp>-hist-<site>-c<index>-<label>}: per configuration, the pooled distribution of
 *       outputs (density per unit value) and of the magnitudes of output gradients ∂L/∂y and
 *       pre-activation gradients ∂L/∂z (density per decade of |v|) at five evenly spaced hidden
 *       layers (of those the histogram layer selection keeps), as Glorot & Bengio (2010),
 *       Figs. 6–7 (Fig. 7 is ∂L/∂z).
 * </ul>
 */
public final class SummaryFigures {
  /** Curves against layer: wider than the default, for legends of long configuration labels. */
  public static final FigureSize CURVES = new FigureSize(1000, 560);

  private SummaryFigures() {}

  /**
   * Writes every figure of the rows into the folder; returns the files written. The rule says
   * how curve figures of many configurations are split; histogram figures choose their layers
   * among those the selection keeps.
   */
  public static List<Path> write(List<LayerRow> rows, CurveFacets.Rule facets,
      LayerSelection histogramLayers, Path folder, IfExists ifExists) throws IOException {
    List<Path> written = new ArrayList<>();
    for (Group group : groups(rows)) {
      for (NamedFigure f : curveFigures(group, facets)) {
        written.addAll(f.figure().write(folder, f.name(), ifExists));
      }
      written.addAll(histograms(histogramLayers.kept(group.rows()), group.name(), group.title(),
          folder, ifExists));
    }
    return written;
  }

  /** A figure and its file name without extension. */
  record NamedFigure(String name, LayerCurveFigure figure) {}

  /** The hidden-layer rows of one sweep, experiment and step, with their file stem and title. */
  record Group(String name, String title, List<LayerRow> rows) {}

  static List<Group> groups(List<LayerRow> rows) {
    Map<String, List<LayerRow>> groups = new LinkedHashMap<>();
    Map<String, Integer> stepsPerExperiment = new TreeMap<>();
    long sweeps = rows.stream().map(r -> r.config().sweep()).distinct().count();
    for (LayerRow row : rows) {
      if (row.key().head()) {
        continue;
      }
      groups.computeIfAbsent(prefix(row, sweeps > 1) + "\u0000" + row.key().step(),
          k -> new ArrayList<>()).add(row);
    }
    for (String group : groups.keySet()) {
      stepsPerExperiment.merge(group.substring(0, group.indexOf('\u0000')), 1, Integer::sum);
    }
    List<Group> result = new ArrayList<>();
    for (List<LayerRow> group : groups.values()) {
      LayerRow first = group.get(0);
      String prefix = prefix(first, sweeps > 1);
      boolean manySteps = stepsPerExperiment.get(prefix) > 1;
      String name = prefix + (manySteps ? "-step" + first.key().step() : "");
      String title = first.config().experiment()
          + (manySteps || first.key().step() > 0 ? ", step " + first.key().step() : "");
      result.add(new Group(name, title, group));
    }
    return result;
  }

  /**
   * The variance and saturation figures of one group, each split into facets when it holds many
   * configurations ({@link CurveFacets}): {@code <name>-variance-<site>-<parameter>_<value>}.
   */
  static List<NamedFigure> curveFigures(Group group, CurveFacets.Rule rule) {
    List<Configuration> configs = new ArrayList<>();
    TreeMap<Integer, Configuration> byIndex = new TreeMap<>();
    group.rows().forEach(r -> byIndex.putIfAbsent(r.config().index(), r.config()));
    configs.addAll(byIndex.values());
    List<CurveFacets.Facet> facets = CurveFacets.split(configs, rule);
    List<NamedFigure> figures = new ArrayList<>();
    for (CurveFacets.Facet facet : facets) {
      List<LayerRow> rows = new ArrayList<>();
      for (LayerRow row : group.rows()) {
        if (facet.configs().contains(row.config())) {
          rows.add(row);
        }
      }
      String suffix = facet.part() == null ? "" : "-" + slug(facet.part());
      String title = group.title() + (facet.part() == null ? "" : ", " + facet.part());
      for (Drawn d : DRAWN) {
        LayerCurveFigure f = variance(rows, facet, d.site(), d.symbol(), d.plural(), title);
        if (f != null) {
          figures.add(new NamedFigure(group.name() + "-variance-" + d.site().key() + suffix, f));
        }
      }
      LayerCurveFigure f = saturation(rows, facet, title);
      if (f != null) {
        figures.add(new NamedFigure(group.name() + "-saturation" + suffix, f));
      }
    }
    return figures;
  }

  /**
   * A site drawn in the summary's figures: its symbol, what its variance figure and histogram
   * figures call it. Glorot & Bengio's Figs. 6, 7 and 8: activations, back-propagated (∂L/∂z)
   * and weight gradients, and ∂L/∂y besides.
   */
  private record Drawn(Site site, String symbol, String plural, String singular,
      String histogramSubject) {}

  private static final List<Drawn> DRAWN = List.of(
      new Drawn(Site.OUTPUT, "y", "layer outputs", "layer output", "outputs"),
      new Drawn(Site.OUTPUT_GRADIENT, "dL/dy", "output gradients", "output gradient",
          "output gradients"),
      new Drawn(Site.PRE_ACTIVATION_GRADIENT, "dL/dz", "pre-activation gradients",
          "pre-activation gradient", "pre-activation gradients"),
      new Drawn(Site.WEIGHT_GRADIENT, "dL/dW", "weight gradients", "weight gradient",
          "weight gradients"));

  private static String prefix(LayerRow row, boolean withSweep) {
    String experiment = slug(row.config().experiment());
    return withSweep ? slug(row.config().sweep()) + "-" + experiment : experiment;
  }

  private static LayerCurveFigure variance(List<LayerRow> rows, CurveFacets.Facet facet,
      Site site, String symbol, String what, String title) {
    LayerCurveFigure.Builder figure = LayerCurveFigure.builder(
        title + ": variance of " + what + " " + symbol + " per layer")
        .xLabel("hidden layer")
        .yLabel("log10 Var[" + symbol + "]: "
            + spread(facet, rows, site, LayerStatistic.LOG10_VARIANCE))
        .yScale(YScale.VALUES_ARE_LOG10)
        .size(CURVES);
    boolean any = addSeries(figure, rows, facet, site, LayerStatistic.LOG10_VARIANCE,
        TheoryColumns::log10Variance, NO_FINITE_VALUE);
    return any ? figure.build() : null;
  }

  private static LayerCurveFigure saturation(List<LayerRow> rows, CurveFacets.Facet facet,
      String title) {
    LayerCurveFigure.Builder figure = LayerCurveFigure.builder(
        title + ": saturated outputs, within 10 % of an asymptote")
        .xLabel("hidden layer")
        .yLabel("fraction saturated: "
            + spread(facet, rows, Site.OUTPUT, LayerStatistic.FRAC_SAT90))
        .fraction()
        .size(CURVES);
    boolean any = addSeries(figure, rows, facet, Site.OUTPUT, LayerStatistic.FRAC_SAT90,
        TheoryColumns::fracSat90, NO_SATURATION);
    return any ? figure.build() : null;
  }

  /**
   * Whether a figure of these configurations draws ±1 sd bands: only while each configuration
   * has a colour of its own; past that, bands of one colour overlap and no reader can tell whose
   * band is whose.
   */
  static boolean bands(CurveFacets.Facet facet) {
    return facet.configs().size() <= LayerCurveFigure.COLOURS;
  }

  /** What the y axis shows of the seeds: the mean, with its band where one is drawn. */
  private static String spread(CurveFacets.Facet facet, List<LayerRow> rows, Site site,
      LayerStatistic statistic) {
    if (!bands(facet)) {
      return "mean over seeds (sd in layers.csv)";
    }
    for (LayerRow row : rows) {
      if (row.key().site().equals(site.key())
          && Double.isFinite(row.summary().statistic(statistic).sd())) {
        return "mean over seeds ± 1 sd";
      }
    }
    // One seed each (or none with a spread): a "± 1 sd" label over no band misleads.
    return "mean over seeds (one seed: no sd)";
  }

  /** Why an ok configuration has no line in a variance figure. */
  static final String NO_FINITE_VALUE = "no finite value";

  /**
   * Why an ok configuration has no line in a saturation figure: the layers table measures
   * saturation only where the outputs have a range (NaN elsewhere), so a relu net beside a tanh
   * one, or tanh with a norm after it, has none.
   */
  static final String NO_SATURATION =
      "no saturation: the activation is unbounded or a norm follows it";

  /**
   * Adds one series per configuration with a finite value; returns whether any was added. An
   * ok configuration without one stays in the legend with {@code noValue} as the reason.
   */
  private static boolean addSeries(LayerCurveFigure.Builder figure, List<LayerRow> group,
      CurveFacets.Facet facet, Site site, LayerStatistic statistic,
      ToDoubleFunction<TheoryColumns> theory, String noValue) {
    Map<Configuration, List<LayerRow>> byConfig = byConfiguration(group, site);
    boolean bands = bands(facet);
    boolean any = false;
    for (Map.Entry<Configuration, List<LayerRow>> e : byConfig.entrySet()) {
      List<LayerRow> rows = e.getValue();
      int n = rows.size();
      int[] layers = new int[n];
      double[] y = new double[n];
      double[] lo = new double[n];
      double[] hi = new double[n];
      double[] predicted = new double[n];
      boolean finite = false;
      boolean predictedFinite = false;
      for (int i = 0; i < n; i++) {
        SeedStatistics s = rows.get(i).summary().statistic(statistic);
        layers[i] = rows.get(i).key().layer();
        y[i] = s.mean();
        lo[i] = s.mean() - s.sd();
        hi[i] = s.mean() + s.sd();
        predicted[i] = theory.applyAsDouble(rows.get(i).theory());
        finite |= Double.isFinite(y[i]);
        predictedFinite |= Double.isFinite(predicted[i]);
      }
      double[] x = gapped(layers, null);
      y = gapped(layers, y);
      lo = gapped(layers, lo);
      hi = gapped(layers, hi);
      predicted = gapped(layers, predicted);
      Configuration config = e.getKey();
      String label = facet.label(config);
      if (finite) {
        // Seeds left out (diverged, failed) are said in the legend, as in n_used beside the
        // means in layers.csv: a line of 2 of 3 seeds looks like a line of all 3 otherwise.
        String partial = seedsLeftOut(config);
        label = partial == null ? label : label + " (" + partial + ")";
        Curve curve = Curve.of(label, x, y);
        figure.series(bands ? curve.withBand(lo, hi) : curve);
      } else {
        // A configuration with nothing to draw stays in the legend, saying why (no line).
        figure.series(Curve.of(label + " (" + notDrawn(config, noValue) + ")", x, y));
      }
      // No theory without a measurement beside it: it would only set the axis (1e+290 for a
      // net that diverged) and flatten the lines that were measured.
      if (finite && predictedFinite) {
        figure.theory(Curve.of(label + " (theory)", x, predicted), label);
      }
      any |= finite;
    }
    return any;
  }

  /**
   * Values per layer with a NaN point inserted where the layers jump by more than their usual
   * (median) spacing, so a line breaks there instead of running straight across layers never
   * summarized (`--layers 1,2,10-20` breaks between 2 and 10; `every:10` stays one line); with
   * {@code values} null, the layers themselves (a break repeats its left layer).
   */
  static double[] gapped(int[] layers, double[] values) {
    int[] spacings = new int[Math.max(0, layers.length - 1)];
    for (int i = 1; i < layers.length; i++) {
      spacings[i - 1] = layers[i] - layers[i - 1];
    }
    int[] sorted = spacings.clone();
    Arrays.sort(sorted);
    int usual = sorted.length == 0 ? 1 : Math.max(1, sorted[(sorted.length - 1) / 2]);
    int breaks = 0;
    for (int d : spacings) {
      breaks += d > usual ? 1 : 0;
    }
    double[] out = new double[layers.length + breaks];
    int j = 0;
    for (int i = 0; i < layers.length; i++) {
      if (i > 0 && spacings[i - 1] > usual) {
        out[j++] = values == null ? layers[i - 1] : Double.NaN;
      }
      out[j++] = values == null ? layers[i] : values[i];
    }
    return out;
  }

  /**
   * What a histogram curve leaves out, for its legend: the values in slots without a width
   * (exact zeros; log bins' tiny and huge ends; linear bins' under- and overflow), as a share
   * of all values, e.g. "49.5 % zeros not drawn", "2.0 % below -0.05, 1.0 % above 0.05 not
   * drawn" for linear bins; null when every value is in a drawn bin.
   */
  static String undrawn(SparseHistogram h) {
    Map<String, Long> byKind = new LinkedHashMap<>();
    int[] slots = h.slots();
    long[] counts = h.counts();
    for (int i = 0; i < slots.length; i++) {
      String kind = h.spec().slotKind(slots[i]);
      if (!kind.equals("bin")) {
        byKind.merge(kind, counts[i], Long::sum);
      }
    }
    if (byKind.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    byKind.forEach((kind, n) -> parts.add(percent(n, h.total()) + " " + switch (kind) {
      case "zero" -> "zeros";
      case "tiny" -> "below the bins";
      case "huge" -> "above the bins";
      // Linear bins of a stated range: the share beyond each end, as the figure cannot show it.
      case "underflow" -> "below " + edge(((LinearBins) h.spec()).lo());
      case "overflow" -> "above " + edge(((LinearBins) h.spec()).hi());
      default -> kind;
    }));
    return String.join(", ", parts) + " not drawn";
  }

  /** A linear range's end as written in a config: 1 not 1.0, -0.05. */
  private static String edge(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String percent(long part, long total) {
    double p = 100.0 * part / total;
    return (p >= 99.95 && part < total ? ">99.9" : p < 0.05 ? "<0.1"
        : String.format(java.util.Locale.ROOT, "%.1f", p)) + " %";
  }

  /** Why a configuration has no line: its seeds' statuses, or noValue when some are ok. */
  static String notDrawn(Configuration config, String noValue) {
    if (config.counts().ok() > 0) {
      return "not drawn: " + noValue;
    }
    return "not drawn: " + statuses(config.counts());
  }

  /**
   * For a line drawn from fewer seeds than the configuration has, which were left out
   * ("2 of 3 seeds ok, 1 diverged"); null when every seed is in it.
   */
  static String seedsLeftOut(Configuration config) {
    StatusCounts c = config.counts();
    return c.ok() == c.seeds() ? null : statuses(c);
  }

  private static String statuses(StatusCounts c) {
    List<String> parts = new ArrayList<>();
    parts.add(c.ok() + " of " + c.seeds() + " seeds ok");
    if (c.diverged() > 0) {
      parts.add(c.diverged() + " diverged");
    }
    if (c.failed() > 0) {
      parts.add(c.failed() + " failed");
    }
    return String.join(", ", parts);
  }

  /** The rows of one site per configuration, in configuration then layer order. */
  private static Map<Configuration, List<LayerRow>> byConfiguration(List<LayerRow> group,
      Site site) {
    TreeMap<Integer, Configuration> configs = new TreeMap<>();
    Map<Integer, TreeMap<Integer, LayerRow>> rows = new TreeMap<>();
    for (LayerRow row : group) {
      if (row.key().site().equals(site.key())) {
        configs.put(row.config().index(), row.config());
        rows.computeIfAbsent(row.config().index(), k -> new TreeMap<>())
            .put(row.key().layer(), row);
      }
    }
    Map<Configuration, List<LayerRow>> result = new LinkedHashMap<>();
    for (Map.Entry<Integer, Configuration> e : configs.entrySet()) {
      result.put(e.getValue(), new ArrayList<>(rows.get(e.getKey()).values()));
    }
    return result;
  }

  private static List<Path> histograms(List<LayerRow> group, String name, String title,
      Path folder, IfExists ifExists) throws IOException {
    List<Path> written = new ArrayList<>();
    for (Drawn d : DRAWN) {
      Site site = d.site();
      List<ConfigHistograms> figures = new ArrayList<>();
      for (Map.Entry<Configuration, List<LayerRow>> e : byConfiguration(group, site)
          .entrySet()) {
        ConfigHistograms h = ConfigHistograms.of(e.getKey(), e.getValue());
        if (h != null) { // else no seed with values here: the variance figure's legend says why
          figures.add(h);
        }
      }
      double[] shared =
          sharedLinearRange(figures.stream().map(ConfigHistograms::drawn).toList());
      for (ConfigHistograms h : figures) {
        Configuration config = h.config();
        boolean log = h.curves().values().iterator().next().logMagnitude();
        String quantity = log ? "log10 |" + d.symbol() + "|, " + d.singular()
            : d.singular() + " " + d.symbol();
        String heading = title + ": " + d.histogramSubject()
            + ", " + config.label() + " (" + h.seeds() + " seeds pooled)";
        // The figure grows to hold a long title beside its legend (LegendFit).
        HistogramFigure.Builder figure = HistogramFigure.builder(heading)
            .quantity(quantity)
            .yLabel(log ? "density per decade" : "density");
        for (Map.Entry<Integer, HistogramCurve> c : h.curves().entrySet()) {
          figure.layer(c.getKey(), c.getValue().x(), c.getValue().density(),
              h.notes().get(c.getKey()));
        }
        figure.onlyLayers(h.shown().stream().mapToInt(Integer::intValue).toArray());
        if (!log && shared != null) {
          figure.xRange(shared[0], shared[1]);
        }
        written.addAll(figure.build().write(folder, name + "-hist-" + site.key() + "-c"
            + config.index() + "-" + slug(config.label()), ifExists));
      }
    }
    return written;
  }

  /** One configuration's drawable histograms of a site: curves and legend notes by layer. */
  private record ConfigHistograms(Configuration config, Map<Integer, HistogramCurve> curves,
      Map<Integer, String> notes, List<Integer> shown, int seeds) {

    /** Null when no layer has a value to draw. */
    static ConfigHistograms of(Configuration config, List<LayerRow> rows) {
      Map<Integer, HistogramCurve> curves = new TreeMap<>();
      Map<Integer, String> notes = new TreeMap<>();
      for (LayerRow row : rows) {
        PooledRecord pooled = row.summary().pooled();
        if (pooled == null || pooled.histogram().total() == 0) {
          continue;
        }
        curves.put(row.key().layer(), HistogramCurve.of(pooled.histogram()));
        notes.put(row.key().layer(), undrawn(pooled.histogram()));
      }
      if (curves.isEmpty()) {
        return null;
      }
      List<Integer> shown = FigureLayers.evenlySpaced(new ArrayList<>(curves.keySet()),
          FigureLayers.DEFAULT_COUNT);
      return new ConfigHistograms(config, curves, notes, shown, seedsPooled(rows));
    }

    /** The curves of the layers shown. */
    List<HistogramCurve> drawn() {
      return shown.stream().map(curves::get).toList();
    }
  }

  /**
   * The x range the linear-binned figures of a site share within an experiment, so the
   * configurations compare at a glance as the two panels of Glorot and Bengio's Figs. 6–7 do:
   * from the smallest to the largest bin centre drawn in any of them; null when none is linear
   * or all draw a single point. Log-magnitude figures keep their own axes: their ranges may
   * differ by hundreds of decades.
   */
  static double[] sharedLinearRange(List<List<HistogramCurve>> figures) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (List<HistogramCurve> figure : figures) {
      for (HistogramCurve c : figure) {
        if (!c.logMagnitude()) {
          for (double x : c.x()) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
          }
        }
      }
    }
    return lo < hi ? new double[] {lo, hi} : null;
  }

  private static int seedsPooled(List<LayerRow> rows) {
    return rows.get(0).summary().nUsed();
  }

  /**
   * A file-name-safe form: runs of anything but letters, digits, '.', '_', '-' become '_'; at
   * most 64 characters, so a figure's name (sweep, experiment, step, site, index, label) stays
   * within the 255 bytes file systems allow.
   */
  static String slug(String text) {
    String s = text.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[_.]+|_+$", "");
    return s.length() > 64 ? s.substring(0, 64) : s.isEmpty() ? "x" : s;
  }
}
