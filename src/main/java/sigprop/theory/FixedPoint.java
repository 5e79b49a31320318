package sigprop.theory;

/**
 * The mean-field scalars of one length map (Poole et al. 2016; Schoenholz et al. 2017).
 *
 * <p>ξ_q⁻¹ = −ln[χ₁ + σ_w²∫Dz φ″(√q* z)φ(√q* z)] (the length map's slope at q*) and
 * ξ_c⁻¹ = −ln χ_c(c*) at the stable fixed point c* of the correlation map: c* = 1 and
 * χ_c = χ₁ in the ordered phase, c* < 1 ({@link CorrelationMap}) in the chaotic phase (χ₁ > 1
 * with a finite q* > 0), so ξ_c diverges at criticality from both sides. A rate within
 * {@value #CRITICAL} of 1 (the quadrature's accuracy) gives ξ = +∞ (criticality); a rate above 1
 * gives a negative ξ, whose size is the depth over which the deviation grows by e (ξ_q where the
 * length map repels; ξ_c = −1/ln χ₁ where q* is 0 or +∞ and no correlation map exists).
 *
 * @param weightVariance σ_w²
 * @param biasVariance σ_b²
 * @param qStar the fixed point reached from the start (0 if it decays to 0, +∞ if it diverges)
 * @param chi1 χ₁ = σ_w² E[φ′(√q* z)²]
 * @param lengthSlope dq^{l+1}/dq^l at q*
 * @param cStar the stable fixed point of the correlation map (1 in the ordered phase)
 * @param xiQ ξ_q
 * @param xiC ξ_c
 */
public record FixedPoint(
    double weightVariance, double biasVariance, double qStar, double chi1, double lengthSlope,
    double cStar, double xiQ, double xiC) {
  /** Rates this close to 1 count as critical. */
  public static final double CRITICAL = 1e-12;

  /** The fixed point of the map with its χ₁, slope and depth scales. */
  static FixedPoint of(MeanField map, double qStar) {
    ActivationMoments m = ActivationMoments.of(map.activation(), qStar);
    double chi1 = map.weightVariance() * m.derivativeMeanSquare();
    double slope = map.weightVariance() * m.meanSquareSlope();
    double cStar = 1.0;
    double chiC = chi1;
    if (chi1 > 1.0 + CRITICAL && qStar > 0 && qStar < Double.POSITIVE_INFINITY) {
      try {
        CorrelationMap correlations = new CorrelationMap(map, qStar);
        cStar = correlations.fixedPoint();
        // c* within 1e−6 of 1 (χ₁ − 1 below ~5e−8) reads 1, where the slope is χ₁ > 1, the
        // unstable one; the stable c* = 1 − 2(χ₁ − 1)/C″ just below has slope 2 − χ₁ to first
        // order, so ξ_c ≈ 1/(χ₁ − 1) continues the values above it.
        chiC = cStar == 1.0 ? 2.0 - chi1 : correlations.slope(cStar);
      } catch (RuntimeException e) { // a solver that does not converge: unknown, not fatal
        cStar = Double.NaN;
        chiC = Double.NaN;
      }
    }
    return new FixedPoint(map.weightVariance(), map.biasVariance(), qStar, chi1, slope, cStar,
        depthScale(slope), depthScale(chiC));
  }

  /** ξ = −1/ln(rate): +∞ at rate 1 (within {@link #CRITICAL}), negative above. */
  public static double depthScale(double rate) {
    if (Math.abs(rate - 1.0) <= CRITICAL) {
      return Double.POSITIVE_INFINITY;
    }
    return -1.0 / Math.log(rate);
  }
}
