package sigprop.summary;

import java.util.Iterator;
import java.util.Objects;
import java.util.function.Supplier;
import sigprop.report.Table;
import sigprop.report.TableSchema;

/**
 * A summary table and its documentation; the CSV file is {@code <schema.name()>.csv}. A table
 * too large to hold at once has {@code parts}: its rows come piece by piece as the file is
 * written, and {@code table} holds its columns only.
 */
public record SummaryTable(Table table, TableSchema schema, Supplier<Iterator<Table>> parts) {
  /** Checks both are given and describe the same columns. */
  public SummaryTable {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(schema, "schema");
    if (!table.columns().equals(schema.columns())) {
      throw new IllegalArgumentException("schema '" + schema.name() + "' does not match its table");
    }
  }

  /** A table held whole. */
  public SummaryTable(Table table, TableSchema schema) {
    this(table, schema, null);
  }

  /** The file name, e.g. {@code layers.csv}. */
  public String fileName() {
    return schema.name() + ".csv";
  }
}
