package sigprop.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import sigprop.report.Column;
import sigprop.report.ColumnType;
import sigprop.report.CsvBoolean;

/**
 * Spark columns as summary-table columns: strings and booleans as text ({@code true}/{@code
 * false}, which pandas and R read as logicals), integers as longs, floats as doubles.
 */
final class SparkColumns {
  private SparkColumns() {}

  /** The summary-table columns of the scalar fields, in order. */
  static List<Column> of(List<StructField> fields) {
    List<Column> columns = new ArrayList<>();
    for (StructField f : fields) {
      columns.add(new Column(f.name(), type(f.dataType(), f.name())));
    }
    return columns;
  }

  /** The summary-table columns of a schema. */
  static List<Column> of(StructType schema) {
    return of(List.of(schema.fields()));
  }

  private static ColumnType type(DataType t, String name) {
    if (t == DataTypes.StringType) {
      return ColumnType.STRING;
    }
    if (t == DataTypes.BooleanType) {
      return ColumnType.BOOLEAN;
    }
    if (t == DataTypes.IntegerType || t == DataTypes.LongType || t == DataTypes.ShortType
        || t == DataTypes.ByteType) {
      return ColumnType.LONG;
    }
    if (t == DataTypes.DoubleType || t == DataTypes.FloatType) {
      return ColumnType.DOUBLE;
    }
    throw new IllegalArgumentException("column '" + name + "' of type " + t.simpleString()
        + " has no plain CSV form");
  }

  /**
   * The value of field {@code i} as the summary table takes it (String, Long, Double, null);
   * booleans as {@link CsvBoolean} spells them.
   */
  static Object value(Row row, int i) {
    Object v = row.get(i);
    if (v == null || v instanceof String || v instanceof Long || v instanceof Double) {
      return v;
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof Boolean b) {
      return CsvBoolean.of(b);
    }
    return v.toString();
  }

  /** The values of the named fields of a row, in the order given. */
  static Object[] values(Row row, List<Column> columns) {
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = value(row, row.fieldIndex(columns.get(i).name()));
    }
    return values;
  }
}
