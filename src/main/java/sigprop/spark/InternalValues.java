package sigprop.spark;

import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Row values in Spark's internal form, which its writers take as they are: text as UTF8String,
 * int[] and long[] as array data; numbers, booleans and nulls are already internal. Generic
 * {@link org.apache.spark.sql.Row}s would pass through Spark's per-value conversion first, and
 * its first use on an executor starts Scala's runtime reflection (0.6 s).
 */
final class InternalValues {
  private InternalValues() {}

  /** Converts the values in place and returns the array. */
  static Object[] of(Object[] values) {
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
