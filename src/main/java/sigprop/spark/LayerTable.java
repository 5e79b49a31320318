package sigprop.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import sigprop.stats.SaturationRange;
import sigprop.stats.SiteRecord;
import sigprop.summary.SparseHistogram;

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

  /**
   * Parquet writer options: no dictionary for the statistics' double columns, whose values
   * hardly ever repeat (Parquet would hash every value into a dictionary, then drop it for plain
   * encoding: a tenth of the rows' encoding time). The parameter columns repeat and keep theirs.
   */
  public static final Map<String, String> WRITE_OPTIONS = writeOptions();

  private LayerTable() {}

  private static Map<String, String> writeOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    StructField[] fields = SCHEMA.fields();
    for (int i = ParameterColumns.identityFields().size(); i < fields.length; i++) {
      StructField f = fields[i];
      if (f.dataType().equals(DataTypes.DoubleType)) {
        options.put("parquet.enable.dictionary#" + f.name(), "false");
      }
    }
    return Map.copyOf(options);
  }

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
    f.add(DataTypes.createStructField("saturation_low", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField("saturation_high", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField("zeros", DataTypes.LongType, false));
    f.add(DataTypes.createStructField("saturated90", DataTypes.LongType, false));
    f.add(DataTypes.createStructField("saturated99", DataTypes.LongType, false));
    f.add(DataTypes.createStructField("jacobian_sum", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField("jacobian_count", DataTypes.LongType, false));
    f.add(DataTypes.createStructField("hist_spec", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("hist_slots",
        DataTypes.createArrayType(DataTypes.IntegerType, false), false));
    f.add(DataTypes.createStructField("hist_counts",
        DataTypes.createArrayType(DataTypes.LongType, false), false));
    return DataTypes.createStructType(f);
  }

  /** The rows of one cell's records. */
  public static List<Row> rows(CellResult result) {
    Object[] identity = identity(result.cell());
    List<Row> rows = new ArrayList<>(result.records().size());
    for (LayerRecord lr : result.records()) {
      Object[] v = values(identity, result, lr);
      int slots = v.length - 2;
      v[slots] = SparseRecordColumns.boxed((int[]) v[slots]);
      v[slots + 1] = SparseRecordColumns.boxed((long[]) v[slots + 1]);
      rows.add(RowFactory.create(v));
    }
    return rows;
  }

  /** The values of the identity columns, the same for every row of a cell. */
  static Object[] identity(CellSpec cell) {
    List<Object> v = new ArrayList<>();
    ParameterColumns.appendIdentity(cell, v);
    return v.toArray();
  }

  /**
   * One row's values in column order as plain Java values, the histogram's slots and counts as
   * {@code int[]} and {@code long[]} (the last two columns).
   */
  static Object[] values(Object[] identity, CellResult result, LayerRecord lr) {
    SiteRecord r = lr.record();
    Moments m = r.moments();
    Object[] v = new Object[SCHEMA.size()];
    System.arraycopy(identity, 0, v, 0, identity.length);
    int i = identity.length;
    v[i++] = result.status().key();
    v[i++] = lr.step();
    v[i++] = lr.layer();
    v[i++] = lr.layer() == result.cell().network().depth() + 1;
    v[i++] = lr.site().key();
    v[i++] = r.count();
    v[i++] = r.nonFinite();
    v[i++] = r.mean();
    v[i++] = r.variance();
    v[i++] = r.std();
    v[i++] = r.log10Variance();
    v[i++] = m.log10Std();
    v[i++] = r.min();
    v[i++] = r.max();
    v[i++] = r.meanAbs();
    v[i++] = m.log10MeanAbs();
    v[i++] = r.rms();
    v[i++] = r.log10Rms();
    v[i++] = r.fracZero();
    v[i++] = r.fracSat90();
    v[i++] = r.fracSat99();
    v[i++] = r.jacobian();
    for (double x : r.quantiles().values()) {
      v[i++] = x;
    }
    v[i++] = m.scaledMean();
    v[i++] = m.scaledM2();
    v[i++] = m.scaledMin();
    v[i++] = m.scaledMax();
    v[i++] = m.scaledSumAbs();
    v[i++] = m.log2Scale();
    v[i++] = r.saturation().low();
    v[i++] = r.saturation().high();
    v[i++] = r.zeros();
    v[i++] = r.saturated90();
    v[i++] = r.saturated99();
    v[i++] = r.jacobianSum();
    v[i++] = r.jacobianCount();
    // Only non-empty slots: a two-signed tensor in log bins spans thousands of empty ones.
    SparseHistogram h = SparseHistogram.of(r.histogram());
    v[i++] = HistogramSpecCodec.encode(h.spec());
    v[i++] = h.slots();
    v[i++] = h.counts();
    if (i != v.length) {
      throw new IllegalStateException(i + " values for " + v.length + " columns");
    }
    return v;
  }

  /**
   * The row's saturation range; sweeps of table layout 1 stored only the bound of a symmetric
   * range (sigmoid's saturation then counted values above 0.9 and 0.99 only).
   */
  private static SaturationRange saturationRange(Row row) {
    if (row.schema().getFieldIndex("saturation_low").isDefined()) {
      return new SaturationRange(row.getDouble(row.fieldIndex("saturation_low")),
          row.getDouble(row.fieldIndex("saturation_high")));
    }
    return SaturationRange.symmetric(row.getDouble(row.fieldIndex("saturation_bound")));
  }

  /** Rebuilds the exact record of a row (for pooling across seeds). */
  public static SiteRecord record(Row row) {
    Moments m = Moments.scaled(row.getLong(row.fieldIndex("count")),
        row.getDouble(row.fieldIndex("moments_mean")),
        row.getDouble(row.fieldIndex("moments_m2")),
        row.getDouble(row.fieldIndex("moments_min")),
        row.getDouble(row.fieldIndex("moments_max")),
        row.getDouble(row.fieldIndex("moments_sum_abs")),
        row.getInt(row.fieldIndex("moments_log2_scale")));
    Histogram h = SparseRecordColumns.readHistogram(row, row.fieldIndex("hist_spec"))
        .toHistogram();
    return new SiteRecord(m, h, saturationRange(row),
        row.getLong(row.fieldIndex("non_finite")), row.getLong(row.fieldIndex("zeros")),
        row.getLong(row.fieldIndex("saturated90")), row.getLong(row.fieldIndex("saturated99")),
        row.getDouble(row.fieldIndex("jacobian_sum")),
        row.getLong(row.fieldIndex("jacobian_count")));
  }
}
