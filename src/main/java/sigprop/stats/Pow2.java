package sigprop.stats;

/** Exact power-of-two scaling with exponents of any size, and the log constants used with it. */
final class Pow2 {
  /** log10(2). */
  static final double LOG10_2 = 0.3010299956639812;
  /** log2(10). */
  static final double LOG2_10 = 3.321928094887362;

  private Pow2() {}

  /**
   * x · 2^exponent, correctly rounded (exact unless the result is subnormal, zero or infinite).
   * The exponent is a long because 2·log2Scale of a variance may not fit an int.
   */
  static double scale(double x, long exponent) {
    // Beyond ±4000 every finite nonzero double has already gone to 0 or infinity.
    return Math.scalb(x, (int) Math.max(-4000, Math.min(4000, exponent)));
  }
}
