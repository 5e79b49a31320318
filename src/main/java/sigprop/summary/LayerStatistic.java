package sigprop.summary;

import java.util.List;

/**
 * A per-seed statistic of the layers table that the summary averages over seeds; its
 * {@link #column()} is the layers-table column it is read from and the stem of the summary's
 * {@code <column>_mean}, {@code _sd}, {@code _ci_lo} and {@code _ci_hi} columns.
 */
public enum LayerStatistic {
  MEAN("mean", "the mean of its values"),
  VARIANCE("variance", "the unbiased variance (n − 1) of its values"),
  STD("std", "the standard deviation of its values"),
  LOG10_VARIANCE("log10_variance",
      "log10 of its variance, finite even where the variance leaves double range"),
  LOG10_STD("log10_std", "log10 of its standard deviation"),
  MIN("min", "its smallest value"),
  MAX("max", "its largest value"),
  MEAN_ABS("mean_abs", "the mean of |v| over its values"),
  LOG10_MEAN_ABS("log10_mean_abs", "log10 of its mean |v|"),
  RMS("rms", "the root mean square √(Σv²/n) of its values"),
  LOG10_RMS("log10_rms", "log10 of its root mean square"),
  FRAC_ZERO("frac_zero", "the fraction of its values exactly 0"),
  FRAC_SAT90("frac_sat90",
      "the fraction of its values within 10 % of the half-range of either asymptote of the"
          + " activation (|v| > 0.9 for tanh, v < 0.05 or v > 0.95 for sigmoid), only on the"
          + " output site of a bounded activation not followed by a norm"),
  FRAC_SAT99("frac_sat99", "the fraction within 1 % of the half-range, as frac_sat90"),
  JACOBIAN("jacobian",
      "its layer Jacobian's mean squared singular value ‖W·diag(φ′)‖²_F/min(fan_in, fan_out),"
          + " averaged over the batch (Glorot & Bengio 2010, §4.2.2), output site only"),
  Q01("q01", "its 1 % quantile"),
  Q02("q02", "its 2 % quantile"),
  Q15("q15", "its 15 % quantile"),
  Q50("q50", "its median"),
  Q85("q85", "its 85 % quantile"),
  Q98("q98", "its 98 % quantile"),
  Q99("q99", "its 99 % quantile");

  /** Every statistic, in column order. */
  public static final List<LayerStatistic> ALL = List.of(values());

  private final String column;
  private final String description;

  LayerStatistic(String column, String description) {
    this.column = column;
    this.description = description;
  }

  /** The layers-table column, e.g. {@code log10_variance}. */
  public String column() {
    return column;
  }

  /** What one seed's value is, as a noun phrase about the seed ("its median"). */
  public String description() {
    return description;
  }

  /**
   * Whether the statistic is a value on the tensor's own scale (mean, min, max, a quantile),
   * which rounds to 0 or a subnormal when the tensor's values come near double's smallest
   * normal, and which has no log10 form to read instead.
   */
  public boolean isOnValueScale() {
    return this == MEAN || this == MIN || this == MAX || column.matches("q\\d\\d");
  }

  /**
   * The statistic holding this one's log10 where the value itself can leave double range (0 or
   * +∞ while its log10 is finite), or null.
   */
  public LayerStatistic logForm() {
    return switch (this) {
      case VARIANCE -> LOG10_VARIANCE;
      case STD -> LOG10_STD;
      case MEAN_ABS -> LOG10_MEAN_ABS;
      case RMS -> LOG10_RMS;
      default -> null;
    };
  }
}
