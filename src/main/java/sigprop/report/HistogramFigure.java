package sigprop.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Per-layer distributions in the style of Glorot and Bengio (2010), Figs. 6–7: density against
 * value (bin centres), one line per layer, legend "layer 1", "layer 2", …, coloured from dark
 * (shallow) to light (deep) so depth reads at a glance.
 */
public final class HistogramFigure {
  static {
    Figures.headless();
  }

  /** The lightest viridis stop used: the last one is too pale on white. */
  private static final double LIGHTEST = 0.85;

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final YScale yScale;
  private final FigureSize size;
  private final List<Curve> layers;
  /** The x axis's ends, or null for XChart's fit to the curves. */
  private final double[] xRange;

  private HistogramFigure(String title, String xLabel, String yLabel, YScale yScale,
      FigureSize size, List<Curve> layers, double[] xRange) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.yScale = yScale;
    this.size = size;
    this.layers = List.copyOf(layers);
    this.xRange = xRange;
  }

  /** A builder for a figure with this title. */
  public static Builder builder(String title) {
    return new Builder(title);
  }

  /** Bin centres (lo + hi) / 2 from bin edges. */
  public static double[] centres(double[] binLo, double[] binHi) {
    if (binLo.length != binHi.length) {
      throw new IllegalArgumentException(
          binLo.length + " lower bin edges for " + binHi.length + " upper edges");
    }
    double[] centres = new double[binLo.length];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = binLo[i] / 2 + binHi[i] / 2;
    }
    return centres;
  }

  /** Writes {@code <name>.png} and {@code <name>.svg} into the folder; returns both paths. */
  public List<Path> write(Path folder, String name, IfExists ifExists) throws IOException {
    return Figures.write(chart(), folder, name, ifExists);
  }

  /** The chart, built afresh. */
  XYChart chart() {
    XYChart chart = Figures.newChart(fittedSize(), title, xLabel, yLabel, yScale);
    if (xRange != null) {
      chart.getStyler().setXAxisMin(xRange[0]);
      chart.getStyler().setXAxisMax(xRange[1]);
    }
    for (int i = 0; i < layers.size(); i++) {
      Curve curve = layers.get(i);
      double t = layers.size() == 1 ? 0 : LIGHTEST * i / (layers.size() - 1);
      double[] y = yScale.plotted(curve.y());
      XYSeries line = Figures.addLine(chart, curve.label(), curve.x(), y, Figures.sequential(t));
      if (Figures.hasIsolatedPoint(y)) { // one occupied bin: all values of a layer alike
        line.setMarker(SeriesMarkers.CIRCLE);
        line.setMarkerColor(Figures.sequential(t));
      }
    }
    Figures.finish(chart);
    return chart;
  }

  /**
   * The size asked for, grown to hold the legend and the title ({@link LegendFit}): a layer's
   * label carries what is not drawn ("0.3 % below -0.0005, <0.1 % above 0.0005 not drawn").
   */
  FigureSize fittedSize() {
    return LegendFit.fit(size, title, layers.stream().map(Curve::label).toList());
  }

  @Override
  public String toString() {
    return "HistogramFigure[" + title + ", " + layers.size() + " layers, " + yScale + ", " + size
        + "]";
  }

  /** Collects one histogram per layer and the layers to show. */
  public static final class Builder {
    private final String title;
    private String quantity = "value";
    private BinScale binScale = BinScale.VALUE;
    private String yLabel = "density";
    private YScale yScale = YScale.LINEAR;
    private FigureSize size = FigureSize.DEFAULT;
    private final TreeMap<Integer, Curve> histograms = new TreeMap<>();
    private Set<Integer> shown;
    private double[] xRange;

    private Builder(String title) {
      this.title = Objects.requireNonNull(title, "title");
    }

    /** What the values are, with units, for the x-axis label; default "value". */
    public Builder quantity(String quantity) {
      this.quantity = Objects.requireNonNull(quantity, "quantity");
      return this;
    }

    /** What the bin centres are; {@link BinScale#SIGNED_LOG10_MAGNITUDE} relabels the x axis. */
    public Builder binScale(BinScale binScale) {
      this.binScale = Objects.requireNonNull(binScale, "binScale");
      return this;
    }

    /** The y-axis label; default "density". */
    public Builder yLabel(String label) {
      this.yLabel = Objects.requireNonNull(label, "label");
      return this;
    }

    /** How densities map to the axis; {@link YScale#LOG_AXIS} shows the tails. */
    public Builder yScale(YScale scale) {
      this.yScale = Objects.requireNonNull(scale, "scale");
      return this;
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

    /** Adds one layer's histogram: density at each bin centre. */
    public Builder layer(int layer, double[] binCentres, double[] density) {
      return layer(layer, binCentres, density, (String) null);
    }

    /**
     * Adds one layer's histogram with a note for its legend entry ("layer 3 (40 % zeros, not
     * drawn)"), null for none; a layer with no bin centres is a legend entry only.
     */
    public Builder layer(int layer, double[] binCentres, double[] density, String note) {
      String label = "layer " + layer + (note == null ? "" : " (" + note + ")");
      Curve curve = binCentres.length == 0
          ? Curve.of(label, new double[] {0}, new double[] {Double.NaN})
          : Curve.of(label, binCentres, density);
      if (histograms.putIfAbsent(layer, curve) != null) {
        throw new IllegalArgumentException("layer " + layer + " given twice");
      }
      return this;
    }

    /** Adds one layer's histogram from its bin edges. */
    public Builder layer(int layer, double[] binLo, double[] binHi, double[] density) {
      return layer(layer, centres(binLo, binHi), density);
    }

    /**
     * The x axis from lo to hi (default: fitted to the curves), so figures to be compared side by
     * side share their axis.
     */
    public Builder xRange(double lo, double hi) {
      if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
        throw new IllegalArgumentException("x range needs finite lo < hi, got [" + lo + ", " + hi
            + "]");
      }
      this.xRange = new double[] {lo, hi};
      return this;
    }

    /** Shows only these layers (default: every layer given), in increasing order. */
    public Builder onlyLayers(int... layers) {
      this.shown = Arrays.stream(layers).boxed().collect(Collectors.toCollection(TreeSet::new));
      return this;
    }

    /** The figure; throws if a chosen layer has no histogram or nothing would be drawn. */
    public HistogramFigure build() {
      Set<Integer> chosen = shown == null ? histograms.keySet() : shown;
      List<Integer> absent = new ArrayList<>(chosen);
      absent.removeAll(histograms.keySet());
      if (!absent.isEmpty()) {
        throw new IllegalStateException("figure '" + title + "': no histogram for layers "
            + absent + "; layers given are " + histograms.keySet());
      }
      if (chosen.isEmpty()) {
        throw new IllegalStateException("figure '" + title + "' has no layers to show");
      }
      List<Curve> curves = new ArrayList<>();
      chosen.forEach(layer -> curves.add(histograms.get(layer)));
      return new HistogramFigure(
          title, binScale.label(quantity), yLabel, yScale, size, curves, xRange);
    }
  }
}
