package sigprop.summary;

import java.util.Objects;
import sigprop.report.Table;
import sigprop.report.TableSchema;

/** A summary table and its documentation; the CSV file is {@code <schema.name()>.csv}. */
public record SummaryTable(Table table, TableSchema schema) {
  /** Checks both are given and describe the same columns. */
  public SummaryTable {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(schema, "schema");
    if (!table.columns().equals(schema.columns())) {
      throw new IllegalArgumentException("schema '" + schema.name() + "' does not match its table");
    }
  }

  /** The file name, e.g. {@code layers.csv}. */
  public String fileName() {
    return schema.name() + ".csv";
  }
}
