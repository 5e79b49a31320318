package sigprop.summary;

import java.util.List;

/**
 * One (configuration, step, layer, site) summarized over its seeds.
 *
 * @param nRows the seeds with a row here (each cell counted once)
 * @param nUsed the seeds whose status is ok: the only ones averaged and pooled
 * @param statistics one summary per {@link LayerStatistic}, in order; {@link
 *     SeedStatistics#MISSING} where some used seed lacks a finite value
 * @param pooled the exact pool of the used seeds, or null when none is used
 */
public record LayerSummary(int nRows, int nUsed, List<SeedStatistics> statistics,
    PooledRecord pooled) {

  /** Checks there is one summary per statistic. */
  public LayerSummary {
    statistics = List.copyOf(statistics);
    if (statistics.size() != LayerStatistic.ALL.size()) {
      throw new IllegalArgumentException("expected " + LayerStatistic.ALL.size()
          + " statistics, got " + statistics.size());
    }
  }

  /** The summary of one statistic. */
  public SeedStatistics statistic(LayerStatistic statistic) {
    return statistics.get(statistic.ordinal());
  }
}
