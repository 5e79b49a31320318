package sigprop.theory;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Erf;
import sigprop.net.Activation;

/**
 * The predicted fraction of units with |φ(ẑ) − c| > level·h for ẑ ~ N(0, q), where φ's range
 * (lowerBound, bound) has centre c and half-width h (as the statistics measure it,
 * sigprop.stats.SaturationRange: |φ| > 0.9 for tanh, φ &lt; 0.05 or φ &gt; 0.95 for sigmoid): φ
 * (increasing, as every bounded activation here) is inverted once at c ± level·h, then the
 * fraction is P(ẑ < lower) + P(ẑ > upper) from the normal CDF, accurate in both tails. Unbounded
 * activations never saturate (fraction 0).
 *
 * @param level the fraction of the half-width, e.g. 0.9
 * @param lower x with φ(x) = c − level·h, or −∞ if φ stays above it
 * @param upper x with φ(x) = c + level·h, or +∞ if φ stays below it
 */
public record Saturation(double level, double lower, double upper) {
  private static final double REACH = 1e300;

  /** The thresholds of φ at the given level in (0, 1]. */
  public static Saturation of(Activation phi, double level) {
    if (!(level > 0 && level <= 1)) {
      throw new IllegalArgumentException("saturation level must be in (0, 1], got " + level);
    }
    double high = phi.bound();
    double low = phi.lowerBound();
    if (Double.isInfinite(high) || Double.isInfinite(low)) {
      return new Saturation(level, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }
    double centre = 0.5 * low + 0.5 * high;
    double reach = level * (0.5 * high - 0.5 * low);
    return new Saturation(level, crossing(phi, centre - reach), crossing(phi, centre + reach));
  }

  /** P(|φ(ẑ) − c| > level·h) for ẑ ~ N(0, q). */
  public double fraction(double q) {
    double s = Math.sqrt(q);
    return upperTail(upper, s) + upperTail(-lower, s);
  }

  /** P(√q·z > threshold). */
  private static double upperTail(double threshold, double s) {
    if (threshold == Double.POSITIVE_INFINITY) {
      return 0.0;
    }
    if (s == 0) {
      return threshold < 0 ? 1.0 : 0.0;
    }
    return 0.5 * Erf.erfc(threshold / s / Math.sqrt(2.0));
  }

  /** The x where increasing φ crosses target; ±∞ when it does not. */
  private static double crossing(Activation phi, double target) {
    if (phi.apply(-REACH) >= target) {
      return Double.NEGATIVE_INFINITY;
    }
    if (phi.apply(REACH) < target) {
      return Double.POSITIVE_INFINITY;
    }
    double lo = -1;
    double hi = 1;
    while (phi.apply(lo) >= target) {
      lo *= 2;
    }
    while (phi.apply(hi) < target) {
      hi *= 2;
    }
    return new BrentSolver(1e-15, 1e-300).solve(500, x -> phi.apply(x) - target, lo, hi);
  }
}
