package sigprop.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sigprop.experiment.CellStatus;
import sigprop.stats.SiteRecord;

/**
 * Summarizes the seeds of one (configuration, step, layer, site). Rules, so that no failed or
 * diverged cell enters a mean silently:
 * <ul>
 *   <li>a cell present more than once (rerun in a later wave, or given in two folders) counts
 *       once: its row from the last folder, then the highest wave;
 *   <li>only cells with status ok are averaged and pooled; the others are only counted;
 *   <li>a statistic is summarized only where every used seed has a finite value; where one does
 *       not (no saturation bound, no Jacobian, a dead layer's log10 of 0) it is missing, and so is
 *       a value that left double's normal range (0, subnormal or +∞ while its log10 form is
 *       finite): read the log10 form there; likewise a mean, extreme or quantile that is 0 or
 *       subnormal in a tensor whose rms is within 16 decades of double's smallest normal (those
 *       have no log10 form: the log10 of the variance, mean |v| and rms tell the scale);
 *   <li>seeds are taken in order of seed, so sums and merges, and the output, do not depend on
 *       the order rows arrive in.
 * </ul>
 */
public final class SeedAggregation {
  /**
   * log10 of an rms below which a tensor's mean, extremes and quantiles may have underflowed:
   * 16 decades above double's smallest normal, 2^-1022, where one value's rounding (2^-53 of the
   * rms) reaches the normal range.
   */
  static final double UNDERFLOW_RMS_LOG10 = Math.log10(Double.MIN_NORMAL) + 16;

  private static final Comparator<SeedValues> LATEST_FIRST =
      Comparator.comparingInt(SeedValues::source).thenComparingInt(SeedValues::wave).reversed();

  private SeedAggregation() {}

  /** The summary of the rows of one (configuration, step, layer, site). */
  public static LayerSummary summarize(List<SeedValues> rows) {
    List<SeedValues> seeds = latestPerCell(rows);
    List<SeedValues> used = new ArrayList<>();
    for (SeedValues s : seeds) {
      if (s.status() == CellStatus.OK) {
        used.add(s);
      }
    }
    List<SeedStatistics> statistics = new ArrayList<>();
    for (LayerStatistic statistic : LayerStatistic.ALL) {
      statistics.add(summarize(statistic, used));
    }
    SiteRecord pooled = null;
    for (SeedValues s : used) {
      pooled = pooled == null ? s.record() : pooled.merge(s.record());
    }
    return new LayerSummary(seeds.size(), used.size(), statistics,
        pooled == null ? null : PooledRecord.of(pooled));
  }

  /** One row per cell (the latest), ordered by seed, then cell id. */
  static List<SeedValues> latestPerCell(List<SeedValues> rows) {
    List<SeedValues> ordered = new ArrayList<>(rows);
    ordered.sort(LATEST_FIRST);
    Map<String, SeedValues> latest = new LinkedHashMap<>();
    for (SeedValues row : ordered) {
      latest.putIfAbsent(row.cellId(), row);
    }
    List<SeedValues> seeds = new ArrayList<>(latest.values());
    seeds.sort(Comparator.comparingLong(SeedValues::seed).thenComparing(SeedValues::cellId));
    return seeds;
  }

  private static SeedStatistics summarize(LayerStatistic statistic, List<SeedValues> used) {
    double[] values = new double[used.size()];
    LayerStatistic logForm = statistic.logForm();
    for (int i = 0; i < values.length; i++) {
      double v = used.get(i).value(statistic);
      if (!Double.isFinite(v)) {
        return SeedStatistics.MISSING;
      }
      if (logForm != null && v < Double.MIN_NORMAL
          && Double.isFinite(used.get(i).value(logForm))) {
        return SeedStatistics.MISSING; // underflowed: only its log10 form is meaningful
      }
      if (statistic.isOnValueScale() && Math.abs(v) < Double.MIN_NORMAL
          && used.get(i).value(LayerStatistic.LOG10_RMS) < UNDERFLOW_RMS_LOG10) {
        return SeedStatistics.MISSING; // a tensor near underflow: 0 or subnormal by rounding
      }
      values[i] = v;
    }
    return SeedStatistics.of(values);
  }
}
