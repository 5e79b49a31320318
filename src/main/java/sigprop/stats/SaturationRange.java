package sigprop.stats;

/**
 * The range (low, high) of a bounded activation, against which saturation is measured: a value
 * is saturated at level ℓ when |v − centre| &gt; ℓ·halfWidth, that is within (1 − ℓ)·halfWidth of
 * either asymptote. tanh and softsign (−1, 1) at 0.9: |v| &gt; 0.9; sigmoid (0, 1): v &lt; 0.05
 * or v &gt; 0.95, where σ′ has fallen to the same 19 % of its peak as tanh′ at |v| = 0.9, and
 * units stuck at 0 (Glorot and Bengio's top sigmoid layer) count as saturated.
 *
 * @param low the activation's infimum, NaN for {@link #NONE}
 * @param high its supremum, NaN for {@link #NONE}
 */
public record SaturationRange(double low, double high) {
  /** No saturation: an unbounded activation, or a site other than a bounded output. */
  public static final SaturationRange NONE = new SaturationRange(Double.NaN, Double.NaN);

  /** Checks for a finite range with low &lt; high, or both NaN. */
  public SaturationRange {
    boolean none = Double.isNaN(low) && Double.isNaN(high);
    if (!none && !(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
      throw new IllegalArgumentException(
          "saturation range must be finite with low < high, or none; got (" + low + ", " + high
              + ")");
    }
  }

  /** (−bound, bound) for a finite bound > 0; NONE for NaN or +∞. */
  public static SaturationRange symmetric(double bound) {
    if (Double.isNaN(bound) || bound == Double.POSITIVE_INFINITY) {
      return NONE;
    }
    if (!(bound > 0)) {
      throw new IllegalArgumentException("bound must be > 0, NaN or +inf, got " + bound);
    }
    return new SaturationRange(-bound, bound);
  }

  /** (low, high), or NONE when either end is infinite (an unbounded activation). */
  public static SaturationRange of(double low, double high) {
    return Double.isInfinite(low) || Double.isInfinite(high) ? NONE
        : new SaturationRange(low, high);
  }

  /** Whether saturation is measured. */
  public boolean isBounded() {
    return !Double.isNaN(low);
  }

  /** (low + high) / 2. */
  public double centre() {
    return 0.5 * low + 0.5 * high;
  }

  /** (high − low) / 2. */
  public double halfWidth() {
    return 0.5 * high - 0.5 * low;
  }
}
