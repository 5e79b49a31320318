package sigprop.theory;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import sigprop.net.Activation;

/**
 * The mean-field length map q ↦ σ_w² E[φ(√q z)²] + σ_b² of a layer without norm (Poole et al.
 * 2016), with χ₁ and the map's slope.
 *
 * @param activation φ
 * @param weightVariance σ_w² = fan_in·E[w²]
 * @param biasVariance σ_b² = Var[b]
 */
public record MeanField(Activation activation, double weightVariance, double biasVariance) {
  /** Relative residual |ℳ(q)/q − 1| below which q counts as a fixed point. */
  static final double TOLERANCE = 1e-12;

  /** Checks that both variances are >= 0. */
  public MeanField {
    if (!(weightVariance >= 0) || !(biasVariance >= 0)) {
      throw new IllegalArgumentException("variances must be >= 0, got σ_w² = " + weightVariance
          + ", σ_b² = " + biasVariance);
    }
  }

  /** q^{l+1} = σ_w² E[φ(√q z)²] + σ_b². */
  public double lengthMap(double q) {
    return weightVariance * ActivationMoments.of(activation, q).meanSquare() + biasVariance;
  }

  /** χ₁ = σ_w² E[φ′(√q z)²]: the per-layer growth of gradient variance and of small deviations. */
  public double chi1(double q) {
    return weightVariance * ActivationMoments.of(activation, q).derivativeMeanSquare();
  }

  /** dq^{l+1}/dq^l = χ₁ + σ_w² E[φ″φ]. */
  public double lengthSlope(double q) {
    return weightVariance * ActivationMoments.of(activation, q).meanSquareSlope();
  }

  /**
   * The fixed point the iteration from qStart converges to, with its scalars. The map is
   * increasing in q for the activations here, so the iterates move monotonically toward the
   * nearest fixed point in the direction of ℳ(q) − q: bracket it by halving or doubling, then
   * solve with Brent. Reaching q < {@link ActivationMoments#Q_MIN} means q* = 0 (as at tanh's
   * critical point, where q^l decays only like 1/(2l)); q > {@link ActivationMoments#Q_MAX}
   * means q* = +∞ (no fixed point above the start). Residuals within {@link #TOLERANCE}·q are
   * treated as zero so that rounding does not invent a fixed point.
   */
  public FixedPoint fixedPoint(double qStart) {
    double start = qStart > ActivationMoments.Q_MIN ? qStart : lengthMap(qStart);
    if (!(start > ActivationMoments.Q_MIN)) {
      return FixedPoint.of(this, 0.0);
    }
    double r = residual(start);
    if (Math.abs(r) <= TOLERANCE) {
      return FixedPoint.of(this, start);
    }
    double lo = start;
    double hi = start;
    double q = start;
    if (r < 0) {
      while (true) {
        q /= 2;
        if (q < ActivationMoments.Q_MIN) {
          return FixedPoint.of(this, 0.0);
        }
        double rq = residual(q);
        if (rq > TOLERANCE) {
          lo = q;
          break;
        }
        if (rq < 0) {
          hi = q;
        }
      }
    } else {
      while (true) {
        q *= 2;
        if (q > ActivationMoments.Q_MAX) {
          return FixedPoint.of(this, Double.POSITIVE_INFINITY);
        }
        double rq = residual(q);
        if (rq < -TOLERANCE) {
          hi = q;
          break;
        }
        if (rq > 0) {
          lo = q;
        }
      }
    }
    BrentSolver brent = new BrentSolver(1e-15, lo * 1e-15);
    return FixedPoint.of(this, brent.solve(500, this::residual, lo, hi));
  }

  /** ℳ(q)/q − 1. */
  private double residual(double q) {
    return lengthMap(q) / q - 1.0;
  }
}
