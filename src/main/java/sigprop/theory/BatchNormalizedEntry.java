package sigprop.theory;

import org.apache.commons.math3.special.Beta;
import sigprop.net.Activation;

/**
 * The law of one batch-normalized entry ẑ = (z − mean)/√(biased variance) of B i.i.d. normal
 * pre-activations: ẑ = ±√((B − 1)·T) with T ~ Beta(½, (B − 2)/2), the sign even. It has
 * variance 1 like N(0, 1) but is bounded by √(B − 1), so at small batches the tails are lighter:
 * tanh at B = 8 saturates past 0.99 never (√7 &lt; atanh 0.99), where N(0, 1) says 0.8 %.
 *
 * <p>Expectations substitute T = u², which leaves the weight 2(1 − u²)^((B−4)/2)/B(½, (B−2)/2)
 * on u ∈ [0, 1] without the singularity at 0, then u = sin θ, and integrate by composite Simpson
 * over the part where that weight is not negligible (e^−50 beyond u = 10/√B).
 */
final class BatchNormalizedEntry {
  private static final int PANELS = 4000;

  private BatchNormalizedEntry() {}

  /**
   * E[φ(ẑ)], E[φ(ẑ)²] and E[φ′(ẑ)²] at batch B (≥ 4); the slope of E[φ²] is N(0, 1)'s (the
   * length map's slope belongs to the plain map, which a norm replaces).
   */
  static ActivationMoments moments(Activation phi, int batch) {
    double[] sums = new double[3];
    integrate(batch, v -> {
      double yPlus = phi.apply(v);
      double yMinus = phi.apply(-v);
      double dPlus = phi.derivative(v, yPlus);
      double dMinus = phi.derivative(-v, yMinus);
      return new double[] {0.5 * (yPlus + yMinus), 0.5 * (yPlus * yPlus + yMinus * yMinus),
          0.5 * (dPlus * dPlus + dMinus * dMinus)};
    }, sums);
    return new ActivationMoments(1.0, sums[0], sums[1], sums[2],
        ActivationMoments.of(phi, 1.0).meanSquareSlope());
  }

  /** P(ẑ &lt; lower) + P(ẑ > upper) at batch B, for the thresholds of {@code s}. */
  static double saturation(Saturation s, int batch) {
    return upperTail(s.upper(), batch) + upperTail(-s.lower(), batch);
  }

  /** P(ẑ > a) = P(ẑ &lt; −a), from the regularized incomplete beta function. */
  private static double upperTail(double a, int batch) {
    if (a == Double.POSITIVE_INFINITY) {
      return 0.0;
    }
    double both = a * a >= batch - 1 ? 0.0
        : 1.0 - Beta.regularizedBeta(a * a / (batch - 1), 0.5, 0.5 * (batch - 2));
    return a >= 0 ? 0.5 * both : 1.0 - 0.5 * both;
  }

  /** The integrand's expectations, each entry of {@code f}'s result, added into sums. */
  private static void integrate(int batch, java.util.function.DoubleFunction<double[]> f,
      double[] sums) {
    if (batch < 4) {
      throw new IllegalArgumentException("batch must be >= 4, got " + batch);
    }
    double scale = Math.sqrt(batch - 1.0);
    double exponent = 0.5 * (batch - 4);
    double norm = 2.0 / Math.exp(Beta.logBeta(0.5, 0.5 * (batch - 2)));
    // u = sin θ: the weight becomes cos^(B−3) θ, smooth at u = 1 where (1 − u²)^((B−4)/2) is
    // not for odd B.
    double top = Math.asin(Math.min(1.0, 10.0 / Math.sqrt(batch)));
    double h = top / PANELS;
    for (int i = 0; i <= PANELS; i++) {
      double theta = i * h;
      double weight = (i == 0 || i == PANELS ? 1 : i % 2 == 1 ? 4 : 2) * h / 3
          * norm * Math.pow(Math.cos(theta), 2 * exponent + 1);
      double[] values = f.apply(scale * Math.sin(theta));
      for (int k = 0; k < sums.length; k++) {
        sums[k] += weight * values[k];
      }
    }
  }
}
