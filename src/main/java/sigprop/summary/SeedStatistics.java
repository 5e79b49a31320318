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
    // Values near ±1.8e308 would overflow the sums and deviations below: work on them scaled
    // by a power of two (exact, and negligible for the tiny values it may round), then unscale.
    double largest = 0;
    for (double v : values) {
      largest = Math.max(largest, Math.abs(v));
    }
    double scale = largest > 0x1p1000 ? 0x1p-30 : 1;
    double[] scaled = values;
    if (scale != 1) {
      scaled = new double[n];
      for (int i = 0; i < n; i++) {
        scaled[i] = values[i] * scale;
      }
    }
    double mean = mean(scaled);
    if (n == 1) {
      return new SeedStatistics(1, mean / scale, Double.NaN, Double.NaN, Double.NaN);
    }
    double sd = sampleStandardDeviation(scaled, mean);
    double half = StudentT.critical95(n - 1) * sd / Math.sqrt(n);
    // An sd or bound beyond double's range unscales to ±∞; the mean always fits.
    return new SeedStatistics(n, mean / scale, sd / scale, (mean - half) / scale,
        (mean + half) / scale);
  }

  /**
   * Σv/n, then corrected by the mean residual Σ(v − mean)/n, which removes most of the sum's
   * rounding (equal values give exactly their value). The values are below 2^1000 in magnitude.
   */
  private static double mean(double[] values) {
    int n = values.length;
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    double residual = 0;
    for (double v : values) {
      residual += (v - mean) / n;
    }
    return mean + residual;
  }

  /**
   * √(Σ(v − mean)²/(n − 1)), on deviations scaled by the largest so no square overflows; the
   * values are below 2^1000 in magnitude, so no deviation overflows.
   */
  private static double sampleStandardDeviation(double[] values, double mean) {
    double largest = 0;
    for (double v : values) {
      largest = Math.max(largest, Math.abs(v - mean));
    }
    if (largest == 0) {
      return 0;
    }
    double sum = 0;
    for (double v : values) {
      double d = (v - mean) / largest;
      sum += d * d;
    }
    return largest * Math.sqrt(sum / (values.length - 1));
  }
}
