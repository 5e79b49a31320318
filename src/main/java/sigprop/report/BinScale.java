package sigprop.report;

/** What a histogram's x values (bin centres) are, which sets how the x axis is labelled. */
public enum BinScale {
  /** The value itself. */
  VALUE,
  /**
   * sign(v)·log10|v|: bins even in log-magnitude on each side of zero, which is how values that
   * span hundreds of decades (deep-net gradients) stay in one histogram.
   */
  SIGNED_LOG10_MAGNITUDE;

  /** The axis label for a quantity, e.g. "signed log10 |gradient|". */
  public String label(String quantity) {
    return this == VALUE ? quantity : "signed log10 |" + quantity + "|";
  }
}
