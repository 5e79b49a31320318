package sigprop.theory;

import sigprop.net.Activation;

/**
 * Gaussian moments of an activation at pre-activation variance q, z ~ N(0, 1): E[φ(√q z)],
 * E[φ(√q z)²], E[φ′(√q z)²] and d/dq E[φ(√q z)²] = E[z·φ(√q z)·φ′(√q z)]/√q.
 *
 * <p>The last one is the slope of the length map over σ_w²; by Stein's lemma it equals
 * E[φ′²] + E[φ″φ], the bracket of Schoenholz et al.'s ξ_q, without needing φ″ (and it stays
 * right at the kinks, where φ″ is a delta). q below {@link #Q_MIN} is evaluated at Q_MIN, i.e. as
 * the limit q → 0⁺ (relu's E[φ′²] is then 1/2, not φ′(0)² = 0); q = +∞ gives the limit q → ∞,
 * with moments that grow like √q or q reported as ±∞.
 *
 * @param q the pre-activation variance
 * @param mean E[φ]
 * @param meanSquare E[φ²]
 * @param derivativeMeanSquare E[φ′²]
 * @param meanSquareSlope d E[φ²] / dq
 */
public record ActivationMoments(
    double q, double mean, double meanSquare, double derivativeMeanSquare,
    double meanSquareSlope) {
  /** Smallest variance integrated; below it the q → 0⁺ limit is returned. */
  public static final double Q_MIN = 1e-200;
  /** Largest finite variance integrated; +∞ is evaluated here and extrapolated. */
  public static final double Q_MAX = 1e300;

  /** The moments of φ at variance q, by {@link GaussianRule}. */
  public static ActivationMoments of(Activation phi, double q) {
    if (!(q >= 0)) {
      throw new IllegalArgumentException("variance q must be >= 0, got " + q);
    }
    if (q == Double.POSITIVE_INFINITY) {
      ActivationMoments m = of(phi, Q_MAX);
      return new ActivationMoments(q, unbounded(m.mean, Math.sqrt(Q_MAX)),
          unbounded(m.meanSquare, Q_MAX), m.derivativeMeanSquare, m.meanSquareSlope);
    }
    double s = Math.sqrt(Math.max(q, Q_MIN));
    GaussianRule rule = GaussianRule.forScale(s);
    double mean = 0;
    double meanSquare = 0;
    double derivative = 0;
    double slope = 0;
    for (int i = 0; i < rule.z.length; i++) {
      double w = rule.weight[i];
      double x = s * rule.z[i];
      double yPlus = phi.apply(x);
      double yMinus = phi.apply(-x);
      double dPlus = phi.derivative(x, yPlus);
      double dMinus = phi.derivative(-x, yMinus);
      // ±z pairs summed first so odd functions cancel exactly.
      mean += w * (yPlus + yMinus);
      meanSquare += w * (yPlus * yPlus + yMinus * yMinus);
      derivative += w * (dPlus * dPlus + dMinus * dMinus);
      slope += w * rule.z[i] * (yPlus * dPlus - yMinus * dMinus);
    }
    return new ActivationMoments(q, mean, meanSquare, derivative, slope / s);
  }

  /** Var[φ] = E[φ²] − E[φ]². */
  public double variance() {
    if (Double.isInfinite(meanSquare)) {
      return meanSquare;
    }
    return Math.max(0.0, meanSquare - mean * mean);
  }

  /** ±∞ if value (taken at scale) grows with the scale, else value: the q → ∞ limit. */
  private static double unbounded(double value, double scale) {
    return Math.abs(value) > 1e-9 * scale ? Math.copySign(Double.POSITIVE_INFINITY, value) : value;
  }
}
