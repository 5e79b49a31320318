package sigprop.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sigprop.report.Column;
import sigprop.report.CsvBoolean;
import sigprop.report.Table;
import sigprop.report.TableSchema;

/** The {@code layers} summary table: one row per configuration, step, layer and site. */
public final class LayerStatisticsTable {
  /** The table's name and CSV stem. */
  public static final String NAME = "layers";

  private static final List<String> PARTS = List.of("mean", "sd", "ci_lo", "ci_hi");

  private LayerStatisticsTable() {}

  /** The table of rows in the order given, with the configurations' parameter columns. */
  public static SummaryTable build(List<LayerRow> rows, List<Column> parameters) {
    Table.Builder table = Table.builder();
    IdentityColumns.add(table, parameters);
    table.longColumn("step").longColumn("layer").booleanColumn("is_head").stringColumn("site");
    for (String count : List.of("n_seeds", "n_ok", "n_diverged", "n_failed", "n_rows",
        "n_used")) {
      table.longColumn(count);
    }
    for (LayerStatistic s : LayerStatistic.ALL) {
      for (String part : PARTS) {
        table.doubleColumn(s.column() + "_" + part);
      }
    }
    table.longColumn("pooled_count").doubleColumn("pooled_mean").doubleColumn("pooled_variance")
        .doubleColumn("pooled_log10_variance");
    for (String theory : List.of("theory_mean", "theory_variance", "theory_log10_variance",
        "theory_linear_log10_variance", "theory_frac_sat90", "theory_frac_sat99")) {
      table.doubleColumn(theory);
    }
    for (LayerRow row : rows) {
      table.addRow(values(row, parameters).toArray());
    }
    Table built = table.build();
    return new SummaryTable(built, TableSchema.of(NAME,
        "configuration, training step, layer and site: statistics over the configuration's seeds",
        built, descriptions(parameters)));
  }

  private static List<Object> values(LayerRow row, List<Column> parameters) {
    List<Object> v = new ArrayList<>();
    IdentityColumns.values(v, row.config(), parameters);
    LayerKey key = row.key();
    v.add((long) key.step());
    v.add((long) key.layer());
    v.add(CsvBoolean.of(key.head()));
    v.add(key.site());
    StatusCounts counts = row.config().counts();
    LayerSummary summary = row.summary();
    for (long n : new long[] {counts.seeds(), counts.ok(), counts.diverged(), counts.failed(),
        summary.nRows(), summary.nUsed()}) {
      v.add(n);
    }
    for (SeedStatistics s : summary.statistics()) {
      v.add(s.mean());
      v.add(s.sd());
      v.add(s.ciLo());
      v.add(s.ciHi());
    }
    PooledRecord pooled = summary.pooled();
    v.add(pooled == null ? null : pooled.count());
    v.add(pooled == null ? Double.NaN : missingUnderflowed(pooled.mean(),
        pooled.log10Variance()));
    v.add(pooled == null ? Double.NaN : missingOutOfRange(pooled.variance(),
        pooled.log10Variance()));
    v.add(pooled == null ? Double.NaN : pooled.log10Variance());
    TheoryColumns t = row.theory();
    v.add(t.mean());
    v.add(t.variance());
    v.add(t.log10Variance());
    v.add(t.linearLog10Variance());
    v.add(t.fracSat90());
    v.add(t.fracSat99());
    return v;
  }

  /** The variance, or NaN where it left double's normal range (with a finite log10). */
  private static double missingOutOfRange(double variance, double log10) {
    boolean outside = !(variance >= Double.MIN_NORMAL && variance <= Double.MAX_VALUE)
        && Double.isFinite(log10);
    return outside ? Double.NaN : variance;
  }

  /**
   * The pooled mean, or NaN where it is 0 or subnormal in values whose spread is within 16
   * decades of double's smallest normal: 0 by rounding there, not by measurement (as
   * {@link SeedAggregation} treats each seed's mean).
   */
  private static double missingUnderflowed(double mean, double log10Variance) {
    boolean underflowed = Math.abs(mean) < Double.MIN_NORMAL
        && 0.5 * log10Variance < SeedAggregation.UNDERFLOW_RMS_LOG10;
    return underflowed ? Double.NaN : mean;
  }

