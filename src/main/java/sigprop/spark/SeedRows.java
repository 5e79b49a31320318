package sigprop.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import sigprop.experiment.CellStatus;
import sigprop.stats.SiteRecord;
import sigprop.summary.LayerStatistic;
import sigprop.summary.SeedValues;

/**
 * One layers-table row reduced to what the summary needs, the form rows are grouped in: the
 * group key (sweep, configuration, step, layer, site), the cell's identity and status, the
 * per-seed statistics in {@link LayerStatistic} order, and the exact record with a sparse
 * histogram ({@link SparseRecordColumns}).
 */
final class SeedRows {
  /** The schema, in column order. */
  static final StructType SCHEMA = schema();

  private static final int RECORD = SCHEMA.fieldIndex("count");

  private SeedRows() {}

  private static StructType schema() {
    List<StructField> f = new ArrayList<>();
    f.add(DataTypes.createStructField("group_key", DataTypes.StringType, false));
    f.addAll(SummaryRows.groupFields());
    f.add(DataTypes.createStructField("cell_id", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("seed", DataTypes.LongType, false));
    f.add(DataTypes.createStructField("status", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("source", DataTypes.IntegerType, false));
    f.add(DataTypes.createStructField("wave", DataTypes.IntegerType, false));
    f.add(DataTypes.createStructField("statistics",
        DataTypes.createArrayType(DataTypes.DoubleType, false), false));
    f.addAll(SparseRecordColumns.fields(""));
    return DataTypes.createStructType(f);
  }

  /** The group of a row: sweep, configuration, step, layer and site. */
  static String groupKey(String sweep, String configId, int step, int layer, String site) {
    return sweep + "\u0000" + configId + "\u0000" + step + "\u0000" + layer + "\u0000" + site;
  }

  /**
   * The compact form of a layers-table row that also has the integer columns {@code source}
   * (input folder) and {@code wave}; the record is rebuilt exactly by
   * {@link LayerTable#record(Row)}.
   */
  static Row compact(Row layers) {
    String sweep = layers.getString(layers.fieldIndex("sweep"));
    String configId = layers.getString(layers.fieldIndex("config_id"));
    int step = layers.getInt(layers.fieldIndex("step"));
    int layer = layers.getInt(layers.fieldIndex("layer"));
    String site = layers.getString(layers.fieldIndex("site"));
    List<Object> v = new ArrayList<>(SCHEMA.size());
    v.add(groupKey(sweep, configId, step, layer, site));
    v.add(sweep);
    v.add(configId);
    v.add(step);
    v.add(layer);
    v.add(layers.getBoolean(layers.fieldIndex("is_head")));
    v.add(site);
    v.add(layers.getString(layers.fieldIndex("cell_id")));
    v.add(layers.getLong(layers.fieldIndex("seed")));
    v.add(layers.getString(layers.fieldIndex("status")));
    v.add(layers.getInt(layers.fieldIndex("source")));
    v.add(layers.getInt(layers.fieldIndex("wave")));
    Double[] statistics = new Double[LayerStatistic.ALL.size()];
    for (LayerStatistic s : LayerStatistic.ALL) {
      statistics[s.ordinal()] = layers.getDouble(layers.fieldIndex(s.column()));
    }
    v.add(statistics);
    SparseRecordColumns.append(LayerTable.record(layers), v);
    return RowFactory.create(v.toArray());
  }

  /** The seed's values, for {@link sigprop.summary.SeedAggregation}. */
  static SeedValues values(Row compact) {
    List<Double> list = compact.getList(SCHEMA.fieldIndex("statistics"));
    double[] statistics = new double[list.size()];
    for (int i = 0; i < statistics.length; i++) {
      statistics[i] = list.get(i);
    }
    SiteRecord record = SparseRecordColumns.read(compact, RECORD);
    return new SeedValues(compact.getString(7), compact.getLong(8), status(compact.getString(9)),
        compact.getInt(10), compact.getInt(11), statistics, record);
  }

  private static CellStatus status(String key) {
    for (CellStatus s : CellStatus.values()) {
      if (s.key().equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown cell status '" + key + "'");
  }
}
