package sigprop.stats;

import java.util.Objects;

/**
 * Count, mean, M2 = Σ(v − mean)², min, max and Σ|v| of the finite values of one or more tensors,
 * mergeable exactly in count, min and max and to rounding in the rest (Chan, Golub and LeVeque
 * 1979).
 *
 * <p>Fields named {@code scaled…} are in stored units: the true mean is
 * {@code scaledMean · 2^log2Scale}, the true M2 is {@code scaledM2 · 4^log2Scale}. Records built by
 * {@link #of} and {@link #merge} keep the largest stored magnitude in [1, 2), so the stored
 * moments neither overflow nor underflow whatever the true magnitude. The extremes carry their
 * own scales ({@link ScaledDouble}), so a min 2^1074 times smaller than the largest value (say
 * −1e-200 beside 1e+200) stays exact.
 *
 * <p>Out of double range: the true-valued getters ({@link #variance()}, {@link #mean()}, …) return
 * the nearest double, which is 0 (or a subnormal with few significant bits) below 2^-1074 ≈
 * 4.9e-324 and ±infinity above 1.8e308. The {@code log10…} getters stay finite whenever the stored
 * quantity is positive, so a variance of 1e-700 reads variance() = 0, log10Variance() ≈ -700.
 *
 * @param exactMin the smallest value, null when empty (read it through {@link #exactMin()})
 * @param exactMax the largest value, null when empty
 */
