package sigprop.summary;

import java.util.Objects;
import sigprop.experiment.CellStatus;
import sigprop.stats.SiteRecord;

/**
 * What one seed (one cell) recorded at one (configuration, step, layer, site): its identity, its
 * status, its per-seed statistics in {@link LayerStatistic} order, and its exact record.
 *
 * @param cellId the cell, which a sweep folder may hold more than once (a later wave reran it)
 * @param seed the cell's seed
 * @param status how the cell ended
 * @param source which input folder the row came from (0-based, command-line order)
 * @param wave the sweep wave the row was written in
 * @param values one value per {@link LayerStatistic}, in order
 * @param record the exact record, for pooling
 */
public record SeedValues(String cellId, long seed, CellStatus status, int source, int wave,
    double[] values, SiteRecord record) {

  /** Checks that there is one value per statistic. */
  public SeedValues {
    Objects.requireNonNull(cellId, "cellId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(record, "record");
    if (values.length != LayerStatistic.ALL.size()) {
      throw new IllegalArgumentException("expected " + LayerStatistic.ALL.size()
          + " statistics, got " + values.length);
    }
    values = values.clone();
  }

  /** A copy of the values. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** The value of one statistic. */
  public double value(LayerStatistic statistic) {
    return values[statistic.ordinal()];
  }
}
