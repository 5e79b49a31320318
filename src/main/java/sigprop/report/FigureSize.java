package sigprop.report;

/** A figure's size in pixels (PNG) and points (SVG). */
public record FigureSize(int width, int height) {
  /** 800 × 500, wide enough for an outside legend beside a readable plot. */
  public static final FigureSize DEFAULT = new FigureSize(800, 500);

  /** Checks both sides are within 64..10000. */
  public FigureSize {
    if (width < 64 || width > 10_000 || height < 64 || height > 10_000) {
      throw new IllegalArgumentException(
          "figure size must be within 64..10000 on each side, got " + width + "x" + height);
    }
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }
}
