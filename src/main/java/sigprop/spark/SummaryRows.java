package sigprop.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import sigprop.summary.LayerKey;
import sigprop.summary.LayerStatistic;
import sigprop.summary.LayerSummary;
import sigprop.summary.PooledRecord;
import sigprop.summary.SeedAggregation;
import sigprop.summary.SeedStatistics;
import sigprop.summary.SeedValues;
import sigprop.summary.SparseHistogram;

/**
 * One group of {@link SeedRows} summarized ({@link SeedAggregation}), as the row collected to the
 * driver: the group's key, the seed counts, five numbers per statistic (n, mean, sd, 95 % bounds)
 * and the pooled record with its sparse histogram (null fields when no seed was used).
 */
final class SummaryRows {
  /** The schema, in column order. */
  static final StructType SCHEMA = schema();

  private static final int PARTS = 5;
  private static final int POOLED = SCHEMA.fieldIndex("pooled_count");

  private SummaryRows() {}

  /** The columns one summary row is grouped by: sweep, config_id, step, layer, is_head, site. */
  static List<StructField> groupFields() {
    List<StructField> f = new ArrayList<>();
    f.add(DataTypes.createStructField("sweep", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("config_id", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("step", DataTypes.IntegerType, false));
    f.add(DataTypes.createStructField("layer", DataTypes.IntegerType, false));
    f.add(DataTypes.createStructField("is_head", DataTypes.BooleanType, false));
    f.add(DataTypes.createStructField("site", DataTypes.StringType, false));
    return f;
  }

  private static StructType schema() {
    List<StructField> f = new ArrayList<>(groupFields());
    f.add(DataTypes.createStructField("n_rows", DataTypes.IntegerType, false));
    f.add(DataTypes.createStructField("n_used", DataTypes.IntegerType, false));
    f.add(DataTypes.createStructField("statistics",
        DataTypes.createArrayType(DataTypes.DoubleType, false), false));
    f.add(DataTypes.createStructField("pooled_count", DataTypes.LongType, true));
    for (String name : List.of("mean", "variance", "log10_variance")) {
      f.add(DataTypes.createStructField("pooled_" + name, DataTypes.DoubleType, true));
    }
    f.add(DataTypes.createStructField("hist_spec", DataTypes.StringType, true));
    f.add(DataTypes.createStructField("hist_slots",
        DataTypes.createArrayType(DataTypes.IntegerType, false), true));
    f.add(DataTypes.createStructField("hist_counts",
        DataTypes.createArrayType(DataTypes.LongType, false), true));
    return DataTypes.createStructType(f);
  }

  /** Summarizes one group of seed rows (all of one key); a Spark mapGroups function. */
  static Row summarize(String key, Iterator<Row> group) {
    List<SeedValues> seeds = new ArrayList<>();
    Row first = null;
    while (group.hasNext()) {
      Row r = group.next();
      first = first == null ? r : first;
      seeds.add(SeedRows.values(r));
    }
    LayerSummary s;
    try {
      s = SeedAggregation.summarize(seeds);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("cannot pool the seeds of " + key.replace('\u0000', '/')
          + ": " + e.getMessage(), e);
    }
    List<Object> v = new ArrayList<>(SCHEMA.size());
    v.add(first.getString(1));
    v.add(first.getString(2));
    v.add(first.getInt(3));
    v.add(first.getInt(4));
    v.add(first.getBoolean(5));
    v.add(first.getString(6));
    v.add(s.nRows());
    v.add(s.nUsed());
    Double[] statistics = new Double[PARTS * LayerStatistic.ALL.size()];
    for (LayerStatistic stat : LayerStatistic.ALL) {
      SeedStatistics x = s.statistic(stat);
      int i = PARTS * stat.ordinal();
      statistics[i] = (double) x.n();
      statistics[i + 1] = x.mean();
      statistics[i + 2] = x.sd();
      statistics[i + 3] = x.ciLo();
      statistics[i + 4] = x.ciHi();
    }
    v.add(statistics);
    PooledRecord p = s.pooled();
    if (p == null) {
      for (int i = 0; i < 7; i++) {
        v.add(null);
      }
    } else {
      v.add(p.count());
      v.add(p.mean());
      v.add(p.variance());
      v.add(p.log10Variance());
      SparseRecordColumns.appendHistogram(p.histogram(), v);
    }
    return RowFactory.create(v.toArray());
  }

  /** The key of a collected row. */
  static LayerKey key(Row row) {
    return new LayerKey(row.getString(0), row.getString(1), row.getInt(2), row.getInt(3),
        row.getBoolean(4), row.getString(5));
  }

  /** The summary of a collected row. */
  static LayerSummary summary(Row row) {
    List<Double> values = row.getList(8);
    List<SeedStatistics> statistics = new ArrayList<>();
    for (LayerStatistic stat : LayerStatistic.ALL) {
      int i = PARTS * stat.ordinal();
      statistics.add(new SeedStatistics((int) (double) values.get(i), values.get(i + 1),
          values.get(i + 2), values.get(i + 3), values.get(i + 4)));
    }
    PooledRecord pooled = null;
    if (!row.isNullAt(POOLED)) {
      SparseHistogram h = SparseRecordColumns.readHistogram(row, POOLED + 4);
      pooled = new PooledRecord(row.getLong(POOLED), row.getDouble(POOLED + 1),
          row.getDouble(POOLED + 2), row.getDouble(POOLED + 3), h);
    }
    return new LayerSummary(row.getInt(6), row.getInt(7), statistics, pooled);
  }
}
