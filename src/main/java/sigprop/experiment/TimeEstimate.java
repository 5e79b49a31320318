package sigprop.experiment;

import java.util.Locale;

/**
 * Wall time from the cost model's work: {@code work ÷ (rate per core × cores)}, but never less
 * than the longest cell on one core (a cell runs on one core). The rate is stated, not assumed:
 * measured here ({@link KernelRate}) or given. It leaves out Spark's start-up, the JIT's warm-up
 * and other load on the cores.
 *
 * @param ratePerCore the cost model's flop-equivalents one core gets through per second
 * @param cores the cores the cells run on at once
 * @param rateSource how the rate was found, for the printed line
 */
public record TimeEstimate(double ratePerCore, int cores, String rateSource) {
  public TimeEstimate {
    if (!(ratePerCore > 0) || Double.isInfinite(ratePerCore) || cores < 1) {
      throw new IllegalArgumentException("a rate > 0 and at least one core, got " + ratePerCore
          + " flop/s on " + cores);
    }
  }

  /** Seconds one cell of this much work takes on one core. */
  public double cellSeconds(double work) {
    return work / ratePerCore;
  }

  /** Seconds for cells of this total work on all cores, the longest of them taking maxWork. */
  public double seconds(double totalWork, double maxWork) {
    return Math.max(totalWork / (ratePerCore * cores), cellSeconds(maxWork));
  }

  /**
   * E.g. {@code 0.031 s}, {@code 4.2 s}, {@code 42 s}, {@code 3 min 20 s}, {@code 2 h 05 min},
   * {@code 3.4 days}.
   */
  static String duration(double seconds) {
    if (seconds < 1) {
      return String.format(Locale.ROOT, "%.2g s", seconds);
    }
    if (seconds < 9.95) {
      return String.format(Locale.ROOT, "%.1f s", seconds);
    }
    long s = Math.round(seconds);
    if (s < 60) {
      return s + " s";
    } else if (s < 3600) {
      return s / 60 + " min " + s % 60 + " s";
    } else if (s < 2 * 86400) {
      long minutes = Math.round(seconds / 60);
      return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
    }
    return String.format(Locale.ROOT, "%.1f days", seconds / 86400);
  }
}
