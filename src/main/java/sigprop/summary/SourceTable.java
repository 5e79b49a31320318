package sigprop.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sigprop.report.Column;
import sigprop.report.Table;
import sigprop.report.TableSchema;

/**
 * A sweep table (cells, theory) as a summary table: its own columns in their order, with
 * config_index and config_label after config_id, rows
 * ordered by configuration then by the given columns. Its columns are described by
 * {@link SourceDescriptions}; a column the sweep added later gets a generic description.
 */
public final class SourceTable {
  private SourceTable() {}

  /**
   * Builds the table.
   *
   * @param name the table name and CSV stem
   * @param rowMeaning what one row is
   * @param columns the sweep table's columns, which must include sweep and config_id
   * @param rows typed values (String, Long, Double or null) in column order
   * @param configs configurations by {@link #key(String, String)}; rows of others are dropped
   * @param orderBy columns ordering rows within a configuration
   * @param descriptions descriptions of the sweep table's columns
   */
  public static SummaryTable build(String name, String rowMeaning, List<Column> columns,
      List<Object[]> rows, Map<String, Configuration> configs, List<String> orderBy,
      Map<String, String> descriptions) {
    List<String> names = columns.stream().map(Column::name).toList();
    int sweep = names.indexOf("sweep");
    int configId = names.indexOf("config_id");
    if (sweep < 0 || configId < 0) {
      throw new IllegalArgumentException(name + ": needs sweep and config_id, has " + names);
    }
    List<Column> own = new ArrayList<>();
    for (Column c : columns) {
      if (!c.name().equals("experiment")) {
        own.add(c);
      }
    }
    Table.Builder table = Table.builder();
    IdentityColumns.add(table, List.of());
    for (Column c : own) {
      if (!c.name().equals("sweep") && !c.name().equals("config_id")) {
        table.column(c);
      }
    }
    List<Object[]> kept = new ArrayList<>();
    for (Object[] row : rows) {
      if (configs.containsKey(key((String) row[sweep], (String) row[configId]))) {
        kept.add(row);
      }
    }
    kept.sort(order(names, orderBy, configs, sweep, configId));
    for (Object[] row : kept) {
      List<Object> v = new ArrayList<>();
      IdentityColumns.values(v, configs.get(key((String) row[sweep], (String) row[configId])),
          List.of());
      for (Column c : own) {
        if (!c.name().equals("sweep") && !c.name().equals("config_id")) {
          v.add(row[names.indexOf(c.name())]);
        }
      }
      table.addRow(v.toArray());
    }
    Table built = table.build();
    Map<String, String> d = IdentityColumns.descriptions(List.of());
    for (Column c : own) {
      d.putIfAbsent(c.name(), descriptions.getOrDefault(c.name(),
          "column '" + c.name() + "' of the sweep's " + name + " table"));
    }
    Map<String, String> described = new LinkedHashMap<>();
    built.columns().forEach(c -> described.put(c.name(), d.get(c.name())));
    return new SummaryTable(built, TableSchema.of(name, rowMeaning, built, described));
  }

  /** The key of a configuration in the map {@link #build} takes. */
  public static String key(String sweep, String configId) {
    return sweep + "\u0000" + configId;
  }

  private static Comparator<Object[]> order(List<String> names, List<String> orderBy,
      Map<String, Configuration> configs, int sweep, int configId) {
    Comparator<Object[]> order = Comparator.comparingInt(
        row -> configs.get(key((String) row[sweep], (String) row[configId])).index());
    for (String column : orderBy) {
      int i = names.indexOf(column);
      if (i < 0) {
        continue;
      }
      order = order.thenComparing(row -> row[i], Configurations::compareValues);
    }
    return order;
  }
}
