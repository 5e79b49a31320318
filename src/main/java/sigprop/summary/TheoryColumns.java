package sigprop.summary;

import java.util.Map;
import sigprop.net.Site;

/**
 * The predictions written beside the measured statistics of one row (at initialization, step 0,
 * hidden layers only; NaN elsewhere), from the sweep's theory table:
 * <ul>
 *   <li>pre_activation: variance = {@code pre_activation_var}; linear regime
 *       {@code linear_forward_var};
 *   <li>output: mean = {@code output_mean}, variance = {@code output_var}, saturation fractions
 *       {@code sat90}, {@code sat99};
 *   <li>output_gradient: the theory gives variances relative to the top hidden layer L, so
 *       log10 variance = {@code log10_output_gradient_var_rel} + the measured mean log10 variance
 *       at L (the anchor); linear regime likewise from {@code linear_backward_var_rel}.
 *   <li>pre_activation_gradient: likewise from {@code log10_pre_activation_gradient_var_rel},
 *       anchored at this site's own measured mean log10 variance at L; linear regime (φ′ = 1,
 *       so ∂L/∂z = ∂L/∂y) from {@code linear_backward_var_rel}.
 * </ul>
 * Variances out of double range are NaN here; their log10 columns stay finite where the theory
 * table carries a log10 (the mean-field output gradients) and are NaN where it overflowed or
 * underflowed (forward variances, the linear regime's products).
 */
public record TheoryColumns(double mean, double variance, double log10Variance,
    double linearLog10Variance, double fracSat90, double fracSat99) {

  /** No prediction. */
  public static final TheoryColumns NONE = new TheoryColumns(Double.NaN, Double.NaN, Double.NaN,
      Double.NaN, Double.NaN, Double.NaN);

  /**
   * The prediction at a site from the theory row of its configuration and layer (column name →
   * value) and, for the gradient sites, the anchor: the site's measured mean log10 variance at
   * the top hidden layer (NaN when unknown).
   */
  public static TheoryColumns at(String site, Map<String, Double> theory, double gradientAnchor) {
    if (site.equals(Site.PRE_ACTIVATION.key())) {
      double variance = normal(get(theory, "pre_activation_var"));
      return new TheoryColumns(Double.NaN, variance, log10(variance),
          log10(get(theory, "linear_forward_var")), Double.NaN, Double.NaN);
    }
    if (site.equals(Site.OUTPUT.key())) {
      double variance = normal(get(theory, "output_var"));
      double mean = known(get(theory, "output_mean"));
      if (get(theory, "output_var") < Double.MIN_NORMAL && Math.abs(mean) < Double.MIN_NORMAL) {
        mean = Double.NaN; // underflowed with the variance: 0 by rounding, as measured means
      }
      return new TheoryColumns(mean, variance, log10(variance),
          Double.NaN, get(theory, "sat90"), get(theory, "sat99"));
    }
    boolean outputGradient = site.equals(Site.OUTPUT_GRADIENT.key());
    if (outputGradient || site.equals(Site.PRE_ACTIVATION_GRADIENT.key())) {
      double log10 = get(theory, outputGradient ? "log10_output_gradient_var_rel"
          : "log10_pre_activation_gradient_var_rel") + gradientAnchor;
      double linear = log10(get(theory, "linear_backward_var_rel")) + gradientAnchor;
      return new TheoryColumns(Double.NaN, inRange(log10), log10, linear, Double.NaN,
          Double.NaN);
    }
    return NONE;
  }

  /**
   * The same prediction without saturation fractions: for rows where none was measured (an
   * unbounded activation, or a norm after it), so no prediction stands beside an empty column.
   */
  public TheoryColumns withoutSaturation() {
    return new TheoryColumns(mean, variance, log10Variance, linearLog10Variance, Double.NaN,
        Double.NaN);
  }

  private static double get(Map<String, Double> theory, String column) {
    Double v = theory.get(column);
    return v == null ? Double.NaN : v;
  }

  /**
   * NaN for ±∞: the theory table computes forward means in double, so ∞ there means it
   * overflowed (weights of std 1e200, say), not a prediction; an empty column, not a wrong one.
   */
  private static double known(double v) {
    return Double.isInfinite(v) ? Double.NaN : v;
  }

  /**
   * A forward variance the theory table computed in double, NaN outside double's normal range:
   * ∞ means it overflowed, 0 or a subnormal that it underflowed (std 0.001 in a deep relu net
   * gives 10^-558), neither a prediction of that value.
   */
  private static double normal(double v) {
    return v >= Double.MIN_NORMAL && v <= Double.MAX_VALUE ? v : Double.NaN;
  }

  /**
   * log10 of a variance the theory table computed in double (forward variances, the linear
   * regime's products): NaN where it overflowed to ∞ or left the normal range toward 0, which
   * says nothing about the prediction's scale.
   */
  private static double log10(double v) {
    return Math.log10(normal(v));
  }

  /** 10^log10 when it is a normal double, else NaN (the log10 column carries it). */
  private static double inRange(double log10) {
    return normal(Math.pow(10, log10));
  }
}
