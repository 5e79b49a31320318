package sigprop.net;

import org.apache.commons.math3.special.Erf;

/** The standard normal density and distribution function. */
final class Gaussian {
  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);
  private static final double INV_SQRT_2 = 1.0 / Math.sqrt(2.0);

  private Gaussian() {}

  static double pdf(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /** Φ(x) via erfc, accurate in both tails. */
  static double cdf(double x) {
    return 0.5 * Erf.erfc(-x * INV_SQRT_2);
  }

  /** Φ⁻¹(p) for p in (0, 1), via the inverse error function. */
  static double inverseCdf(double p) {
    return Math.sqrt(2.0) * Erf.erfInv(2.0 * p - 1.0);
  }
}
