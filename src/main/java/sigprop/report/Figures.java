package sigprop.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** What every figure shares: headless AWT, colours, chart style, and PNG + SVG output. */
final class Figures {
  static {
    // Must run before any AWT class loads: libawt picks its headless variant once, on load.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /**
   * Okabe–Ito, distinguishable under the common colour-vision deficiencies; without its black,
   * which marks theory lines that predict no one series, and with its yellow (F0E442), of which a
   * thin line all but vanished on white, replaced by an olive (999933, from Paul Tol's muted set).
   */
  private static final Color[] QUALITATIVE = {
    new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
    new Color(0xE69F00), new Color(0x56B4E9), new Color(0x999933),
  };

  /** Viridis at nine even stops, interpolated between: dark = shallow, yellow = deep. */
  private static final Color[] SEQUENTIAL = {
    new Color(0x440154), new Color(0x472D7B), new Color(0x3B528B), new Color(0x2C728E),
    new Color(0x21918C), new Color(0x28AE80), new Color(0x5EC962), new Color(0xADDC30),
    new Color(0xFDE725),
  };

  /** The widest log-axis span (max / min, so twelve decades) that keeps its horizontal grid. */
  private static final double MAX_GRIDDED_RATIO = 1e12;

  private Figures() {}

  /** Loads this class, so AWT starts headless; call first in every figure's static init. */
  static void headless() {}

  /**
   * Markers that tell apart series sharing a colour: none for the first round of colours, then
   * one shape per further round.
   */
  private static final Marker[] ROUND_MARKERS = {
    SeriesMarkers.NONE, SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
    SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS,
  };

  /** How many qualitative colours there are before they repeat. */
  static int colours() {
    return QUALITATIVE.length;
  }

  /** The i-th qualitative colour, cycling; {@link #qualitativeMarker} tells the rounds apart. */
  static Color qualitative(int i) {
    return QUALITATIVE[Math.floorMod(i, QUALITATIVE.length)];
  }

  /**
   * The marker of the i-th qualitative series: none while the colours last, so the usual figure
   * is plain lines, then a shape per round of colours, so no two of 49 series look alike.
   */
  static Marker qualitativeMarker(int i) {
    int round = Math.floorDiv(i, QUALITATIVE.length);
    return ROUND_MARKERS[Math.floorMod(round, ROUND_MARKERS.length)];
  }

  /** The sequential colour at t in [0, 1]. */
  static Color sequential(double t) {
    double position = Math.max(0, Math.min(1, t)) * (SEQUENTIAL.length - 1);
    int low = (int) Math.floor(position);
    int high = Math.min(low + 1, SEQUENTIAL.length - 1);
    double f = position - low;
    Color a = SEQUENTIAL[low];
    Color b = SEQUENTIAL[high];
    return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
        mix(a.getBlue(), b.getBlue(), f));
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }

  /** The colour with this opacity (0..255). */
  static Color translucent(Color color, int alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
  }

  /** An empty line chart in the house style: white, boxed, outside legend, no markers. */
  static XYChart newChart(
      FigureSize size, String title, String xLabel, String yLabel, YScale yScale) {
    XYChart chart = new XYChart(size.width(), size.height());
    chart.setTitle(title);
    chart.setXAxisTitle(xLabel);
    chart.setYAxisTitle(yScale.label(yLabel));
    XYStyler styler = chart.getStyler();
    // Tick labels use '.' whatever the JVM's default locale, like the CSV beside the figure.
    styler.setLocale(Locale.ROOT);
    styler.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderVisible(true);
    styler.setPlotBorderColor(Color.DARK_GRAY);
    styler.setPlotGridLinesColor(new Color(0xE6E6E6));
    styler.setPlotGridLinesStroke(new BasicStroke(1f));
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setLegendBorderColor(Color.WHITE);
    // Series carry no marker unless they share their colour (qualitativeMarker).
    styler.setMarkerSize(5);
    styler.setYAxisLogarithmic(yScale.logAxis());
    // Tick labels at powers of ten only; finish() drops the grid where decades crowd it.
    styler.setYAxisLogarithmicDecadeOnly(true);
    return chart;
  }

  /** Whether some finite value has no finite value next to it: a line alone would not draw it. */
  static boolean hasIsolatedPoint(double[] y) {
    for (int i = 0; i < y.length; i++) {
      if (Double.isFinite(y[i]) && (i == 0 || !Double.isFinite(y[i - 1]))
          && (i == y.length - 1 || !Double.isFinite(y[i + 1]))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds a solid line with no markers and returns it for further styling. The style is set, not
   * left to XChart, whose default cycle dashes the fifth series on.
   */
  static XYSeries addLine(XYChart chart, String label, double[] x, double[] y, Color color) {
    XYSeries series = chart.addSeries(label, x, y);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineStyle(SeriesLines.SOLID);
    series.setLineColor(color);
    series.setLineWidth(2f);
    return series;
  }

  /**
   * Adds a filled band between lo and hi, one polygon per run of points where both edges are
   * finite (a polygon across a gap would draw a false band), hidden from the legend.
   */
  static void addBand(XYChart chart, String label, double[] x, double[] lo, double[] hi,
      Color color) {
    int start = 0;
    int polygon = 0;
    while (start < x.length) {
      while (start < x.length && !(Double.isFinite(lo[start]) && Double.isFinite(hi[start]))) {
        start++;
      }
      int end = start;
      while (end < x.length && Double.isFinite(lo[end]) && Double.isFinite(hi[end])) {
        end++;
      }
      if (end > start) {
        int n = end - start;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
          px[i] = x[start + i];
          py[i] = hi[start + i];
          px[2 * n - 1 - i] = x[start + i];
          py[2 * n - 1 - i] = lo[start + i];
        }
        XYSeries band = chart.addSeries(label + " band " + polygon++, px, py);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setMarker(SeriesMarkers.NONE);
        band.setFillColor(translucent(color, 60));
        band.setLineColor(translucent(color, 0));
        band.setShowInLegend(false);
      }
      start = end;
    }
  }

  /**
   * Last touches once all series are added. Gives both axes round-number ticks: XChart puts an
   * axis's ticks only at data values when those are evenly spaced, as layers and bin centres are
   * (ticks at 1, 5, 9, … or -0.86, -0.72, …); one extra point off both grids, inside the data
   * range, invisible and outside the legend, restores its usual tick choice. Drops the horizontal
   * grid of a log axis too tall for it, and gives a figure with no finite value a plain range.
   */
  static void finish(XYChart chart) {
    double[] x = range(chart, true);
    double[] y = range(chart, false);
    if (chart.getStyler().isYAxisLogarithmic() && y[1] / y[0] > MAX_GRIDDED_RATIO) {
      // XChart draws nine grid lines a decade; past a dozen decades they merge into grey bands.
      chart.getStyler().setPlotGridHorizontalLinesVisible(false);
    }
    if (Double.isNaN(y[0]) && chart.getStyler().getYAxisMin() == null) {
      // Nothing finite to plot (every seed diverged, say): a plain empty axis, not ±1.8E308.
      boolean log = chart.getStyler().isYAxisLogarithmic();
      chart.getStyler().setYAxisMin(log ? 0.1 : 0.0);
      chart.getStyler().setYAxisMax(log ? 10.0 : 1.0);
    }
    if (Double.isNaN(x[0]) || Double.isNaN(y[0])) {
      return;
    }
    XYStyler styler = chart.getStyler();
    if (styler.getXAxisDecimalPattern() == null) {
      styler.setXAxisDecimalPattern(tickPattern(axisSpan(x, styler.getXAxisMin(),
          styler.getXAxisMax())));
    }
    if (styler.getYAxisDecimalPattern() == null && !styler.isYAxisLogarithmic()) {
      styler.setYAxisDecimalPattern(tickPattern(axisSpan(y, styler.getYAxisMin(),
          styler.getYAxisMax())));
    }
    double offGridX = x[0] + (x[1] - x[0]) * 0x1p-10;
    double offGridY = chart.getStyler().isYAxisLogarithmic()
        ? Math.pow(10, Math.log10(y[0]) + (Math.log10(y[1]) - Math.log10(y[0])) * 0x1p-10)
        : y[0] + (y[1] - y[0]) * 0x1p-10;
    XYSeries hidden = chart.addSeries(
        "__sigprop_tick_anchor__", new double[] {offGridX}, new double[] {offGridY});
    hidden.setMarker(SeriesMarkers.NONE);
    hidden.setShowInLegend(false);
    hidden.setLineColor(translucent(Color.WHITE, 0));
  }

  /**
   * The chart as SVG with its title in a {@code <title>} element. XChart draws every letter as a
   * filled outline, so without this the SVG holds no text: no search, no accessible name.
   */
  static byte[] svgWithTitle(XYChart chart) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    VectorGraphicsEncoder.saveVectorGraphic(
        chart, bytes, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    String svg = bytes.toString(StandardCharsets.UTF_8);
    int root = svg.indexOf("<svg");
    int rootEnd = root < 0 ? -1 : svg.indexOf('>', root);
    if (rootEnd < 0 || svg.charAt(rootEnd - 1) == '/') {
      throw new IOException("XChart wrote SVG without an open <svg> element");
    }
    String title = "\n  <title>" + escapeXml(chart.getTitle()) + "</title>";
    return (svg.substring(0, rootEnd + 1) + title + svg.substring(rootEnd + 1))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String escapeXml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** The span of an axis: its set ends where given, else its data's. */
  private static double axisSpan(double[] data, Double min, Double max) {
    return (max == null ? data[1] : max) - (min == null ? data[0] : min);
  }

  /**
   * The tick-label pattern of a linear axis of this span, or null for XChart's own. XChart picks
   * a pattern per label from the label's and the span's powers of ten, and where the span is
   * below 1 its pattern for a positive label has no integer digit: ticks read -0.0004, -0.0002,
   * 0, .0002, .0004. Spans from 1e-4 to 1 get "0." and enough optional decimals for ticks a
   * fiftieth of the span apart; others keep XChart's (plain numbers, or powers of ten below
   * 1e-4 and above 1e4).
   */
  static String tickPattern(double span) {
    if (!(span > 0) || !Double.isFinite(span)) {
      return null;
    }
    int exponent = (int) Math.floor(Math.log10(span));
    if (exponent >= 0 || exponent < -4) {
      return null;
    }
    return "0." + "#".repeat(2 - exponent);
  }

  /** {min, max} of the finite x or y data of all series; NaNs if there are none. */
  private static double[] range(XYChart chart, boolean xData) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (XYSeries series : chart.getSeriesMap().values()) {
      for (double v : xData ? series.getXData() : series.getYData()) {
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    return min <= max ? new double[] {min, max} : new double[] {Double.NaN, Double.NaN};
  }

  /** Writes {@code <name>.png} and {@code <name>.svg} into the folder; returns both paths. */
  static List<Path> write(XYChart chart, Path folder, String name, IfExists ifExists)
      throws IOException {
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new IllegalArgumentException(
          "figure name must be a plain file name without extension, got '" + name + "'");
    }
    Path png = folder.resolve(name + ".png");
    Path svg = folder.resolve(name + ".svg");
    // Check both first, so a refusal never leaves a new PNG beside an old SVG.
    for (Path file : List.of(png, svg)) {
      if (ifExists == IfExists.FAIL && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileAlreadyExistsException(file.toAbsolutePath().toString(), null,
            "refusing to overwrite; pass IfExists.REPLACE to replace it");
      }
    }
    List<Path> written = new ArrayList<>();
    written.add(AtomicFiles.write(png, ifExists,
        out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG)));
    byte[] svgBytes = svgWithTitle(chart);
    written.add(AtomicFiles.write(svg, ifExists, out -> out.write(svgBytes)));
    return List.copyOf(written);
  }
}
