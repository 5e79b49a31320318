package sigprop.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import sigprop.summary.SourceTable;
import sigprop.summary.TheoryJoin;

/**
 * The rows a summary uses of what the folders hold more than once: a cell rerun in a later wave
 * or held by two folders, a theory row written by two folders.
 */
final class LatestRows {
  private LatestRows() {}

  /** One row per cell: the one from the last folder, then the highest wave. */
  static List<Row> cells(List<Row> cells) {
    Map<String, Row> latest = new LinkedHashMap<>();
    for (Row r : cells) {
      String key = SourceTable.key(r.getString(r.fieldIndex("sweep")),
          r.getString(r.fieldIndex("cell_id")));
      Row seen = latest.get(key);
      if (seen == null || later(r, seen)) {
        latest.put(key, r);
      }
    }
    return new ArrayList<>(latest.values());
  }

  private static boolean later(Row a, Row b) {
    int source = Integer.compare(a.getInt(a.fieldIndex("source")),
        b.getInt(b.fieldIndex("source")));
    return source != 0 ? source > 0
        : a.getInt(a.fieldIndex("wave")) > b.getInt(b.fieldIndex("wave"));
  }

  /** The theory rows, one per (sweep, configuration, layer): the last folder's; empty if none. */
  static List<Row> theory(Dataset<Row> theory) {
    if (theory == null) {
      return List.of();
    }
    Map<String, Row> latest = new LinkedHashMap<>();
    for (Row r : theory.collectAsList()) {
      String key = TheoryJoin.key(r.getString(r.fieldIndex("sweep")),
          r.getString(r.fieldIndex("config_id")), r.getInt(r.fieldIndex("layer")));
      Row seen = latest.get(key);
      if (seen == null
          || r.getInt(r.fieldIndex("source")) > seen.getInt(seen.fieldIndex("source"))) {
        latest.put(key, r);
      }
    }
    return new ArrayList<>(latest.values());
  }

  /** The double columns of each theory row, by {@link TheoryJoin#key}. */
  static Map<String, Map<String, Double>> theoryValues(List<Row> theory) {
    Map<String, Map<String, Double>> values = new HashMap<>();
    for (Row r : theory) {
      Map<String, Double> row = new HashMap<>();
      for (int i = 0; i < r.size(); i++) {
        if (r.get(i) instanceof Double d) {
          row.put(r.schema().fields()[i].name(), d);
        }
      }
      values.put(TheoryJoin.key(r.getString(r.fieldIndex("sweep")),
          r.getString(r.fieldIndex("config_id")), r.getInt(r.fieldIndex("layer"))), row);
    }
    return values;
  }
}
