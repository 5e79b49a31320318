package sigprop.summary;

import java.util.Objects;
import sigprop.stats.SiteRecord;

/**
 * The record of every value of every used seed, pooled exactly ({@link SiteRecord#merge}): its
 * count, mean and unbiased variance (with log10, finite beyond double range) from the merged
 * count/mean/M2, and the summed histogram.
 */
public record PooledRecord(
    long count, double mean, double variance, double log10Variance, SparseHistogram histogram) {

  /** Checks the histogram is given. */
  public PooledRecord {
    Objects.requireNonNull(histogram, "histogram");
  }

  /** The pooled values of a merged record. */
  public static PooledRecord of(SiteRecord merged) {
    return new PooledRecord(merged.count(), merged.mean(), merged.variance(),
        merged.log10Variance(), SparseHistogram.of(merged.histogram()));
  }
}
