package sigprop.theory;

/**
 * The mean-field scalars of one length map (Poole et al. 2016; Schoenholz et al. 2017).
 *
 * <p>ξ_q⁻¹ = −ln[χ₁ + σ_w²∫Dz φ″(√q* z)φ(√q* z)] (the length map's slope at q*) and
 * ξ_c⁻¹ = −ln χ_c at c* = 1, where χ_c = χ₁. A rate within {@value #CRITICAL} of 1 (the
 * quadrature's accuracy) gives ξ = +∞ (criticality); a rate above 1 gives a negative ξ, whose
 * size is the depth over which the deviation grows by e (for ξ_c: χ₁ > 1, the chaotic phase,
 * where c* = 1 is unstable and the stable c* < 1 is not computed here).
 *
 * @param weightVariance σ_w²
 * @param biasVariance σ_b²
 * @param qStar the fixed point reached from the start (0 if it decays to 0, +∞ if it diverges)
 * @param chi1 χ₁ = σ_w² E[φ′(√q* z)²]
 * @param lengthSlope dq^{l+1}/dq^l at q*
 * @param xiQ ξ_q
 * @param xiC ξ_c
 */
public record FixedPoint(
    double weightVariance, double biasVariance, double qStar, double chi1, double lengthSlope,
    double xiQ, double xiC) {
  /** Rates this close to 1 count as critical. */
  public static final double CRITICAL = 1e-12;

  /** The fixed point of the map with its χ₁, slope and depth scales. */
  static FixedPoint of(MeanField map, double qStar) {
    ActivationMoments m = ActivationMoments.of(map.activation(), qStar);
    double chi1 = map.weightVariance() * m.derivativeMeanSquare();
    double slope = map.weightVariance() * m.meanSquareSlope();
    return new FixedPoint(map.weightVariance(), map.biasVariance(), qStar, chi1, slope,
        depthScale(slope), depthScale(chi1));
  }

  /** ξ = −1/ln(rate): +∞ at rate 1 (within {@link #CRITICAL}), negative above. */
  public static double depthScale(double rate) {
    if (Math.abs(rate - 1.0) <= CRITICAL) {
      return Double.POSITIVE_INFINITY;
    }
    return -1.0 / Math.log(rate);
  }
}
