package sigprop.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Format;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.w3c.dom.Document;

class FigureTest {
  private static final int LAYERS = 60;

  @TempDir Path folder;

  private static long[] layers() {
    long[] layers = new long[LAYERS];
    for (int i = 0; i < LAYERS; i++) {
      layers[i] = i + 1;
    }
    return layers;
  }

  /** Variance halving per layer, mean ± one "sd" band that dips below zero early on. */
  private static Curve decaying(String label) {
    double[] y = new double[LAYERS];
    double[] lo = new double[LAYERS];
    double[] hi = new double[LAYERS];
    for (int i = 0; i < LAYERS; i++) {
      y[i] = Math.pow(0.5, i);
      lo[i] = y[i] - (i < 3 ? 2 : 0.3 * y[i]);
      hi[i] = y[i] * 1.3;
    }
    return Curve.of(label, layers(), y).withBand(lo, hi);
  }

  private static Curve flat(String label, double value) {
    double[] y = new double[LAYERS];
    java.util.Arrays.fill(y, value);
    y[LAYERS / 2] = Double.NaN;
    return Curve.of(label, layers(), y);
  }

  private static void assertPng(Path png, int width, int height) throws IOException {
    assertTrue(Files.size(png) > 1000, png + " is " + Files.size(png) + " bytes");
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(width, image.getWidth());
    assertEquals(height, image.getHeight());
  }

