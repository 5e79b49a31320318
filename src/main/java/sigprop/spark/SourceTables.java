package sigprop.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import sigprop.summary.Configuration;
import sigprop.summary.LayerSelection;
import sigprop.summary.SourceDescriptions;
import sigprop.summary.SourceTable;
import sigprop.summary.SummaryTable;

/**
 * cells.csv and theory.csv: the sweep's own cells and theory tables as a summary writes them,
 * with the columns the Parquet has but the folder index ({@code source}) it was read from.
 */
final class SourceTables {
  private SourceTables() {}

  /** The summarized cells, one row each. */
  static SummaryTable cells(Dataset<Row> source, List<Row> cells,
      Map<String, Configuration> configs, List<String> parameterNames) {
    List<sigprop.report.Column> columns = withoutSource(source);
    List<Object[]> rows = new ArrayList<>();
    cells.forEach(r -> rows.add(SparkColumns.values(r, columns)));
    return SourceTable.build("cells", "cell: one seed of one configuration, as the sweep ran it",
        columns, rows, configs, List.of("seed", "cell_id"),
        SourceDescriptions.cells(parameterNames));
  }

  /** The theory rows of the layers --layers keeps. */
  static SummaryTable theory(Dataset<Row> source, List<Row> theory,
      Map<String, Configuration> configs, LayerSelection layers) {
    List<sigprop.report.Column> columns = new ArrayList<>(source == null
        ? SparkColumns.of(TheoryTableRows.SCHEMA) : withoutSource(source));
    columns.removeIf(c -> c.name().equals("wave"));
    List<Object[]> rows = new ArrayList<>();
    for (Row r : theory) {
      // The layers --layers keeps, as in layers.csv (a configuration not summarized: all).
      Configuration c = configs.get(SourceTable.key(r.getAs("sweep"), r.getAs("config_id")));
      if (c == null || layers.keeps(r.<Integer>getAs("layer"), c.depth())) {
        rows.add(SparkColumns.values(r, columns));
      }
    }
    return SourceTable.build("theory", "configuration and hidden layer: the predictions at"
        + " initialization", columns, rows, configs, List.of("layer"),
        SourceDescriptions.theory());
  }

  private static List<sigprop.report.Column> withoutSource(Dataset<Row> table) {
    List<sigprop.report.Column> columns = new ArrayList<>(SparkColumns.of(table.schema()));
    columns.removeIf(c -> c.name().equals("source"));
    return columns;
  }
}
