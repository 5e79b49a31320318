package sigprop.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Configurations of one experiment that repeat another's numbers under other ids: the cells of
 * {@code norm: [none, batch]} × {@code norm_placement: [before_activation, after_activation]}
 * without a norm are the same network twice, as are those of an {@code input_seed} axis that
 * draw x from their own seed. Each axis is used by some cell, so the config is valid; the sweep
 * runs the copies, and the summary shows them as configurations that never differed.
 */
final class RepeatedConfigurations {
  private RepeatedConfigurations() {}

  /** A parameter that changes nothing in a cell where another parameter has a value. */
  private record Unused(String parameter, String where, String value) {}

  private static final List<Unused> UNUSED = List.of(
      new Unused(CellParameters.NORM_PLACEMENT, CellParameters.NORM, "none"),
      new Unused(CellParameters.NORM_EPS, CellParameters.NORM, "none"),
      new Unused(CellParameters.INPUT_SEED, CellParameters.REDRAW_PER_SEED, "true"));

  /**
   * "2 of 6 configurations repeat another's numbers (norm_placement changes nothing where norm
   * is none)", or null when every configuration computes something of its own.
   */
  static String note(List<CellSpec> configurations) {
    Map<Map<String, String>, CellSpec> first = new HashMap<>();
    Set<String> reasons = new TreeSet<>();
    int repeated = 0;
    for (CellSpec c : configurations) {
      Map<String, String> used = new TreeMap<>(c.parameters());
      for (Unused u : UNUSED) {
        if (u.value().equals(c.parameters().get(u.where()))) {
          used.remove(u.parameter());
        }
      }
      CellSpec earlier = first.putIfAbsent(used, c);
      if (earlier != null) {
        repeated++;
        for (Unused u : UNUSED) {
          if (!Objects.equals(earlier.parameters().get(u.parameter()),
              c.parameters().get(u.parameter()))) {
            reasons.add(u.parameter() + " changes nothing where " + u.where() + " is "
                + u.value());
          }
        }
      }
    }
    return repeated == 0 ? null : repeated + " of " + configurations.size()
        + " configurations " + (repeated == 1 ? "repeats" : "repeat") + " another's numbers ("
        + String.join("; ", reasons) + ")";
  }
}
