package sigprop.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import sigprop.stats.Moments;
import sigprop.stats.SaturationRange;
import sigprop.stats.SiteRecord;
import sigprop.summary.SparseHistogram;

/**
 * A {@link SiteRecord} as columns, exactly, with its histogram as non-empty slots only: the form
 * a record travels in between the Parquet scan and the merge. (The layers table stores the dense
 * range from the first to the last non-empty slot, thousands of mostly empty slots when a tensor
 * has both signs and log bins; shuffling that would move tens of kilobytes a row.)
 */
final class SparseRecordColumns {
  private SparseRecordColumns() {}

  /** The fields, with this prefix on every name. */
  static List<StructField> fields(String prefix) {
    List<StructField> f = new ArrayList<>();
    f.add(DataTypes.createStructField(prefix + "count", DataTypes.LongType, false));
    for (String name : List.of("mean", "m2", "min", "max", "sum_abs")) {
      f.add(DataTypes.createStructField(prefix + "moments_" + name, DataTypes.DoubleType, false));
    }
    f.add(DataTypes.createStructField(prefix + "moments_log2_scale", DataTypes.IntegerType,
        false));
    f.add(DataTypes.createStructField(prefix + "saturation_low", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField(prefix + "saturation_high", DataTypes.DoubleType, false));
    for (String name : List.of("non_finite", "zeros", "saturated90", "saturated99")) {
      f.add(DataTypes.createStructField(prefix + name, DataTypes.LongType, false));
    }
    f.add(DataTypes.createStructField(prefix + "jacobian_sum", DataTypes.DoubleType, false));
    f.add(DataTypes.createStructField(prefix + "jacobian_count", DataTypes.LongType, false));
    f.add(DataTypes.createStructField(prefix + "hist_spec", DataTypes.StringType, false));
    f.add(DataTypes.createStructField(prefix + "hist_slots",
        DataTypes.createArrayType(DataTypes.IntegerType, false), false));
    f.add(DataTypes.createStructField(prefix + "hist_counts",
        DataTypes.createArrayType(DataTypes.LongType, false), false));
    return f;
  }

  /** Appends the values of {@link #fields} for a record. */
  static void append(SiteRecord r, List<Object> v) {
    Moments m = r.moments();
    v.add(m.count());
    v.add(m.scaledMean());
    v.add(m.scaledM2());
    v.add(m.scaledMin());
    v.add(m.scaledMax());
    v.add(m.scaledSumAbs());
    v.add(m.log2Scale());
    v.add(r.saturation().low());
    v.add(r.saturation().high());
    v.add(r.nonFinite());
    v.add(r.zeros());
    v.add(r.saturated90());
    v.add(r.saturated99());
    v.add(r.jacobianSum());
    v.add(r.jacobianCount());
    appendHistogram(SparseHistogram.of(r.histogram()), v);
  }

  /** Appends the last three values of {@link #fields}: spec, slots, counts. */
  static void appendHistogram(SparseHistogram h, List<Object> v) {
    v.add(HistogramSpecCodec.encode(h.spec()));
    v.add(boxed(h.slots()));
    v.add(boxed(h.counts()));
  }

  /** The array as a {@link Row} holds an array column. */
  static Integer[] boxed(int[] values) {
    Integer[] boxed = new Integer[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }

  /** The array as a {@link Row} holds an array column. */
  static Long[] boxed(long[] values) {
    Long[] boxed = new Long[values.length];
    for (int i = 0; i < values.length; i++) {
      boxed[i] = values[i];
    }
    return boxed;
  }

  /** The record whose fields start at position {@code first} of the row. */
  static SiteRecord read(Row row, int first) {
    int i = first;
    Moments m = Moments.scaled(row.getLong(i), row.getDouble(i + 1), row.getDouble(i + 2),
        row.getDouble(i + 3), row.getDouble(i + 4), row.getDouble(i + 5), row.getInt(i + 6));
    i += 7;
    SaturationRange saturation = new SaturationRange(row.getDouble(i), row.getDouble(i + 1));
    i += 2;
    long nonFinite = row.getLong(i);
    long zeros = row.getLong(i + 1);
    long saturated90 = row.getLong(i + 2);
    long saturated99 = row.getLong(i + 3);
    double jacobianSum = row.getDouble(i + 4);
    long jacobianCount = row.getLong(i + 5);
    SparseHistogram h = readHistogram(row, i + 6);
    return new SiteRecord(m, h.toHistogram(), saturation, nonFinite, zeros, saturated90,
        saturated99, jacobianSum, jacobianCount);
  }

  /** The histogram whose spec, slots and counts start at position {@code first}. */
  static SparseHistogram readHistogram(Row row, int first) {
    List<Integer> slotList = row.getList(first + 1);
    List<Long> countList = row.getList(first + 2);
    int[] slots = new int[slotList.size()];
    long[] counts = new long[countList.size()];
    for (int j = 0; j < slots.length; j++) {
      slots[j] = slotList.get(j);
      counts[j] = countList.get(j);
    }
    return new SparseHistogram(HistogramSpecCodec.decode(row.getString(first)), slots, counts);
  }
}
