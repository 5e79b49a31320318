package sigprop.report;

import java.util.Locale;

/** The type of a {@link Table} column; each has one missing-value form (an empty CSV field). */
public enum ColumnType {
  /** Text; {@code null} is missing. */
  STRING,
  /** A 64-bit integer; a missing value is held apart from every long. */
  LONG,
  /** A 64-bit float; NaN is missing. */
  DOUBLE,
  /**
   * A truth value, held and written as {@link CsvBoolean} spells it ({@code TRUE}/{@code FALSE},
   * which R reads as logical and pandas as bool); {@code null} is missing.
   */
  BOOLEAN;

  /** The lower-case name used in schema files, e.g. {@code double}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
