package sigprop.summary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sigprop.report.Column;
import sigprop.report.Table;

/** The columns that say which configuration a row belongs to, shared by the summary tables. */
final class IdentityColumns {
  private IdentityColumns() {}

  /** Adds sweep, experiment, config_index, config_id, config_label and, if given, parameters. */
  static void add(Table.Builder table, List<Column> parameters) {
    table.stringColumn("sweep").stringColumn("experiment").longColumn("config_index")
        .stringColumn("config_id").stringColumn("config_label");
    parameters.forEach(table::column);
  }

  /** The values of {@link #add}'s columns. */
  static void values(List<Object> row, Configuration c, List<Column> parameters) {
    row.add(c.sweep());
    row.add(c.experiment());
    row.add((long) c.index());
    row.add(c.configId());
    row.add(c.label());
    if (!parameters.isEmpty()) {
      row.addAll(c.parameters());
    }
  }

  /** The descriptions of {@link #add}'s columns. */
  static Map<String, String> descriptions(List<Column> parameters) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("sweep", "the sweep's name (its output folder)");
    d.put("experiment", "the experiment within the sweep");
    d.put("config_index", "the configuration's number in this summary (0, 1, …), in the order of"
        + " sweep, experiment and parameter values (in parameter-column order); the same in every"
        + " table");
    d.put("config_id", "the configuration's id: a hash of the experiment and every parameter but"
        + " the seed (the sweep's config_id)");
    d.put("config_label", "a legend label: the parameters that vary within the experiment, as"
        + " name=value separated by spaces in parameter-column order (commas in values shown as"
        + " spaces)");
    for (Column p : parameters) {
      d.put(p.name(), ParameterDescriptions.of(p.name()));
    }
    return d;
  }
}
