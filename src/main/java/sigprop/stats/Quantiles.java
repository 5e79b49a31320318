package sigprop.stats;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Quantiles of one record as plain arrays for output: for each probability the true value (0 or
 * ±∞ when outside double range; NaN when there are no values, or no estimate because the order
 * statistic lies below the log bins' decade range beside zero), its sign and log10 of its
 * magnitude (finite for every nonzero value).
 */
public final class Quantiles {
  private static final double[] STANDARD = {0.01, 0.02, 0.15, 0.50, 0.85, 0.98, 0.99};

  private final double[] probabilities;
  private final double[] values;
  private final int[] signs;
  private final double[] log10Abs;

  Quantiles(double[] probabilities, ScaledDouble[] estimates) {
    this.probabilities = probabilities.clone();
    int n = probabilities.length;
    values = new double[n];
    signs = new int[n];
    log10Abs = new double[n];
    for (int i = 0; i < n; i++) {
      ScaledDouble q = estimates == null ? null : estimates[i];
      values[i] = q == null ? Double.NaN : q.toDouble();
      signs[i] = q == null ? 0 : q.signum();
      log10Abs[i] = q == null ? Double.NaN : q.log10Abs();
    }
  }

  /** The probabilities recorded by default: 1, 2, 15, 50, 85, 98 and 99 %. */
  public static double[] standard() {
    return STANDARD.clone();
  }

  /** The probabilities. */
  public double[] probabilities() {
    return probabilities.clone();
  }

  /** The true values, rounded to double range. */
  public double[] values() {
    return values.clone();
  }

  /** The signs (−1, 0, 1). */
  public int[] signs() {
    return signs.clone();
  }

  /** log10 of the magnitudes (−∞ for zero). */
  public double[] log10Abs() {
    return log10Abs.clone();
  }

  /** p=value pairs, e.g. "Quantiles[1%=-0.97, 50%=0.01, 99%=-1e-391.3]". */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Quantiles[");
    for (int i = 0; i < probabilities.length; i++) {
      boolean inRange = Double.isNaN(values[i]) || signs[i] == 0
          || values[i] != 0 && Double.isFinite(values[i]);
      s.append(i == 0 ? "" : ", ")
          .append(BigDecimal.valueOf(100 * probabilities[i]).stripTrailingZeros().toPlainString())
          .append("%=")
          .append(inRange ? Double.toString(values[i])
              : String.format(Locale.ROOT, "%s1e%.3f", signs[i] < 0 ? "-" : "", log10Abs[i]));
    }
    return s.append(']').toString();
  }
}
