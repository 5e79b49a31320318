package sigprop.spark;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import sigprop.experiment.CellSpec;
import sigprop.experiment.ConfigException;
import sigprop.experiment.ConfigLoader;

/**
 * Rebuilds a sweep's cells on an executor from the config text, once per JVM: tasks ship only the
 * text and cell indices, never the specs, and every executor expands exactly the driver's grid.
 */
final class PlanCache {
  private static final ConcurrentHashMap<String, List<CellSpec>> CELLS = new ConcurrentHashMap<>();

  private PlanCache() {}

  /** The cells of the config after overrides, in plan order. */
  static List<CellSpec> cells(String configText, String source, List<String> overrides) {
    String key = source + '\u0000' + overrides + '\u0000' + configText;
    return CELLS.computeIfAbsent(key, k -> {
      try {
        return ConfigLoader.parse(configText, source, overrides, 0).cells();
      } catch (ConfigException e) {
        throw new IllegalStateException("config valid on the driver but not here: " + e, e);
      }
    });
  }
}
