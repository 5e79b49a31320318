package sigprop.report;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * The size a figure with an outside legend needs: XChart otherwise squeezes the plot to a sliver
 * beside long labels, lets a tall legend run off the image (32 entries of k-layer net labels did
 * both) and, as it centres the title over the plot, clips a long title at the image's edge
 * ("gma, step 0, depth=8: …").
 */
final class LegendFit {
  /** A figure grows to keep its plot at least this wide beside the legend. */
  static final int MIN_PLOT_WIDTH = 400;
  /** The y axis's title, tick labels and margins beside the plot, with room to spare. */
  private static final int AXIS_ALLOWANCE = 120;
  /** Title, axis label and margins above and below the legend. */
  private static final int LEGEND_MARGIN = 110;
  private static final int MAX_SIDE = 4000;

  private LegendFit() {}

  /**
   * The size asked for, grown so the legend's labels fit beside a plot at least {@link
   * #MIN_PLOT_WIDTH} and the title wide, and the legend's rows fit the height (each side at most
   * 4000 pixels).
   */
  static FigureSize fit(FigureSize asked, String title, List<String> labels) {
    XYChart probe = new XYChart(asked.width(), asked.height());
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      FontMetrics metrics = g.getFontMetrics(probe.getStyler().getLegendFont());
      int widest = 0;
      for (String label : labels) {
        widest = Math.max(widest, metrics.stringWidth(label));
      }
      int padding = probe.getStyler().getLegendPadding();
      // XChart's legend box: padding, the line sample, padding, the label, padding; and the gap.
      int legendWidth = widest + probe.getStyler().getLegendSeriesLineLength() + 4 * padding;
      int rowHeight = metrics.getHeight() + padding;
      int titleWidth =
          g.getFontMetrics(probe.getStyler().getChartTitleFont()).stringWidth(title);
      int plotWidth = Math.max(MIN_PLOT_WIDTH, titleWidth + AXIS_ALLOWANCE);
      int width = Math.max(asked.width(), Math.min(MAX_SIDE, plotWidth + legendWidth));
      int height = Math.max(asked.height(),
          Math.min(MAX_SIDE, LEGEND_MARGIN + labels.size() * rowHeight));
      return new FigureSize(width, height);
    } finally {
      g.dispose();
    }
  }
}
