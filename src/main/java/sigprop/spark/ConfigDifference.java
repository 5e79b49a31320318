package sigprop.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What changed between two canonical configs (a sweep's {@code sweep.json} and a new run's), in
 * the cells table's parameter names: {@code example: depth was [4, 6], now [4, 7]}. A refused
 * {@code --resume} names these rather than two hashes, which say only that something changed.
 */
final class ConfigDifference {
  private static final String EXPERIMENT = "experiment: ";
  private static final String GRID = "grid.";

  private ConfigDifference() {}

  /** One line per changed setting, axis, record setting or experiment; empty when equal. */
  static List<String> between(String before, String after) {
    Map<String, Map<String, String>> was = entries(before);
    Map<String, Map<String, String>> now = entries(after);
    List<String> changes = new ArrayList<>();
    String sweepWas = was.get("").get("sweep");
    String sweepNow = now.get("").get("sweep");
    if (sweepWas != null && !sweepWas.equals(sweepNow)) {
      changes.add("sweep was " + sweepWas + ", now " + sweepNow);
    }
    TreeSet<String> names = new TreeSet<>(was.keySet());
    names.addAll(now.keySet());
    names.remove("");
    for (String name : names) {
      Map<String, String> a = was.get(name);
      Map<String, String> b = now.get(name);
      if (a == null || b == null) {
        changes.add("experiment " + name + (a == null ? " is new" : " is gone"));
        continue;
      }
      TreeSet<String> keys = new TreeSet<>(a.keySet());
      keys.addAll(b.keySet());
      for (String key : keys) {
        String x = a.getOrDefault(key, "(not set)");
        String y = b.getOrDefault(key, "(not set)");
        if (!x.equals(y)) {
          changes.add(name + ": " + key + " was " + x + ", now " + y);
        }
      }
    }
    return changes;
  }

  /**
   * The seeds the new config adds, as {@code --set seeds=} takes them ({@code [2,3]}), when they
   * are all that changed: every experiment runs the old seeds and these same new ones (so one
   * {@code --set seeds=} for every experiment runs exactly them); null otherwise. Run into
   * another folder under the same sweep name, they pool with the old ones in a summary of both.
   */
  static String addedSeeds(String before, String after) {
    Map<String, Map<String, String>> was = entries(before);
    Map<String, Map<String, String>> now = entries(after);
    if (!was.keySet().equals(now.keySet()) || !was.get("").equals(now.get(""))) {
      return null;
    }
    List<String> added = null;
    for (String name : was.keySet()) {
      Map<String, String> a = new LinkedHashMap<>(was.get(name));
      Map<String, String> b = new LinkedHashMap<>(now.get(name));
      List<String> old = seeds(a.remove("seeds"));
      List<String> all = seeds(b.remove("seeds"));
      if (name.isEmpty()) {
        continue;
      }
      if (!a.equals(b) || old == null || all == null || !all.containsAll(old)) {
        return null;
      }
      List<String> extra = new ArrayList<>(all);
      extra.removeAll(old);
      if (extra.isEmpty() || added != null && !added.equals(extra)) {
        return null;
      }
      added = extra;
    }
    return added == null ? null : "[" + String.join(",", added) + "]";
  }

  /** The seeds of a canonical {@code seeds: [0,1]} value, or null. */
  private static List<String> seeds(String value) {
    if (value == null || !value.startsWith("[") || !value.endsWith("]")) {
      return null;
    }
    String inner = value.substring(1, value.length() - 1).strip();
    return inner.isEmpty() ? List.of() : List.of(inner.split("\\s*,\\s*"));
  }

  /**
   * Experiment name → key → value of a canonical text ({@code CanonicalConfig}); the sweep's own
   * lines under "". A grid axis ({@code grid.depth:} with {@code - v} lines) becomes
   * {@code depth → [4, 6]}, so an axis that became a fixed setting reads as a changed value.
   */
  private static Map<String, Map<String, String>> entries(String canonical) {
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    Map<String, String> current = new LinkedHashMap<>();
    all.put("", current);
    String axis = null;
    List<String> values = new ArrayList<>();
    for (String line : canonical.split("\n")) {
      String trimmed = line.strip();
      if (axis != null && trimmed.startsWith("- ")) {
        values.add(trimmed.substring(2));
        continue;
      }
      axis = endAxis(current, axis, values);
      int colon = trimmed.indexOf(": ");
      if (line.startsWith(EXPERIMENT)) {
        current = new LinkedHashMap<>();
        all.put(line.substring(EXPERIMENT.length()), current);
      } else if (trimmed.startsWith(GRID) && trimmed.endsWith(":")) {
        axis = trimmed.substring(GRID.length(), trimmed.length() - 1);
      } else if (colon > 0) {
        current.put(trimmed.substring(0, colon), trimmed.substring(colon + 2));
      }
    }
    endAxis(current, axis, values);
    return all;
  }

  /** Puts a finished axis's values as one list; returns null (no axis open). */
  private static String endAxis(Map<String, String> into, String axis, List<String> values) {
    if (axis != null) {
      into.put(axis, "[" + String.join(", ", values) + "]");
      values.clear();
    }
    return null;
  }
}