  private static Map<String, String> descriptions(List<Column> parameters) {
    Map<String, String> d = IdentityColumns.descriptions(parameters);
    d.put("step", "training steps taken before the recording (0 = at initialization)");
    d.put("layer", "the layer: 1..L hidden, L+1 the output head");
    d.put("is_head", "TRUE for the output head (layer L+1), else FALSE");
    d.put("site", "the recorded tensor: pre_activation (z = x·W + b), normalized (the norm's"
        + " output), output (what the next layer reads), output_gradient (∂L/∂output),"
        + " pre_activation_gradient (∂L/∂z, z before any norm), weight, weight_gradient");
    d.put("n_seeds", "cells (seeds) of the configuration in the cells table");
    d.put("n_ok", "of those, cells that ended ok");
    d.put("n_diverged", "cells that diverged (non-finite values appeared); never averaged");
    d.put("n_failed", "cells that failed (an exception); never averaged");
    d.put("n_rows", "cells with a row at this step, layer and site, whatever their status");
    d.put("n_used", "ok cells with a row here: the seeds every mean, sd and bound is over");
    for (LayerStatistic s : LayerStatistic.ALL) {
      String what = "each used seed's value of " + s.description();
      String column = s.column();
      String log = column.startsWith("log10") ? " (the mean of a log10 is log10 of the"
          + " geometric mean over seeds)" : "";
      String range = s.logForm() == null ? ""
          : "; empty where a seed's value left double's normal range (0, subnormal or ∞): use "
              + s.logForm().column() + "_*";
      d.put(column + "_mean", "mean over the n_used seeds of " + what + log
          + "; empty unless finite in every seed" + range);
      d.put(column + "_sd", "standard deviation (n − 1) over the seeds of " + what
          + "; empty for fewer than two seeds");
      d.put(column + "_ci_lo", "lower 95 % confidence bound of " + column + "_mean:"
          + " mean − t(0.975; n − 1)·sd/√n (Student t)");
      d.put(column + "_ci_hi", "upper 95 % confidence bound of " + column + "_mean:"
          + " mean + t(0.975; n − 1)·sd/√n");
    }
    d.put("pooled_count", "finite values of all used seeds together");
    d.put("pooled_mean", "the mean of all used seeds' values pooled exactly (count/mean/M2);"
        + " empty where it underflowed (values within 16 decades of 1e-308)");
    d.put("pooled_variance", "the unbiased variance of all used seeds' values pooled exactly;"
        + " empty where it leaves double range (see pooled_log10_variance)");
    d.put("pooled_log10_variance", "log10 of pooled_variance, finite beyond double range");
    d.put("theory_mean", "predicted mean (output site: mean-field E[y]); step 0, hidden layers;"
        + " empty where it underflowed to 0 with the variance");
    d.put("theory_variance", "predicted variance: pre_activation Var[z], output Var[y],"
        + " output_gradient Var[∂L/∂y] and pre_activation_gradient Var[∂L/∂z], each anchored at"
        + " its own measured value at layer L; step 0, hidden layers; empty out of"
        + " double's normal range (0 included: the theory table underflowed)");
    d.put("theory_log10_variance", "log10 of the predicted variance; for output_gradient the"
        + " theory's log10_output_gradient_var_rel plus the measured log10_variance_mean at the"
        + " top hidden layer L (pre_activation_gradient: log10_pre_activation_gradient_var_rel"
        + " plus that site's own value at L)");
    d.put("theory_linear_log10_variance", "Glorot & Bengio's linear-regime log10 variance:"
        + " pre_activation from linear_forward_var, output_gradient and pre_activation_gradient"
        + " (φ′ = 1 there) from linear_backward_var_rel"
        + " anchored like theory_log10_variance; empty with a norm");
    d.put("theory_frac_sat90", "predicted saturated fraction, as frac_sat90 (output site)");
    d.put("theory_frac_sat99", "predicted saturated fraction, as frac_sat99 (output site)");
    return d;
  }
}
