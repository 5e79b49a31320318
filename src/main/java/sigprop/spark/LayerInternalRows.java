package sigprop.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.unsafe.types.UTF8String;
import sigprop.experiment.CellResult;
import sigprop.experiment.LayerRecord;

/**
 * A cell's {@link LayerTable} rows in Spark's internal form (UTF-8 strings, flat primitive
 * arrays), which the Parquet writer takes as they are. Generic {@link org.apache.spark.sql.Row}s
 * would each pass through Spark's per-value type conversion first: about a third of the cost of
 * turning a cell's 505 rows into Parquet, measured here.
 */
final class LayerInternalRows {
  private LayerInternalRows() {}

  /** The rows of one cell's records, the same values as {@link LayerTable#rows}. */
  static List<InternalRow> of(CellResult result) {
    Object[] identity = internal(LayerTable.identity(result.cell()));
    List<InternalRow> rows = new ArrayList<>(result.records().size());
    for (LayerRecord lr : result.records()) {
      rows.add(new GenericInternalRow(internal(LayerTable.values(identity, result, lr))));
    }
    return rows;
  }

  /**
   * The values in Spark's internal form, in place: text as UTF8String, int[] and long[] as
   * array data; numbers, booleans and nulls are already internal.
   */
  private static Object[] internal(Object[] values) {
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof String s) {
        values[i] = UTF8String.fromString(s);
      } else if (v instanceof int[] a) {
        values[i] = UnsafeArrayData.fromPrimitiveArray(a);
      } else if (v instanceof long[] a) {
        values[i] = UnsafeArrayData.fromPrimitiveArray(a);
      }
    }
    return values;
  }
}
