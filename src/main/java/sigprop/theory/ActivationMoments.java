package sigprop.theory;

import sigprop.net.Activation;

/**
 * Gaussian moments of an activation at pre-activation variance q, z ~ N(0, 1): E[φ(√q z)],
 * E[φ(√q z)²], E[φ′(√q z)²] and d/dq E[φ(√q z)²] = E[z·φ(√q z)·φ′(√q z)]/√q.
 *
 * <p>The last one is the slope of the length map over σ_w²; by Stein's lemma it equals
 * E[φ′²] + E[φ″φ], the bracket of Schoenholz et al.'s ξ_q, without needing φ″ (and it stays
 * right at the kinks, where φ″ is a delta). Below {@link #Q_MIN} each moment follows its power
 * law in q, read off at Q_MIN and 4·Q_MIN (E[φ²] ∝ q and E[relu] ∝ √q when φ(0) = 0, constants
 * otherwise), down to q = 0, where the limit q → 0⁺ is kept for the derivative moments (relu's
 * E[φ′²] is 1/2, not φ′(0)² = 0) and the rest vanish: a deep ordered net's variances keep
 * falling past 1e−200 instead of resting there. q = +∞ gives the limit q → ∞, with moments that
 * grow like √q or q reported as ±∞.
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
    if (q < Q_MIN) {
      ActivationMoments at = of(phi, Q_MIN);
      ActivationMoments above = of(phi, 4 * Q_MIN);
      double ratio = q / Q_MIN;
      return new ActivationMoments(q, powerLaw(at.mean, above.mean, ratio),
          powerLaw(at.meanSquare, above.meanSquare, ratio),
          powerLaw(at.derivativeMeanSquare, above.derivativeMeanSquare, ratio),
          powerLaw(at.meanSquareSlope, above.meanSquareSlope, ratio));
    }
    double s = Math.sqrt(q);
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

  /**
   * v(r·Q) from v(Q) and v(4Q) for r < 1, as v(Q)·r^p with p = log₄(v(4Q)/v(Q)) rounded to a
   * multiple of 1/2 when that close (constants stay exact, and reach q = 0 as themselves).
   */
  private static double powerLaw(double atQ, double at4Q, double ratio) {
    if (atQ == 0 || !(at4Q / atQ > 0)) {
      return atQ;
    }
    double p = Math.log(at4Q / atQ) / Math.log(4);
    double half = Math.rint(2 * p) / 2;
    if (Math.abs(p - half) < 1e-6) {
      p = half;
    }
    return p == 0 ? atQ : atQ * Math.pow(ratio, p);
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
