package sigprop.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import sigprop.experiment.CellResult;
import sigprop.experiment.CellSpec;
import sigprop.experiment.LayerRecord;
import sigprop.stats.Histogram;
import sigprop.stats.Moments;
import sigprop.stats.Quantiles;
import sigprop.stats.SiteRecord;

/**
 * The {@code layers} table: one row per (cell, step, layer, site). Every column is documented in
 * docs/OUTPUTS.md; the {@code moments_*} and {@code hist_*} columns rebuild the exact
 * {@link SiteRecord} so records pool across seeds exactly.
 */
public final class LayerTable {
  /** Column names of the quantiles, in {@link Quantiles#STANDARD} order. */
  public static final List<String> QUANTILES =
      List.of("q01", "q02", "q15", "q50", "q85", "q98", "q99");

  /** The schema, in column order. */
  public static final StructType SCHEMA = schema();

  private LayerTable() {}

  private static StructType schema() {
    List<StructField> f = new ArrayList<>();
    f.addAll(ParameterColumns.identityFields());
    f.add(DataTypes.createStructField("status", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("step", DataTypes.IntegerType, false));
    f.add(DataTypes.createStructField("layer", DataTypes.IntegerType, false));
    f.add(DataTypes.createStructField("is_head", DataTypes.BooleanType, false));
    f.add(DataTypes.createStructField("site", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("count", DataTypes.LongType, false));
    f.add(DataTypes.createStructField("non_finite", DataTypes.LongType, false));
    for (String name : List.of("mean", "variance", "std", "log10_variance", "log10_std", "min",
        "max", "mean_abs", "log10_mean_abs", "rms", "log10_rms", "frac_zero", "frac_sat90",
        "frac_sat99", "jacobian")) {
      f.add(DataTypes.createStructField(name, DataTypes.DoubleType, false));
    }
    for (String q : QUANTILES) {
      f.add(DataTypes.createStructField(q, DataTypes.DoubleType, false));
    }
    f.add(DataTypes.createStructField("moments_mean", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField("moments_m2", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField("moments_min", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField("moments_max", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField("moments_sum_abs", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField("moments_log2_scale", DataTypes.IntegerType, false));
    f.add(DataTypes.createStructField("saturation_bound", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField("zeros", DataTypes.LongType, false));
    f.add(DataTypes.createStructField("saturated90", DataTypes.LongType, false));
    f.add(DataTypes.createStructField("saturated99", DataTypes.LongType, false));
    f.add(DataTypes.createStructField("jacobian_sum", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField("jacobian_count", DataTypes.LongType, false));
    f.add(DataTypes.createStructField("hist_spec", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("hist_first_slot", DataTypes.IntegerType, false));
    f.add(DataTypes.createStructField("hist_counts",
        DataTypes.createArrayType(DataTypes.LongType, false), false));
    return DataTypes.createStructType(f);
  }

  /** The rows of one cell's records. */
  public static List<Row> rows(CellResult result) {
    CellSpec cell = result.cell();
    List<Row> rows = new ArrayList<>(result.records().size());
    for (LayerRecord lr : result.records()) {
      rows.add(row(cell, result, lr));
    }
    return rows;
  }

  private static Row row(CellSpec cell, CellResult result, LayerRecord lr) {
    SiteRecord r = lr.record();
    Moments m = r.moments();
    Histogram h = r.histogram();
    List<Object> v = new ArrayList<>(SCHEMA.size());
    ParameterColumns.appendIdentity(cell, v);
    v.add(result.status().key());
    v.add(lr.step());
    v.add(lr.layer());
    v.add(lr.layer() == cell.network().depth() + 1);
    v.add(lr.site().key());
    v.add(r.count());
    v.add(r.nonFinite());
    v.add(r.mean());
    v.add(r.variance());
    v.add(r.std());
    v.add(r.log10Variance());
    v.add(m.log10Std());
    v.add(r.min());
    v.add(r.max());
    v.add(r.meanAbs());
    v.add(m.log10MeanAbs());
    v.add(r.rms());
    v.add(r.log10Rms());
    v.add(r.fracZero());
    v.add(r.fracSat90());
    v.add(r.fracSat99());
    v.add(r.jacobian());
    double[] q = r.quantiles().values();
    for (double x : q) {
      v.add(x);
    }
    v.add(m.scaledMean());
    v.add(m.scaledM2());
    v.add(m.scaledMin());
    v.add(m.scaledMax());
    v.add(m.scaledSumAbs());
    v.add(m.log2Scale());
    v.add(r.bound());
    v.add(r.zeros());
    v.add(r.saturated90());
    v.add(r.saturated99());
    v.add(r.jacobianSum());
    v.add(r.jacobianCount());
    v.add(HistogramSpecCodec.encode(h.spec()));
    v.add(h.firstSlot());
    long[] counts = h.counts();
    Long[] boxed = new Long[counts.length];
    for (int i = 0; i < counts.length; i++) {
      boxed[i] = counts[i];
    }
    v.add(boxed);
    return RowFactory.create(v.toArray());
  }

  /** Rebuilds the exact record of a row (for pooling across seeds). */
  public static SiteRecord record(Row row) {
    Moments m = new Moments(row.getLong(row.fieldIndex("count")),
        row.getDouble(row.fieldIndex("moments_mean")),
        row.getDouble(row.fieldIndex("moments_m2")),
        row.getDouble(row.fieldIndex("moments_min")),
        row.getDouble(row.fieldIndex("moments_max")),
        row.getDouble(row.fieldIndex("moments_sum_abs")),
        row.getInt(row.fieldIndex("moments_log2_scale")));
    List<Long> list = row.getList(row.fieldIndex("hist_counts"));
    long[] counts = new long[list.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = list.get(i);
    }
    Histogram h = Histogram.ofRange(
        HistogramSpecCodec.decode(row.getString(row.fieldIndex("hist_spec"))),
        row.getInt(row.fieldIndex("hist_first_slot")), counts);
    return new SiteRecord(m, h, row.getDouble(row.fieldIndex("saturation_bound")),
        row.getLong(row.fieldIndex("non_finite")), row.getLong(row.fieldIndex("zeros")),
        row.getLong(row.fieldIndex("saturated90")), row.getLong(row.fieldIndex("saturated99")),
        row.getDouble(row.fieldIndex("jacobian_sum")),
        row.getLong(row.fieldIndex("jacobian_count")));
  }
}
