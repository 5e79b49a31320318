package sigprop.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table's documentation: its name (the CSV file is {@code <name>.csv}), what one row is, and one
 * description per column. Every column must be described and nothing else may be, so a renamed
 * column cannot leave the schema silently stale.
 */
public record TableSchema(
    String name, String rowMeaning, List<Column> columns, Map<String, String> descriptions) {

  /** Checks that the descriptions cover exactly the columns. */
  public TableSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rowMeaning, "rowMeaning");
    columns = List.copyOf(columns);
    descriptions = Map.copyOf(descriptions);
    List<String> undescribed = new ArrayList<>();
    for (Column column : columns) {
      String description = descriptions.get(column.name());
      if (description == null || description.isBlank()) {
        undescribed.add(column.name());
      }
    }
    List<String> unknown = new ArrayList<>(descriptions.keySet());
    columns.forEach(c -> unknown.remove(c.name()));
    if (!undescribed.isEmpty() || !unknown.isEmpty()) {
      throw new IllegalArgumentException("table '" + name + "': columns without a description "
          + undescribed + ", descriptions of no column " + unknown.stream().sorted().toList());
    }
  }

  /** The schema of a table's columns. */
  public static TableSchema of(
      String name, String rowMeaning, Table table, Map<String, String> descriptions) {
    return new TableSchema(name, rowMeaning, table.columns(), descriptions);
  }

  /** The column descriptions in column order. */
  public Map<String, String> orderedDescriptions() {
    Map<String, String> ordered = new LinkedHashMap<>();
    columns.forEach(c -> ordered.put(c.name(), descriptions.get(c.name())));
    return ordered;
  }
}
