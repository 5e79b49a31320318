package sigprop.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import sigprop.experiment.CellParameters;
import sigprop.experiment.CellSpec;

/**
 * A cell's configuration as typed columns, in a fixed order, shared by the cells and layers
 * tables: integers and doubles where the parameter is a number, text otherwise; null where a cell
 * lacks the key (a uniform-width net has no widths).
 */
final class ParameterColumns {
  /** (key, type) in column order. */
  static final List<Map.Entry<String, DataType>> COLUMNS = List.of(
      Map.entry(CellParameters.DEPTH, DataTypes.IntegerType),
      Map.entry(CellParameters.WIDTH, DataTypes.IntegerType),
      Map.entry(CellParameters.WIDTHS, DataTypes.StringType),
      Map.entry(CellParameters.ACTIVATION, DataTypes.StringType),
      Map.entry(CellParameters.NORM, DataTypes.StringType),
      Map.entry(CellParameters.NORM_PLACEMENT, DataTypes.StringType),
      Map.entry(CellParameters.NORM_EPS, DataTypes.DoubleType),
      Map.entry(CellParameters.INIT, DataTypes.StringType),
      Map.entry(CellParameters.BIAS, DataTypes.StringType),
      Map.entry(CellParameters.CLASSES, DataTypes.IntegerType),
      Map.entry(CellParameters.OUTPUT_ACTIVATION, DataTypes.StringType),
      Map.entry(CellParameters.BATCH, DataTypes.IntegerType),
      Map.entry(CellParameters.INPUT_WIDTH, DataTypes.IntegerType),
      Map.entry(CellParameters.DISTRIBUTION, DataTypes.StringType),
      Map.entry(CellParameters.INPUT_SEED, DataTypes.LongType),
      Map.entry(CellParameters.REDRAW_PER_SEED, DataTypes.BooleanType),
      Map.entry(CellParameters.LOSS, DataTypes.StringType),
      Map.entry(CellParameters.LEARNING_RATE, DataTypes.DoubleType),
      Map.entry(CellParameters.MOMENTUM, DataTypes.DoubleType),
      Map.entry(CellParameters.WEIGHT_DECAY, DataTypes.DoubleType),
      Map.entry(CellParameters.STEPS, DataTypes.StringType));

  private ParameterColumns() {}

  /** The column names in order. */
  static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, DataType> c : COLUMNS) {
      names.add(c.getKey());
    }
    return names;
  }

  /**
   * The columns that identify a cell and its configuration, first in the cells and layers
   * tables: sweep, experiment, cell_id, config_id, seed, then every parameter.
   */
  static List<StructField> identityFields() {
    List<StructField> f = new ArrayList<>();
    f.add(DataTypes.createStructField("sweep", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("experiment", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("cell_id", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("config_id", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("seed", DataTypes.LongType, false));
    f.addAll(fields());
    return f;
  }

  /** Appends the values of {@link #identityFields()} for a cell. */
  static void appendIdentity(CellSpec cell, List<Object> row) {
    row.add(cell.sweep());
    row.add(cell.experiment());
    row.add(cell.id());
    row.add(cell.configId());
    row.add(cell.seed());
    append(cell.parameters(), row);
  }

  /** The schema fields, all nullable. */
  static List<StructField> fields() {
    List<StructField> fields = new ArrayList<>();
    for (Map.Entry<String, DataType> c : COLUMNS) {
      fields.add(DataTypes.createStructField(c.getKey(), c.getValue(), true));
    }
    return fields;
  }

  /** Appends the typed values of a cell's parameters, in column order. */
  static void append(Map<String, String> parameters, List<Object> row) {
    for (Map.Entry<String, DataType> c : COLUMNS) {
      String text = parameters.get(c.getKey());
      row.add(text == null ? null : typed(text, c.getValue()));
    }
    for (String key : parameters.keySet()) {
      if (COLUMNS.stream().noneMatch(c -> c.getKey().equals(key))) {
        throw new IllegalStateException("parameter '" + key + "' has no column");
      }
    }
  }

  private static Object typed(String text, DataType type) {
    if (type == DataTypes.IntegerType) {
      return Integer.valueOf(text);
    }
    if (type == DataTypes.LongType) {
      return Long.valueOf(text);
    }
    if (type == DataTypes.DoubleType) {
      return Double.valueOf(text);
    }
    if (type == DataTypes.BooleanType) {
      return Boolean.valueOf(text);
    }
    return text;
  }
}