  private static void assertSvg(Path svg, String title) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    // The SVG names the W3C DTD; a test must not try to fetch it.
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setNamespaceAware(true);
    Document document = factory.newDocumentBuilder().parse(svg.toFile());
    assertEquals("svg", document.getDocumentElement().getLocalName());
    assertEquals(title, document.getElementsByTagName("title").item(0).getTextContent());
    assertTrue(document.getElementsByTagName("path").getLength() > 10, "drawn shapes");
  }

  private static int pixelsOfColour(Path png, int rgb) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    int count = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          count++;
        }
      }
    }
    return count;
  }

  @Test
  void layerCurvesWritePngOfTheRequestedSizeAndSvgWithTheTitle() throws Exception {
    String title = "Output variance vs layer <tanh & width 256>";
    LayerCurveFigure figure = LayerCurveFigure.builder(title)
        .yLabel("variance of layer output").yScale(YScale.LOG_AXIS).size(800, 400)
        .series(decaying("normal / none"))
        .series(flat("xavier_normal / batch norm", 1.0))
        .theory(Curve.of("theory: normal", layers(), decaying("t").y()), "normal / none")
        .theory(flat("theory: fixed point", 1e-3))
        .build();
    List<Path> written = figure.write(folder, "variance", IfExists.FAIL);
    assertEquals(List.of(folder.resolve("variance.png"), folder.resolve("variance.svg")), written);
    assertPng(written.get(0), 800, 400);
    assertSvg(written.get(1), title);
    assertTrue(pixelsOfColour(written.get(0), 0x0072B2) > 100, "first series drawn in blue");
    assertTrue(pixelsOfColour(written.get(0), 0xD55E00) > 100, "second series drawn in orange");
  }

  @Test
  void everySeriesIsSolidAndSeriesSharingAColourDifferByMarker() {
    LayerCurveFigure.Builder b = LayerCurveFigure.builder("nine").yScale(YScale.LOG_AXIS);
    for (int i = 0; i < 9; i++) {
      b.series(flat("config " + i, 1.0 + i));
    }
    XYChart chart = b.theory(flat("theory 7", 9.5), "config 7").build().chart();
    Set<String> looks = new HashSet<>();
    for (int i = 0; i < 9; i++) {
      XYSeries s = chart.getSeriesMap().get("config " + i);
      assertEquals(SeriesLines.SOLID, s.getLineStyle(), "config " + i + " solid");
      // A long line of a later colour round: its legend entry (the name and a space) shows the
      // marker, which the line carries on a thinned series of its own.
      XYSeries key = chart.getSeriesMap().getOrDefault("config " + i + " ", s);
      looks.add(key.getLineColor() + " " + key.getMarker().getClass().getSimpleName());
    }
    assertEquals(9, looks.size(), "nine series, nine looks: " + looks);
    XYSeries zero = chart.getSeriesMap().get("config 0");
    XYSeries seven = chart.getSeriesMap().get("config 7");
    assertEquals(zero.getLineColor(), seven.getLineColor(), "colours repeat after seven");
    assertEquals(SeriesMarkers.NONE, zero.getMarker());
    int points = seven.getXData().length;
    XYSeries dots = chart.getSeriesMap().get("config 7 (markers)");
    if (points > LayerCurveFigure.MARKED_POINTS) {
      assertEquals(SeriesMarkers.NONE, seven.getMarker(), "no marker at every point");
      assertEquals(SeriesMarkers.CIRCLE, dots.getMarker());
      assertTrue(dots.getXData().length <= LayerCurveFigure.MARKED_POINTS + 3);
      assertEquals(SeriesMarkers.CIRCLE, chart.getSeriesMap().get("config 7 ").getMarker());
    } else {
      assertEquals(SeriesMarkers.CIRCLE, seven.getMarker());
    }
    XYSeries theory = chart.getSeriesMap().get("theory 7");
    assertEquals(SeriesLines.DASH_DASH, theory.getLineStyle());
    assertEquals(seven.getLineColor(), theory.getLineColor());
    assertEquals(SeriesMarkers.CIRCLE, theory.getMarker(), "theory carries its series' marker");
  }

  @Test
  void matchedTheoryLinesShareOneLegendEntryAndTheFigureGrowsForItsLegend() throws Exception {
    LayerCurveFigure.Builder b = LayerCurveFigure.builder("many").yScale(YScale.LOG_AXIS)
        .size(1000, 560);
    String longLabel = "depth=8 widths=[50 30 20 20 10 10 10 10] norm=batch"
        + " init=kaiming_normal(mode=fan_in nonlinearity=relu slope=0.01) #";
    for (int i = 0; i < 24; i++) {
      b.series(flat(longLabel + i, 1.0 + i));
      b.theory(flat(longLabel + i + " (theory)", 1.5 + i), longLabel + i);
    }
    b.theory(flat("fixed point", 3));
    LayerCurveFigure figure = b.build();
    XYChart chart = figure.chart();
    List<String> legend = chart.getSeriesMap().values().stream()
        .filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList();
    assertEquals(26, legend.size(), "24 series, the unmatched theory line, one key: " + legend);
    assertEquals(LayerCurveFigure.THEORY_KEY, legend.get(legend.size() - 1));
    assertEquals(SeriesLines.DASH_DASH,
        chart.getSeriesMap().get(LayerCurveFigure.THEORY_KEY).getLineStyle());
    FigureSize fitted = figure.fittedSize();
    assertTrue(fitted.width() > 1000 && fitted.height() > 560, fitted.toString());
    assertPng(figure.write(folder, "many", IfExists.FAIL).get(0), fitted.width(),
        fitted.height());
    FigureSize small = LayerCurveFigure.builder("few").size(1000, 560)
        .series(flat("depth=4", 1)).theory(flat("depth=4 (theory)", 2), "depth=4").build()
        .fittedSize();
    assertEquals(new FigureSize(1000, 560), small, "a short legend keeps the size asked for");
  }

  @Test
  void aLongTitleBesideAWideLegendGetsAPlotAsWideAsItself() {
    String label = "widths=[50 30 20 20 10 10 10 10] norm=none init=kaiming_normal(mode=fan_in"
        + " nonlinearity=relu slope=0.01)";
    String title = "sigma, step 0, depth=8: variance of layer outputs y per layer, and more";
    FigureSize fitted = LayerCurveFigure.builder(title).size(1000, 560)
        .series(flat(label, 1)).build().fittedSize();
    XYChart probe = new XYChart(10, 10);
    java.awt.Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    int titleWidth = g.getFontMetrics(probe.getStyler().getChartTitleFont()).stringWidth(title);
    int labelWidth = g.getFontMetrics(probe.getStyler().getLegendFont()).stringWidth(label);
    g.dispose();
    // XChart centres the title over the plot: narrower, and it is clipped at the image's edge.
    assertTrue(fitted.width() >= titleWidth + labelWidth + 60, fitted + " for a title of "
        + titleWidth + " px beside a label of " + labelWidth + " px");
  }

  @Test
  void aPointWithoutFiniteNeighboursGetsAMarkerSoItIsDrawn() {
    long[] x = {1, 2, 2, 6, 6, 9, 10};
    double[] gapped = {1, 2, Double.NaN, 3, Double.NaN, 4, 5};
    XYChart chart = LayerCurveFigure.builder("gaps")
        .series(Curve.of("layers 1,2,6,9,10", x, gapped))
        .series(Curve.of("layers 1,2,9,10", x, new double[] {1, 2, Double.NaN, Double.NaN,
            Double.NaN, 4, 5}))
        .build().chart();
    assertEquals(SeriesMarkers.CIRCLE, chart.getSeriesMap().get("layers 1,2,6,9,10").getMarker());
    assertEquals(SeriesMarkers.NONE, chart.getSeriesMap().get("layers 1,2,9,10").getMarker());
    assertTrue(Figures.hasIsolatedPoint(new double[] {3}), "a one-layer net's point");
  }

  @Test
  void defaultSizeIs800By500() throws Exception {
    List<Path> written = LayerCurveFigure.builder("default").series(flat("a", 2)).build()
        .write(folder, "default", IfExists.FAIL);
    assertPng(written.get(0), 800, 500);
  }

  @Test
  void refusesToOverwriteEitherFileUnlessTold() throws Exception {
    LayerCurveFigure figure = LayerCurveFigure.builder("t").series(flat("a", 2)).build();
    List<Path> written = figure.write(folder, "f", IfExists.FAIL);
    Files.delete(written.get(0));
    byte[] svg = Files.readAllBytes(written.get(1));
    assertThrows(FileAlreadyExistsException.class, () -> figure.write(folder, "f", IfExists.FAIL));
    assertTrue(Files.notExists(written.get(0)), "no PNG written beside the refused SVG");
    assertArrayEquals(svg, Files.readAllBytes(written.get(1)));
    assertEquals(written, figure.write(folder, "f", IfExists.REPLACE));
    assertThrows(IllegalArgumentException.class, () -> figure.write(folder, "a/b", IfExists.FAIL));
  }

  @Test
  void log10ScalesLabelTheAxisAndSpanHundredsOfDecades() throws Exception {
    double[] log10Variance = new double[LAYERS];
    double[] variance = new double[LAYERS];
    for (int i = 0; i < LAYERS; i++) {
      log10Variance[i] = -10.0 * i;
      variance[i] = Math.pow(10, 300 - 10.0 * i);
    }
    LayerCurveFigure already = LayerCurveFigure.builder("gradients")
        .yLabel("variance").yScale(YScale.VALUES_ARE_LOG10)
        .series(Curve.of("normal", layers(), log10Variance)).build();
    XYChart chart = already.chart();
    assertEquals("log10 variance", chart.getYAxisTitle());
    assertArrayEquals(log10Variance, chart.getSeriesMap().get("normal").getYData());

    LayerCurveFigure taken = LayerCurveFigure.builder("gradients").yLabel("log10 variance")
        .yScale(YScale.LOG10_OF_VALUES).series(Curve.of("normal", layers(), variance)).build();
    assertEquals("log10 variance", taken.chart().getYAxisTitle());
    double[] plotted = taken.chart().getSeriesMap().get("normal").getYData();
    assertEquals(300, plotted[0], 1e-9);
    assertEquals(300 - 10.0 * (LAYERS - 1), plotted[LAYERS - 1], 1e-9);
    assertPng(taken.write(folder, "huge", IfExists.FAIL).get(0), 800, 500);
  }

  @Test
  void bandsStayOutOfTheLegendAndReachTheFloorOnLogScales() {
    XYChart chart = LayerCurveFigure.builder("b").yScale(YScale.LOG_AXIS)
        .series(decaying("normal")).build().chart();
    long inLegend = chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend)
        .count();
    assertEquals(1, inLegend);
    XYSeries band = chart.getSeriesMap().get("normal band 0");
    double floor = Math.pow(0.5, LAYERS - 1) * 0.7;
    for (double y : band.getYData()) {
      assertTrue(y >= floor * (1 - 1e-12), "band edge " + y + " below the smallest value");
    }
  }

  @Test
  void fractionFigureFixesTheRangeToZeroOne() throws Exception {
    double[] saturated = new double[LAYERS];
    for (int i = 0; i < LAYERS; i++) {
      saturated[i] = Math.min(1, i / 40.0);
    }
    LayerCurveFigure figure = LayerCurveFigure.builder("Saturated units")
        .yLabel("fraction with |tanh| > 0.97").fraction()
        .series(Curve.of("normal", layers(), saturated)).build();
    XYChart chart = figure.chart();
    assertEquals(0.0, chart.getStyler().getYAxisMin());
    assertEquals(1.0, chart.getStyler().getYAxisMax());
    assertEquals(Locale.ROOT, chart.getStyler().getLocale());
    assertSvg(figure.write(folder, "saturation", IfExists.FAIL).get(1), "Saturated units");
  }

  @Test
  void curveFigureRejectsInconsistentInput() {
    assertThrows(IllegalStateException.class, () -> LayerCurveFigure.builder("t").build());
    assertThrows(IllegalStateException.class, () -> LayerCurveFigure.builder("t")
        .series(flat("a", 1)).series(flat("a", 2)).build());
    assertThrows(IllegalStateException.class, () -> LayerCurveFigure.builder("t")
        .series(flat("a", 1)).theory(flat("th", 1), "b").build());
    assertThrows(IllegalArgumentException.class,
        () -> Curve.of("a", new double[] {1, 2}, new double[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> Curve.of("a", new double[] {Double.NaN}, new double[] {1}));
  }

  @Test
  void aFigureWithNothingFiniteStillRendersWithAPlainRange() throws Exception {
    double[] diverged = {Double.NaN, Double.POSITIVE_INFINITY, Double.NaN};
    LayerCurveFigure figure = LayerCurveFigure.builder("all seeds diverged")
        .yScale(YScale.LOG_AXIS).series(Curve.of("normal", new long[] {1, 2, 3}, diverged))
        .build();
    XYChart chart = figure.chart();
    assertEquals(0.1, chart.getStyler().getYAxisMin());
    assertEquals(10.0, chart.getStyler().getYAxisMax());
    assertPng(figure.write(folder, "diverged", IfExists.FAIL).get(0), 800, 500);
    assertThrows(IllegalArgumentException.class,
        () -> Curve.of("empty", new long[0], new double[0]));
  }

  /**
   * Glorot's Fig. 7 on a linear axis over ±8e-4 read "-0.0004, -0.0002, 0, .0002, .0004":
   * XChart's own pattern for a positive label of a span below 1 has no integer digit. The
   * figure's pattern, run through XChart's formatter, writes 0.0002.
   */
  @Test
  void linearTickLabelsOfASmallSpanKeepTheirLeadingZero() throws Exception {
    double[] lo = new double[16];
    double[] hi = new double[16];
    double[] density = new double[16];
    for (int k = 0; k < lo.length; k++) {
      lo[k] = -8e-4 + 1e-4 * k;
      hi[k] = lo[k] + 1e-4;
      density[k] = 625;
    }
    XYChart chart = HistogramFigure.builder("Fig. 7").quantity("dL/dz")
        .binScale(BinScale.VALUE).layer(1, lo, hi, density).xRange(-8e-4, 8e-4).build().chart();
    assertEquals("0.0002", xchartLabel(chart, 2e-4, -8e-4, 8e-4));
    assertEquals("-0.0004", xchartLabel(chart, -4e-4, -8e-4, 8e-4));
    assertEquals("0", xchartLabel(chart, 0, -8e-4, 8e-4));
    assertEquals("0.0002", new DecimalFormat(chart.getStyler().getXAxisDecimalPattern(),
        DecimalFormatSymbols.getInstance(Locale.ROOT)).format(2e-4));
    assertEquals("0.###", Figures.tickPattern(0.5));
    assertEquals("0.######", Figures.tickPattern(2e-4));
    assertNull(Figures.tickPattern(2), "a span of 1 or more: XChart's labels are right");
    assertNull(Figures.tickPattern(2e-5), "below 1e-4 XChart writes powers of ten");
  }

  /** The label XChart's own number formatter writes for a value on the chart's x axis. */
  private static String xchartLabel(XYChart chart, double value, double min, double max)
      throws ReflectiveOperationException {
    Class<?> direction = Class.forName("org.knowm.xchart.internal.chartpart.Axis$Direction");
    Object x = direction.getEnumConstants()[0];
    Constructor<?> make = Class.forName("org.knowm.xchart.internal.chartpart.Formatter_Number")
        .getDeclaredConstructor(AxesChartStyler.class, direction, double.class, double.class);
    make.setAccessible(true);
    return ((Format) make.newInstance(chart.getStyler(), x, min, max)).format(value);
  }

  @Test
  void histogramsOneLinePerChosenLayer() throws Exception {
    HistogramFigure.Builder builder = HistogramFigure.builder("Back-propagated gradients")
        .quantity("gradient").binScale(BinScale.SIGNED_LOG10_MAGNITUDE).size(700, 450);
    double[] lo = new double[81];
    double[] hi = new double[81];
    for (int k = 0; k < lo.length; k++) {
      lo[k] = -20 + 0.5 * k;
      hi[k] = lo[k] + 0.5;
    }
    for (int layer = 1; layer <= 5; layer++) {
      double[] density = new double[lo.length];
      for (int k = 0; k < density.length; k++) {
        double centre = lo[k] + 0.25;
        density[k] = Math.exp(-Math.pow(centre + 3 * layer, 2) / 8) / Math.sqrt(8 * Math.PI);
      }
      builder.layer(layer, lo, hi, density);
    }
    HistogramFigure figure = builder.onlyLayers(5, 1, 3).build();
    XYChart chart = figure.chart();
    assertEquals("signed log10 |gradient|", chart.getXAxisTitle());
    assertEquals("density", chart.getYAxisTitle());
    List<String> legend = chart.getSeriesMap().values().stream()
        .filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList();
    assertEquals(List.of("layer 1", "layer 3", "layer 5"), legend);
    assertEquals(-19.75, chart.getSeriesMap().get("layer 1").getXData()[0]);
    List<Path> written = figure.write(folder, "gradients", IfExists.FAIL);
    assertPng(written.get(0), 700, 450);
    assertSvg(written.get(1), "Back-propagated gradients");
    assertThrows(IllegalStateException.class, () -> builder.onlyLayers(9).build());
  }

  @Test
  void aHistogramFigureTakesTheXRangeItIsGiven() {
    HistogramFigure.Builder b = HistogramFigure.builder("Shared axis").quantity("dL/dz")
        .layer(1, new double[] {-1e-4, 0, 1e-4}, new double[] {1, 3, 1});
    XYChart fitted = b.build().chart();
    assertNull(fitted.getStyler().getXAxisMin(), "fitted to the curves by default");
    XYChart chart = b.xRange(-8e-4, 7e-4).build().chart();
    assertEquals(-8e-4, chart.getStyler().getXAxisMin());
    assertEquals(7e-4, chart.getStyler().getXAxisMax());
    assertThrows(IllegalArgumentException.class, () -> b.xRange(1, 1));
  }

  /**
   * A histogram figure grows like a curve figure: a layer's label carries what is not drawn, and
   * beside such a legend XChart clipped a long title's first letters.
   */
  @Test
  void aHistogramWithLongLabelsGrowsSoItsTitleFitsOverThePlot() throws IOException {
    String title = "glorot2010-fig7: pre-activation gradients, init=xavier_uniform(gain=1.0)"
        + " (10 seeds pooled)";
    String note = "0.3 % below -0.0005, <0.1 % above 0.0005 not drawn";
    HistogramFigure figure = HistogramFigure.builder(title).quantity("dL/dz")
        .layer(1, new double[] {-1e-4, 0, 1e-4}, new double[] {1, 3, 1}, note).build();
    XYChart probe = new XYChart(10, 10);
    java.awt.Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    int titleWidth = g.getFontMetrics(probe.getStyler().getChartTitleFont()).stringWidth(title);
    int labelWidth = g.getFontMetrics(probe.getStyler().getLegendFont())
        .stringWidth("layer 1 (" + note + ")");
    g.dispose();
    FigureSize fitted = figure.fittedSize();
    assertTrue(fitted.width() >= titleWidth + labelWidth + 60, fitted + " for a title of "
        + titleWidth + " px beside a label of " + labelWidth + " px");
    assertPng(figure.write(folder, "long", IfExists.FAIL).get(0), fitted.width(),
        fitted.height());
  }

  /**
   * A configuration whose every value is 0 (zero init) has nothing to draw, yet gets its figure:
   * each layer a legend entry saying what is left out.
   */
  @Test
  void aHistogramOfLayersWithNothingToDrawIsStillWritten() throws IOException {
    HistogramFigure figure = HistogramFigure.builder("Zero init")
        .quantity("y").binScale(BinScale.SIGNED_LOG10_MAGNITUDE)
        .layer(1, new double[0], new double[0], "100 % zeros not drawn")
        .layer(2, new double[0], new double[0], "100 % zeros not drawn")
        .build();
    List<String> legend = figure.chart().getSeriesMap().values().stream()
        .filter(XYSeries::isShowInLegend).map(XYSeries::getName).toList();
    assertEquals(List.of("layer 1 (100 % zeros not drawn)", "layer 2 (100 % zeros not drawn)"),
        legend);
    List<Path> written = figure.write(folder, "zeros", IfExists.FAIL);
    assertPng(written.get(0), FigureSize.DEFAULT.width(), FigureSize.DEFAULT.height());
    // Zeros in linear bins: one occupied bin, a single point, which needs a marker to show.
    HistogramFigure oneBin = HistogramFigure.builder("Zero init, tanh")
        .quantity("y").layer(1, new double[] {0.005}, new double[] {100}, (String) null).build();
    assertEquals(org.knowm.xchart.style.markers.SeriesMarkers.CIRCLE,
        oneBin.chart().getSeriesMap().get("layer 1").getMarker());
  }

  /** A theory line of 500 layers is thinned to about 60 points, its gaps and ends kept. */
  @Test
  void longTheoryLinesAreThinnedSoTheirDashesShow() {
    double[] x = new double[500];
    double[] y = new double[500];
    for (int i = 0; i < 500; i++) {
      x[i] = i + 1;
      y[i] = i == 250 ? Double.NaN : 0.1 * i;
    }
    double[][] t = LayerCurveFigure.thinned(x, y, 60);
    assertTrue(t[0].length <= 66 && t[0].length >= 55, t[0].length + " points");
    assertEquals(1.0, t[0][0]);
    assertEquals(500.0, t[0][t[0].length - 1]);
    List<Double> xs = java.util.Arrays.stream(t[0]).boxed().toList();
    assertTrue(xs.containsAll(List.of(250.0, 251.0, 252.0)), "the gap and its neighbours");
    double[][] small = LayerCurveFigure.thinned(new double[] {1, 2}, new double[] {3, 4}, 60);
    assertEquals(2, small[0].length);
  }
}
