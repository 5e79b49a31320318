package sigprop.stats;

import java.util.Objects;

/**
 * The summary of one site (layer × tensor) of one cell, or of several pooled by {@link #merge}:
 * moments, counters and a histogram of the finite values, whose true values are stored·2^scale.
 *
 * <p>Counts are of finite values: NaN and ±∞ are only counted in {@link #nonFinite()}, and
 * fractions are over the finite count. Saturation is measured against the activation's range
 * ({@link SaturationRange}: |v| &gt; 0.9 for tanh, v &lt; 0.05 or v &gt; 0.95 for sigmoid); with
 * none (an unbounded activation, a gradient) the fractions are NaN. True-valued
 * getters round to double range (0 or ±∞ outside it); the log10 getters and {@link #quantiles()}'s
 * log10Abs stay finite (see {@link Moments}).
 *
 * @param moments count, mean, M2, min, max, Σ|v| and their scale: the fields to pool exactly
 * @param histogram counts of the finite values; its total equals moments.count()
 * @param saturation the activation's range for saturation, {@link SaturationRange#NONE} when not
 *     applicable
 * @param nonFinite the number of NaN and ±∞ values seen
 * @param zeros the number of values exactly ±0
 * @param saturated90 the number of values with |v − centre| &gt; 0.9·halfWidth of the range
 * @param saturated99 the number of values with |v − centre| &gt; 0.99·halfWidth
 * @param jacobianSum the sum of the Jacobian diagnostics reported (0 when none)
 * @param jacobianCount how many Jacobian diagnostics were reported
 */
public record SiteRecord(
    Moments moments,
    Histogram histogram,
    SaturationRange saturation,
    long nonFinite,
    long zeros,
    long saturated90,
    long saturated99,
    double jacobianSum,
    long jacobianCount) {

  /** Checks that the counters agree with each other. */
  public SiteRecord {
    Objects.requireNonNull(moments, "moments");
    Objects.requireNonNull(histogram, "histogram");
    Objects.requireNonNull(saturation, "saturation");
    if (histogram.total() != moments.count()) {
      throw new IllegalArgumentException("histogram total " + histogram.total()
          + " != finite count " + moments.count());
    }
    if (nonFinite < 0 || zeros < 0 || zeros > moments.count() || saturated99 < 0
        || saturated99 > saturated90 || saturated90 > moments.count() || jacobianCount < 0) {
      throw new IllegalArgumentException("inconsistent counters: count=" + moments.count()
          + " nonFinite=" + nonFinite + " zeros=" + zeros + " sat90=" + saturated90
          + " sat99=" + saturated99 + " jacobianCount=" + jacobianCount);
    }
  }

  /**
   * The pooled record: counts add, moments and histograms merge; saturation ranges and specs must
   * match.
   */
  public SiteRecord merge(SiteRecord other) {
    if (!saturation.equals(other.saturation)) {
      throw new IllegalArgumentException("cannot merge records with different saturation ranges: "
          + saturation + " vs " + other.saturation);
    }
    return new SiteRecord(moments.merge(other.moments), histogram.merge(other.histogram),
        saturation,
        nonFinite + other.nonFinite, zeros + other.zeros, saturated90 + other.saturated90,
        saturated99 + other.saturated99, jacobianSum + other.jacobianSum,
        jacobianCount + other.jacobianCount);
  }

  /** The number of finite values. */
  public long count() {
    return moments.count();
  }

  /** The true mean. */
  public double mean() {
    return moments.mean();
  }

  /** The true unbiased variance (n−1); 0 or +∞ outside double range. */
  public double variance() {
    return moments.variance();
  }

  /** The true standard deviation (unbiased variance). */
  public double std() {
    return moments.std();
  }

  /** log10 of the true variance, finite whenever the stored variance is positive. */
  public double log10Variance() {
    return moments.log10Variance();
  }

  /** The true minimum. */
  public double min() {
    return moments.min();
  }

  /** The true maximum. */
  public double max() {
    return moments.max();
  }

  /** The true mean of |v|. */
  public double meanAbs() {
    return moments.meanAbs();
  }

  /** The true root mean square. */
  public double rms() {
    return moments.rms();
  }

  /** log10 of the true root mean square. */
  public double log10Rms() {
    return moments.log10Rms();
  }

  /** The fraction of finite values that are exactly zero. */
  public double fracZero() {
    return (double) zeros / count();
  }

  /** The fraction saturated at level 0.9 of the range; NaN without a range. */
  public double fracSat90() {
    return saturation.isBounded() ? (double) saturated90 / count() : Double.NaN;
  }

  /** The fraction saturated at level 0.99 of the range; NaN without a range. */
  public double fracSat99() {
    return saturation.isBounded() ? (double) saturated99 / count() : Double.NaN;
  }

  /** The mean of the reported Jacobian diagnostics; NaN when none was reported. */
  public double jacobian() {
    return jacobianCount == 0 ? Double.NaN : jacobianSum / jacobianCount;
  }

  /** The same record with one more Jacobian diagnostic. */
  public SiteRecord withJacobian(double meanSquaredSingularValue) {
    return new SiteRecord(moments, histogram, saturation, nonFinite, zeros, saturated90,
        saturated99, jacobianSum + meanSquaredSingularValue, jacobianCount + 1);
  }

  /**
   * The p-quantile from the histogram clamped to [min, max]; null where the histogram gives no
   * estimate ({@link Histogram}); throws when there are no values.
   */
  public ScaledDouble quantile(double p) {
    return histogram.quantile(p, moments.exactMin(), moments.exactMax());
  }

  /** The {@link Quantiles#standard()} quantiles (NaN when there are no values). */
  public Quantiles quantiles() {
    return quantiles(Quantiles.standard());
  }

  /** The quantiles at the given probabilities (NaN when there are no values). */
  public Quantiles quantiles(double... probabilities) {
    if (count() == 0) {
      return new Quantiles(probabilities, null);
    }
    return new Quantiles(probabilities,
        histogram.quantiles(probabilities, moments.exactMin(), moments.exactMax()));
  }

  /** The headline statistics. */
  @Override
  public String toString() {
    return "SiteRecord[count=" + count() + ", mean=" + mean() + ", std=" + std()
        + ", log10Variance=" + log10Variance() + ", min=" + min() + ", max=" + max()
        + ", meanAbs=" + meanAbs() + ", rms=" + rms() + ", fracZero=" + fracZero()
        + ", fracSat90=" + fracSat90() + ", fracSat99=" + fracSat99() + ", nonFinite="
        + nonFinite + ", jacobian=" + jacobian() + ", " + quantiles() + ", " + histogram + "]";
  }
}
