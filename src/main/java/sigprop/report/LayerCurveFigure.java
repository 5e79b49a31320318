package sigprop.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A value against layer: one solid line per series (e.g. "xavier_normal / batch norm"), each with
 * an optional shaded band, plus dashed theory lines, each in the colour (and marker) of the series
 * it predicts or in black. Past seven series the colours repeat with a marker per round. Also
 * serves fractions against layer (saturation) through {@link Builder#fraction()}.
 */
public final class LayerCurveFigure {
  static {
    Figures.headless();
  }

  /** Series drawn in colours of their own; later ones repeat a colour with a marker. */
  public static final int COLOURS = Figures.colours();
  /** The legend entry that stands for every theory line drawn in its series' colour. */
  static final String THEORY_KEY = "dashed: theory, in its series' colour";
  /** At most about this many points a theory line, so that its dashes show. */
  static final int THEORY_POINTS = 60;
  /** At most about this many markers a line, where markers tell colour rounds apart. */
  static final int MARKED_POINTS = 25;

  private static final BasicStroke[] UNMATCHED_DASHES = {
    SeriesLines.DASH_DASH, SeriesLines.DOT_DOT, SeriesLines.DASH_DOT,
  };

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final YScale yScale;
  private final Double yMin;
  private final Double yMax;
  private final FigureSize size;
  private final List<Curve> series;
  private final List<Curve> theory;
  /** Per theory curve, the label of the series whose colour it takes, or null. */
  private final List<String> theoryMatches;

  private LayerCurveFigure(Builder b) {
    this.title = b.title;
    this.xLabel = b.xLabel;
    this.yLabel = b.yLabel;
    this.yScale = b.yScale;
    this.yMin = b.yMin;
    this.yMax = b.yMax;
    this.size = b.size;
    this.series = List.copyOf(b.series);
    this.theory = List.copyOf(b.theory);
    this.theoryMatches = new ArrayList<>(b.theoryMatches);
  }

  /** A builder for a figure with this title. */
  public static Builder builder(String title) {
    return new Builder(title);
  }

  /** Writes {@code <name>.png} and {@code <name>.svg} into the folder; returns both paths. */
  public List<Path> write(Path folder, String name, IfExists ifExists) throws IOException {
    return Figures.write(chart(), folder, name, ifExists);
  }

  /** The chart, built afresh (XChart charts are mutable; this figure is not). */
  XYChart chart() {
    XYChart chart = Figures.newChart(fittedSize(), title, xLabel, yLabel, yScale);
    if (yMin != null) {
      chart.getStyler().setYAxisMin(yMin);
      chart.getStyler().setYAxisMax(yMax);
    }
    if (allIntegral()) {
      chart.getStyler().setXAxisDecimalPattern("0");
    }
    double floor = positiveFloor();
    for (int i = 0; i < series.size(); i++) {
      Curve curve = series.get(i);
      if (curve.hasBand()) {
        Figures.addBand(chart, curve.label(), curve.x(), plottedEdge(curve.lo(), floor),
            plottedEdge(curve.hi(), floor), Figures.qualitative(i));
      }
    }
    for (int i = 0; i < series.size(); i++) {
      Curve curve = series.get(i);
      double[] y = yScale.plotted(curve.y());
      XYSeries line = Figures.addLine(chart, curve.label(), curve.x(), y, Figures.qualitative(i));
      if (Figures.qualitativeMarker(i) == SeriesMarkers.NONE || y.length <= MARKED_POINTS) {
        mark(line, i);
      } else {
        markSparsely(chart, line, curve.x(), y, i);
      }
    }
    int unmatched = 0;
    for (int i = 0; i < theory.size(); i++) {
      Curve curve = theory.get(i);
      String match = theoryMatches.get(i);
      Color color = match == null ? Color.BLACK : Figures.qualitative(seriesIndex(match));
      BasicStroke dashes = match == null
          ? UNMATCHED_DASHES[unmatched++ % UNMATCHED_DASHES.length] : SeriesLines.DASH_DASH;
      double[][] thin = thinned(curve.x(), yScale.plotted(curve.y()), THEORY_POINTS);
      XYSeries line = Figures.addLine(chart, curve.label(), thin[0], thin[1], color);
      line.setLineStyle(dashes);
      line.setLineWidth(1.5f);
      if (match != null) {
        mark(line, seriesIndex(match));
        // One key entry below says what the dashes are; an entry per line doubled the legend.
        line.setShowInLegend(false);
      }
    }
    addTheoryKey(chart);
    Figures.finish(chart);
    return chart;
  }

  /**
   * Every k-th point of a smooth curve, k chosen for at most about {@code most} points, keeping
   * the last one and every point at or next to a gap (NaN), so breaks stay where they are. A
   * dashed line through 500 layers is 500 segments too short to show a dash: it looked solid,
   * like the measured line beside it.
   */
  static double[][] thinned(double[] x, double[] y, int most) {
    int k = Math.max(1, (x.length + most - 1) / most);
    if (k == 1) {
      return new double[][] {x, y};
    }
    List<double[]> kept = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      boolean nearGap = !Double.isFinite(y[i]) || i > 0 && !Double.isFinite(y[i - 1])
          || i + 1 < x.length && !Double.isFinite(y[i + 1]);
      if (i % k == 0 || i == x.length - 1 || nearGap) {
        kept.add(new double[] {x[i], y[i]});
      }
    }
    double[][] out = new double[2][kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      out[0][i] = kept.get(i)[0];
      out[1][i] = kept.get(i)[1];
    }
    return out;
  }

  /** The legend's one entry for all theory lines drawn in their series' colours, if any. */
  private void addTheoryKey(XYChart chart) {
    for (int i = 0; i < theory.size(); i++) {
      if (theoryMatches.get(i) == null) {
        continue;
      }
      double[] x = theory.get(i).x();
      double[] y = yScale.plotted(theory.get(i).y());
      for (int j = 0; j < x.length; j++) {
        if (Double.isFinite(y[j])) {
          // A single point of a line already drawn: it shows in the legend and nowhere else.
          XYSeries key = Figures.addLine(chart, THEORY_KEY, new double[] {x[j]},
              new double[] {y[j]}, Color.DARK_GRAY);
          key.setLineStyle(SeriesLines.DASH_DASH);
          key.setLineWidth(1.5f);
          return;
        }
      }
    }
  }

  /** The legend's entries, in order. */
  private List<String> legendLabels() {
    List<String> labels = new ArrayList<>();
    series.forEach(c -> labels.add(c.label()));
    boolean matched = false;
    for (int i = 0; i < theory.size(); i++) {
      if (theoryMatches.get(i) == null) {
        labels.add(theory.get(i).label());
      } else {
        matched = true;
      }
    }
    if (matched) {
      labels.add(THEORY_KEY);
    }
    return labels;
  }

  /** The size asked for, grown to hold the outside legend and the title ({@link LegendFit}). */
  FigureSize fittedSize() {
    return LegendFit.fit(size, title, legendLabels());
  }


  /**
   * Gives a line the marker of the i-th series, in its colour; a plain circle where that is none
   * but the line has a point with no finite neighbour, which a line alone would not draw (a
   * layer between two gaps of --layers 1,6,10).
   */
  /**
   * The marker of a later colour round on about {@link #MARKED_POINTS} of a long line's points,
   * not on every one (at 500 layers they merged into a thick smear): the line without markers,
   * the markers as a series of their own, and a legend entry that shows both.
   */
  private static void markSparsely(XYChart chart, XYSeries line, double[] x, double[] y, int i) {
    line.setMarker(SeriesMarkers.NONE);
    line.setShowInLegend(false);
    double[][] thin = thinned(x, y, MARKED_POINTS);
    XYSeries dots = chart.addSeries(line.getName() + " (markers)", thin[0], thin[1]);
    dots.setLineStyle(SeriesLines.NONE);
    dots.setMarker(Figures.qualitativeMarker(i));
    dots.setMarkerColor(Figures.qualitative(i));
    dots.setShowInLegend(false);
    // The name with a trailing space, unseen in the legend: the line keeps the plain name.
    XYSeries key = Figures.addLine(chart, line.getName() + " ", new double[] {x[0]},
        new double[] {Double.NaN}, Figures.qualitative(i));
    key.setMarker(Figures.qualitativeMarker(i));
    key.setMarkerColor(Figures.qualitative(i));
  }

  private static void mark(XYSeries line, int i) {
    boolean isolated = Figures.hasIsolatedPoint(line.getYData());
    line.setMarker(isolated && Figures.qualitativeMarker(i) == SeriesMarkers.NONE
        ? SeriesMarkers.CIRCLE : Figures.qualitativeMarker(i));
    line.setMarkerColor(Figures.qualitative(i));
  }

  /**
   * A band edge ready to plot. On scales without a form for values ≤ 0, an edge at or below zero
   * (mean − sd often is) is raised to the smallest positive value in the figure, so the band runs
   * to the bottom of the plot instead of vanishing.
   */
  private double[] plottedEdge(double[] edge, double floor) {
    double[] raised = edge.clone();
    if (yScale.positiveOnly()) {
      for (int i = 0; i < raised.length; i++) {
        if (raised[i] <= 0) {
          raised[i] = floor;
        }
      }
    }
    return yScale.plotted(raised);
  }

  private double positiveFloor() {
    double floor = Double.NaN;
    for (Curve curve : allCurves()) {
      floor = minPositive(floor, curve.y());
      if (curve.hasBand()) {
        floor = minPositive(floor, curve.lo());
        floor = minPositive(floor, curve.hi());
      }
    }
    return floor;
  }

  private static double minPositive(double floor, double[] values) {
    double min = floor;
    for (double v : values) {
      if (v > 0 && Double.isFinite(v) && !(v >= min)) {
        min = v;
      }
    }
    return min;
  }

  private boolean allIntegral() {
    for (Curve curve : allCurves()) {
      for (double x : curve.x()) {
        if (x != Math.rint(x)) {
          return false;
        }
      }
    }
    return true;
  }

  private List<Curve> allCurves() {
    List<Curve> all = new ArrayList<>(series);
    all.addAll(theory);
    return all;
  }

  private int seriesIndex(String label) {
    for (int i = 0; i < series.size(); i++) {
      if (series.get(i).label().equals(label)) {
        return i;
      }
    }
    throw new AssertionError(label);
  }

  /** The measured series, in legend order. */
  public List<Curve> series() {
    return series;
  }

  /** The title. */
  public String title() {
    return title;
  }

  /** The y-axis label as given. */
  public String yLabel() {
    return yLabel;
  }

  @Override
  public String toString() {
    return "LayerCurveFigure[" + title + ", " + series.size() + " series, " + theory.size()
        + " theory, " + yScale + ", " + size + "]";
  }

  /** Collects the figure's curves and axes; {@link #build()} checks they fit together. */
  public static final class Builder {
    private final String title;
    private String xLabel = "layer";
    private String yLabel = "value";
    private YScale yScale = YScale.LINEAR;
    private Double yMin;
    private Double yMax;
    private FigureSize size = FigureSize.DEFAULT;
    private final List<Curve> series = new ArrayList<>();
    private final List<Curve> theory = new ArrayList<>();
    private final List<String> theoryMatches = new ArrayList<>();

    private Builder(String title) {
      this.title = Objects.requireNonNull(title, "title");
    }

    /** The x-axis label with units; default "layer". */
    public Builder xLabel(String label) {
      this.xLabel = Objects.requireNonNull(label, "label");
      return this;
    }

    /** The y-axis label with units; the log10 scales prefix "log10 ". */
    public Builder yLabel(String label) {
      this.yLabel = Objects.requireNonNull(label, "label");
      return this;
    }

    /** How y values map to the axis; default {@link YScale#LINEAR}. */
    public Builder yScale(YScale scale) {
      this.yScale = Objects.requireNonNull(scale, "scale");
      return this;
    }

    /** A fixed y range (in plotted units) instead of one fitted to the data. */
    public Builder yRange(double min, double max) {
      if (!(min < max) || !Double.isFinite(min) || !Double.isFinite(max)) {
        throw new IllegalArgumentException("y range needs finite min < max, got " + min + ".."
            + max);
      }
      this.yMin = min;
      this.yMax = max;
      return this;
    }

    /** A fraction in [0, 1] (e.g. saturated units) on a linear axis. */
    public Builder fraction() {
      return yScale(YScale.LINEAR).yRange(0, 1);
    }

    /** The image size; default {@link FigureSize#DEFAULT}. */
    public Builder size(FigureSize size) {
      this.size = Objects.requireNonNull(size, "size");
      return this;
    }

    /** The image size in pixels. */
    public Builder size(int width, int height) {
      return size(new FigureSize(width, height));
    }

    /** Adds a measured series: a solid line in the next colour, with its band if it has one. */
    public Builder series(Curve curve) {
      series.add(Objects.requireNonNull(curve, "curve"));
      return this;
    }

    /** Adds a theory line, dashed black (then dotted, dash-dotted) with its own legend entry. */
    public Builder theory(Curve curve) {
      theory.add(Objects.requireNonNull(curve, "curve"));
      theoryMatches.add(null);
      return this;
    }

    /** Adds a theory line dashed in the colour of the series it predicts. */
    public Builder theory(Curve curve, String seriesLabel) {
      theory.add(Objects.requireNonNull(curve, "curve"));
      theoryMatches.add(Objects.requireNonNull(seriesLabel, "seriesLabel"));
      return this;
    }

    /** The figure; throws if labels repeat, a theory line names no series, or nothing is drawn. */
    public LayerCurveFigure build() {
      if (series.isEmpty() && theory.isEmpty()) {
        throw new IllegalStateException("figure '" + title + "' has no curves");
      }
      Set<String> labels = new HashSet<>();
      Set<String> seriesLabels = new HashSet<>();
      for (Curve curve : series) {
        seriesLabels.add(curve.label());
      }
      List<Curve> all = new ArrayList<>(series);
      all.addAll(theory);
      for (Curve curve : all) {
        if (!labels.add(curve.label())) {
          throw new IllegalStateException(
              "figure '" + title + "': legend label '" + curve.label() + "' appears twice");
        }
      }
      for (String match : theoryMatches) {
        if (match != null && !seriesLabels.contains(match)) {
          throw new IllegalStateException("figure '" + title + "': theory line for series '"
              + match + "', but the series are " + seriesLabels);
        }
      }
      if (yMin != null && yScale.logAxis() && yMin <= 0) {
        throw new IllegalStateException(
            "figure '" + title + "': a log axis needs y min > 0, got " + yMin);
      }
      return new LayerCurveFigure(this);
    }
  }
}
