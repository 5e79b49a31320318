package sigprop.theory;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import sigprop.net.Activation;

/**
 * The mean-field correlation map at the length fixed point q* (Poole et al. 2016; Schoenholz et
 * al. 2017): two inputs whose pre-activations have variance q* and correlation c map to
 * C(c) = (σ_w² E[φ(u₁)φ(u₂)] + σ_b²)/q*, with u₁ = √q* z₁, u₂ = √q*(c z₁ + √(1−c²) z₂), whose
 * slope is χ_c(c) = σ_w² E[φ′(u₁)φ′(u₂)]; χ_c(1) = χ₁.
 *
 * <p>In the ordered phase (χ₁ ≤ 1) the stable fixed point is c* = 1; in the chaotic phase
 * (χ₁ > 1) c* = 1 repels and correlations settle at the fixed point c* < 1, found here, at the
 * rate χ_c(c*) < 1: ξ_c = −1/ln χ_c(c*) is then a positive depth, like the ordered phase's.
 *
 * @param map the length map (φ, σ_w², σ_b²)
 * @param qStar its fixed point, finite and > 0
 */
public record CorrelationMap(MeanField map, double qStar) {
  /** c* is found to this absolute accuracy. */
  static final double ACCURACY = 1e-12;
  /** The step of the downward search that brackets c*. */
  private static final double STEP = 0.05;

  /** Checks that q* is finite and positive: only then do two inputs have a correlation. */
  public CorrelationMap {
    if (!(qStar > 0) || Double.isInfinite(qStar)) {
      throw new IllegalArgumentException("q* must be finite and > 0, got " + qStar);
    }
  }

  /** C(c), for c in [−1, 1]. */
  public double next(double c) {
    Activation phi = map.activation();
    return (map.weightVariance() * pairExpectation(phi::apply, c) + map.biasVariance()) / qStar;
  }

  /** χ_c(c) = σ_w² E[φ′(u₁)φ′(u₂)]. */
  public double slope(double c) {
    Activation phi = map.activation();
    return map.weightVariance() * pairExpectation(x -> phi.derivative(x, phi.apply(x)), c);
  }

  /**
   * The stable fixed point c*: 1 unless χ₁ > 1. Then correlations starting near 1 fall to the
   * largest fixed point below 1 (C increases with c): from the c nearest 1 where C(c) < c, steps
   * of 0.05 down to one where C(c) ≥ c bracket it, and Brent's method solves C(c) = c. C(0) ≥ 0
   * always (σ_b² ≥ 0, and E[φ(u₁)φ(u₂)] = E[φ]² at c = 0), so the search ends by c = 0.
   */
  public double fixedPoint() {
    if (map.chi1(qStar) <= 1.0 + FixedPoint.CRITICAL) {
      return 1.0;
    }
    double gap = 1e-6;
    while (next(1.0 - gap) - (1.0 - gap) >= 0) {
      gap *= 2;
      if (gap >= 1) {
        // So close to criticality that c* lies within 1e−6 of 1, where C(c) − c is below
        // the quadrature's resolution: c* = 1 to that accuracy.
        return 1.0;
      }
    }
    double hi = 1.0 - gap;
    double lo = hi;
    double residual;
    do {
      lo = Math.max(0.0, lo - STEP);
      residual = next(lo) - lo;
    } while (residual < 0 && lo > 0);
    if (residual <= 0) {
      return lo; // an exact root, or C(0) = 0 up to rounding (odd φ, σ_b = 0)
    }
    return new BrentSolver(ACCURACY).solve(500, c -> next(c) - c, lo, hi);
  }

  /** E[f(u₁)f(u₂)] by the graded rule in z₁ and, for each z₁, the shifted one in z₂. */
  private double pairExpectation(DoubleUnaryOperator f, double c) {
    double s = Math.sqrt(qStar);
    double spread = s * Math.sqrt(Math.max(0.0, 1.0 - c * c));
    GaussianRule outer = GaussianRule.forScale(s);
    double sum = 0.0;
    for (int i = 0; i < outer.z.length; i++) {
      for (double z1 : new double[] {outer.z[i], -outer.z[i]}) {
        double u1 = s * z1;
        double m = s * c * z1;
        double inner = spread > 0 ? GaussianRule.expectShifted(f, m, spread) : f.applyAsDouble(m);
        sum += outer.weight[i] * f.applyAsDouble(u1) * inner;
      }
    }
    return sum;
  }
}