public record Moments(
    long count,
    double scaledMean,
    double scaledM2,
    ScaledDouble exactMin,
    ScaledDouble exactMax,
    double scaledSumAbs,
    int log2Scale) {

  /** No values: count 0, mean 0, M2 0, no extremes. */
  public static final Moments EMPTY = new Moments(0, 0, 0, null, null, 0, 0);

  /** Checks the invariants a merge relies on. */
  public Moments {
    if (count < 0 || scaledM2 < 0 || scaledSumAbs < 0) {
      throw new IllegalArgumentException("count, M2 and sum|v| must be >= 0: count=" + count
          + " M2=" + scaledM2 + " sumAbs=" + scaledSumAbs);
    }
    if (count > 0 && (exactMin == null || exactMax == null || exactMin.compareTo(exactMax) > 0)) {
      throw new IllegalArgumentException("min " + exactMin + " > max " + exactMax);
    }
  }

  /**
   * Moments whose extremes are given in stored units too, {@code scaledMin · 2^log2Scale} (as the
   * layers table keeps them); NaN extremes when count is 0.
   */
  public static Moments scaled(long count, double scaledMean, double scaledM2, double scaledMin,
      double scaledMax, double scaledSumAbs, int log2Scale) {
    return new Moments(count, scaledMean, scaledM2,
        count == 0 ? null : new ScaledDouble(scaledMin, log2Scale),
        count == 0 ? null : new ScaledDouble(scaledMax, log2Scale), scaledSumAbs, log2Scale);
  }

  /**
   * The moments of the finite values of {@code values[offset, offset+length)} whose true values
   * are values·2^log2Scale: a plain Welford pass, kept simple as a reference for
   * {@link SiteAccumulator}.
   */
  public static Moments of(double[] values, int offset, int length, int log2Scale) {
    Objects.checkFromIndexSize(offset, length, values.length);
    double maxAbs = -1;
    for (int i = offset; i < offset + length; i++) {
      double a = Math.abs(values[i]);
      if (a <= Double.MAX_VALUE && a > maxAbs) {
        maxAbs = a;
      }
    }
    if (maxAbs < 0) {
      return EMPTY;
    }
    // Normalize so that Σ(v−mean)² cannot overflow even for values near Double.MAX_VALUE.
    int e = maxAbs == 0 ? 0 : Math.getExponent(maxAbs);
    double f = Math.scalb(1.0, -e);
    long n = 0;
    double mean = 0;
    double m2 = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double sumAbs = 0;
    for (int i = offset; i < offset + length; i++) {
      double v = values[i];
      if (!(Math.abs(v) <= Double.MAX_VALUE)) {
        continue;
      }
      double x = v * f;
      n++;
      double delta = x - mean;
      mean += delta / n;
      m2 += delta * (x - mean);
      min = Math.min(min, x);
      max = Math.max(max, x);
      sumAbs += Math.abs(x);
    }
    return scaled(n, mean, m2, min, max, sumAbs, Math.addExact(log2Scale, e));
  }

  /**
   * The moments of the union of both value sets (Chan et al.): count exact, the rest to rounding.
   * Both sides are first rescaled (exactly, by powers of two) to the larger of their magnitude
   * exponents, so the result again has its largest stored magnitude in [1, 2).
   */
  public Moments merge(Moments other) {
    if (other.count == 0) {
      return this;
    }
    if (count == 0) {
      return other;
    }
    long ea = magnitudeExponent();
    long eb = other.magnitudeExponent();
    // An all-zero side has no magnitude; its scale must not decide (it could underflow the other).
    int target = ea == Long.MIN_VALUE && eb == Long.MIN_VALUE ? log2Scale
        : Math.toIntExact(Math.max(ea, eb));
    Moments a = rescaleTo(target);
    Moments b = other.rescaleTo(target);
    long n = Math.addExact(a.count, b.count);
    double delta = b.scaledMean - a.scaledMean;
    double mean = a.scaledMean + delta * ((double) b.count / n);
    double m2 = a.scaledM2 + b.scaledM2 + delta * delta * ((double) a.count * b.count / n);
    return new Moments(n, mean, m2, ScaledDouble.min(a.exactMin, b.exactMin),
        ScaledDouble.max(a.exactMax, b.exactMax), a.scaledSumAbs + b.scaledSumAbs, target);
  }

  /**
   * The same moments stored at another scale (exact unless stored values leave double range;
   * the extremes keep their own scales).
   */
  public Moments rescaleTo(int newLog2Scale) {
    if (newLog2Scale == log2Scale || count == 0) {
      return count == 0 ? EMPTY : this;
    }
    long shift = (long) log2Scale - newLog2Scale;
    return new Moments(count, Pow2.scale(scaledMean, shift), Pow2.scale(scaledM2, 2 * shift),
        exactMin, exactMax, Pow2.scale(scaledSumAbs, shift), newLog2Scale);
  }

  /** The binary exponent of the largest magnitude; Long.MIN_VALUE if all zero. */
  private long magnitudeExponent() {
    long e = Long.MIN_VALUE;
    for (ScaledDouble x : new ScaledDouble[] {exactMin, exactMax}) {
      if (x.signum() != 0) {
        e = Math.max(e, x.log2Scale()); // normalized: |value| in [1, 2)
      }
    }
    return e;
  }

  /**
   * The min in stored units, min/2^log2Scale, as the layers table keeps it (NaN when empty): 0
   * when it is more than 2^1074 times smaller in magnitude than the largest value, which the
   * record itself keeps exact.
   */
  public double scaledMin() {
    return count == 0 ? Double.NaN
        : Pow2.scale(exactMin.value(), (long) exactMin.log2Scale() - log2Scale);
  }

  /** The max in stored units, as {@link #scaledMin()}. */
  public double scaledMax() {
    return count == 0 ? Double.NaN
        : Pow2.scale(exactMax.value(), (long) exactMax.log2Scale() - log2Scale);
  }

  /** The true mean (NaN when empty). */
  public double mean() {
    return count == 0 ? Double.NaN : Pow2.scale(scaledMean, log2Scale);
  }

  /** The stored unbiased variance M2/(n−1); NaN for fewer than two values. */
  public double scaledVariance() {
    return count < 2 ? Double.NaN : scaledM2 / (count - 1);
  }

  /** The true unbiased variance M2/(n−1), like torch.var; 0 or +∞ when out of double range. */
  public double variance() {
    return Pow2.scale(scaledVariance(), 2L * log2Scale);
  }

  /** log10 of the true unbiased variance: finite whenever the stored variance is positive. */
  public double log10Variance() {
    return StrictMath.log10(scaledVariance()) + 2.0 * log2Scale * Pow2.LOG10_2;
  }

  /** The true standard deviation, from the stored one: in range whenever the true std is. */
  public double std() {
    return Pow2.scale(Math.sqrt(scaledVariance()), log2Scale);
  }

  /** log10 of the true standard deviation. */
  public double log10Std() {
    return 0.5 * log10Variance();
  }

  /** The true minimum (NaN when empty). */
  public double min() {
    return count == 0 ? Double.NaN : exactMin.toDouble();
  }

  /** The true maximum (NaN when empty). */
  public double max() {
    return count == 0 ? Double.NaN : exactMax.toDouble();
  }

  /** The true minimum without rounding to double range; throws when empty. */
  @Override
  public ScaledDouble exactMin() {
    requireNonEmpty();
    return exactMin;
  }

  /** The true maximum without rounding to double range; throws when empty. */
  @Override
  public ScaledDouble exactMax() {
    requireNonEmpty();
    return exactMax;
  }

  /** The true mean of |v| (NaN when empty). */
  public double meanAbs() {
    return Pow2.scale(scaledSumAbs / count, log2Scale);
  }

  /** log10 of the true mean |v|. */
  public double log10MeanAbs() {
    return StrictMath.log10(scaledSumAbs / count) + log2Scale * Pow2.LOG10_2;
  }

  /** The true root mean square √(Σv²/n), from Σv²/n = M2/n + mean² (no cancellation). */
  public double rms() {
    return Pow2.scale(Math.sqrt(scaledMeanSquare()), log2Scale);
  }

  /** log10 of the true root mean square. */
  public double log10Rms() {
    return 0.5 * StrictMath.log10(scaledMeanSquare()) + log2Scale * Pow2.LOG10_2;
  }

  private double scaledMeanSquare() {
    return scaledM2 / count + scaledMean * scaledMean;
  }

  private void requireNonEmpty() {
    if (count == 0) {
      throw new IllegalStateException("no finite values");
    }
  }

  /** The true-valued summary, then the stored fields needed to pool exactly. */
  @Override
  public String toString() {
    return "Moments[count=" + count + ", mean=" + mean() + ", variance=" + variance()
        + ", log10Variance=" + log10Variance() + ", min=" + min() + ", max=" + max()
        + ", scaledMean=" + scaledMean + ", scaledM2=" + scaledM2 + ", log2Scale=" + log2Scale
        + "]";
  }
}
