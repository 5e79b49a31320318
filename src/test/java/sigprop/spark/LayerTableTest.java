package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import sigprop.stats.LinearBins;
import sigprop.stats.Moments;
import sigprop.stats.SaturationRange;
import sigprop.stats.SiteAccumulator;
import sigprop.stats.SiteRecord;
import sigprop.summary.SparseHistogram;

/** Records rebuilt from layers rows, of this layout and of layout 1. */
class LayerTableTest {
  private static final double[] VALUES = {0.01, 0.5, 0.97, 0.3, 0.999, -0.95};

  @Test
  void recordsRoundTripWithTheirSaturationRange() {
    SiteAccumulator acc = new SiteAccumulator(new LinearBins(-1, 1, 8),
        new SaturationRange(0, 1));
    acc.add(VALUES, 0);
    SiteRecord r = acc.toRecord();
    assertEquals(r, LayerTable.record(row(r, "saturation_low", "saturation_high")));
  }

  @Test
  void layoutOneRowsReadTheirBoundAsASymmetricRange() {
    SiteAccumulator acc = new SiteAccumulator(new LinearBins(-1, 1, 8), 1.0);
    acc.add(VALUES, 0);
    SiteRecord r = acc.toRecord();
    assertEquals(new SaturationRange(-1, 1), r.saturation());
    assertEquals(r, LayerTable.record(row(r, "saturation_bound")));
  }

  @Test
  void writeOptionsTurnOffDictionariesForTheStatisticsDoublesOnly() {
    List<String> expected = new ArrayList<>();
    StructField[] fields = LayerTable.SCHEMA.fields();
    for (int i = ParameterColumns.identityFields().size(); i < fields.length; i++) {
      if (fields[i].dataType().equals(DataTypes.DoubleType)) {
        expected.add("parquet.enable.dictionary#" + fields[i].name());
      }
    }
    assertTrue(expected.contains("parquet.enable.dictionary#mean"), expected::toString);
    assertTrue(expected.size() >= 30, expected::toString);
    assertEquals(new java.util.TreeSet<>(expected),
        new java.util.TreeSet<>(LayerTable.WRITE_OPTIONS.keySet()));
    assertTrue(LayerTable.WRITE_OPTIONS.values().stream().allMatch("false"::equals));
    // Parameter columns (norm_eps, learning_rate, …) repeat and keep their dictionaries.
    assertFalse(LayerTable.WRITE_OPTIONS.containsKey("parquet.enable.dictionary#norm_eps"));
  }

  /** A row with the columns {@link LayerTable#record} reads; the range as the named columns. */
  private static Row row(SiteRecord r, String... rangeColumns) {
    List<StructField> fields = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    Moments m = r.moments();
    add(fields, values, "count", DataTypes.LongType, m.count());
    add(fields, values, "moments_mean", DataTypes.DoubleType, m.scaledMean());
    add(fields, values, "moments_m2", DataTypes.DoubleType, m.scaledM2());
    add(fields, values, "moments_min", DataTypes.DoubleType, m.scaledMin());
    add(fields, values, "moments_max", DataTypes.DoubleType, m.scaledMax());
    add(fields, values, "moments_sum_abs", DataTypes.DoubleType, m.scaledSumAbs());
    add(fields, values, "moments_log2_scale", DataTypes.IntegerType, m.log2Scale());
    if (rangeColumns.length == 1) {
      add(fields, values, rangeColumns[0], DataTypes.DoubleType, r.saturation().high());
    } else {
      add(fields, values, rangeColumns[0], DataTypes.DoubleType, r.saturation().low());
      add(fields, values, rangeColumns[1], DataTypes.DoubleType, r.saturation().high());
    }
    add(fields, values, "non_finite", DataTypes.LongType, r.nonFinite());
    add(fields, values, "zeros", DataTypes.LongType, r.zeros());
    add(fields, values, "saturated90", DataTypes.LongType, r.saturated90());
    add(fields, values, "saturated99", DataTypes.LongType, r.saturated99());
    add(fields, values, "jacobian_sum", DataTypes.DoubleType, r.jacobianSum());
    add(fields, values, "jacobian_count", DataTypes.LongType, r.jacobianCount());
    SparseHistogram h = SparseHistogram.of(r.histogram());
    add(fields, values, "hist_spec", DataTypes.StringType, HistogramSpecCodec.encode(h.spec()));
    add(fields, values, "hist_slots", DataTypes.createArrayType(DataTypes.IntegerType),
        scala.jdk.javaapi.CollectionConverters.asScala(
            List.of(SparseRecordColumns.boxed(h.slots()))).toSeq());
    add(fields, values, "hist_counts", DataTypes.createArrayType(DataTypes.LongType),
        scala.jdk.javaapi.CollectionConverters.asScala(
            List.of(SparseRecordColumns.boxed(h.counts()))).toSeq());
    return new GenericRowWithSchema(values.toArray(), DataTypes.createStructType(fields));
  }

  private static void add(List<StructField> fields, List<Object> values, String name,
      org.apache.spark.sql.types.DataType type, Object value) {
    fields.add(DataTypes.createStructField(name, type, false));
    values.add(value);
  }
}
