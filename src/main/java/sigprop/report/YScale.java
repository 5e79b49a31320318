package sigprop.report;

/**
 * How a figure's y values map to its y axis. Per-layer gradient variances in a deep net span
 * hundreds of decades, past what a double holds (1e-400), so the summarizer often has log10 values
 * already; {@link #VALUES_ARE_LOG10} plots those on a linear axis labelled "log10 …".
 */
public enum YScale {
  /** y as given, on a linear axis. */
  LINEAR(false, false, false),
  /** y as given, on a logarithmic axis; values ≤ 0 are gaps. */
  LOG_AXIS(true, false, true),
  /** log10(y) on a linear axis labelled "log10 …"; values ≤ 0 are gaps. */
  LOG10_OF_VALUES(false, true, true),
  /** y is already log10 of the quantity; a linear axis labelled "log10 …". */
  VALUES_ARE_LOG10(false, true, false);

  private final boolean logAxis;
  private final boolean log10Label;
  private final boolean positiveOnly;

  YScale(boolean logAxis, boolean log10Label, boolean positiveOnly) {
    this.logAxis = logAxis;
    this.log10Label = log10Label;
    this.positiveOnly = positiveOnly;
  }

  /** Whether the axis itself is logarithmic. */
  public boolean logAxis() {
    return logAxis;
  }

  /** Whether values ≤ 0 have no plotted form (a log axis, or the log10 taken here). */
  public boolean positiveOnly() {
    return positiveOnly;
  }

  /** The y-axis label: {@code "log10 " + label} for the log10 scales unless already so. */
  public String label(String label) {
    return log10Label && !label.startsWith("log10") ? "log10 " + label : label;
  }

  /** The plotted value of one y value; NaN (a gap) where it cannot be plotted. */
  public double plotted(double y) {
    if (!Double.isFinite(y) || (positiveOnly && y <= 0)) {
      return Double.NaN;
    }
    return this == LOG10_OF_VALUES ? Math.log10(y) : y;
  }

  /** The plotted values of an array, element by element. */
  public double[] plotted(double[] ys) {
    double[] out = new double[ys.length];
    for (int i = 0; i < ys.length; i++) {
      out[i] = plotted(ys[i]);
    }
    return out;
  }
}
