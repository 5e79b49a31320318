package sigprop.summary;

/**
 * One statistic summarized over seeds: how many seeds, their mean, their standard deviation
 * (n − 1) and the 95 % confidence bounds of the mean, mean ± t(0.975; n − 1)·sd/√n. NaN where a
 * value does not exist: everything for n = 0; sd and bounds for n = 1.
 */
public record SeedStatistics(int n, double mean, double sd, double ciLo, double ciHi) {
  /** No seeds, or a statistic withheld because a seed lacked it. */
  public static final SeedStatistics MISSING =
      new SeedStatistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** The summary of finite values, one per seed; throws on a non-finite value. */
  public static SeedStatistics of(double[] values) {
    int n = values.length;
    if (n == 0) {
      return MISSING;
    }
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("seed values must be finite, got " + v);
      }
    }
    double mean = mean(values);
    if (n == 1) {
      return new SeedStatistics(1, mean, Double.NaN, Double.NaN, Double.NaN);
    }
    double sd = sampleStandardDeviation(values, mean);
    double half = StudentT.critical95(n - 1) * sd / Math.sqrt(n);
    return new SeedStatistics(n, mean, sd, mean - half, mean + half);
  }

  /**
   * Σv/n, then corrected by the mean residual Σ(v − mean)/n, which removes most of the sum's
   * rounding (equal values give exactly their value); Σ(v/n) when the plain sum overflows
   * (variances near the top of double range).
   */
  private static double mean(double[] values) {
    int n = values.length;
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    if (!Double.isFinite(mean)) {
      mean = 0;
      for (double v : values) {
        mean += v / n;
      }
    }
    double residual = 0;
    for (double v : values) {
      residual += (v - mean) / n;
    }
    return mean + residual;
  }

  /** √(Σ(v − mean)²/(n − 1)), computed on deviations scaled by the largest so none overflows. */
  private static double sampleStandardDeviation(double[] values, double mean) {
    double largest = 0;
    for (double v : values) {
      largest = Math.max(largest, Math.abs(v - mean));
    }
    if (largest == 0) {
      return 0;
    }
    if (Double.isInfinite(largest)) {
      // v − mean overflowed: the values straddle ±1e308; deviations of halves cannot overflow.
      return 2 * sampleStandardDeviation(halves(values), mean / 2);
    }
    double sum = 0;
    for (double v : values) {
      double d = (v - mean) / largest;
      sum += d * d;
    }
    return largest * Math.sqrt(sum / (values.length - 1));
  }

  private static double[] halves(double[] values) {
    double[] h = new double[values.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = values[i] / 2;
    }
    return h;
  }
}
