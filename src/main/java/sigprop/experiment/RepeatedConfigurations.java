package sigprop.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import sigprop.net.Norm;

/**
 * Configurations of one experiment that repeat another's numbers under other ids: the cells of
 * {@code norm: [none, batch]} × {@code norm_placement: [before_activation, after_activation]}
 * without a norm are the same network twice, as are those of an {@code input_seed} axis that
 * draw x from their own seed, and, with one seed run, those that redraw x and those whose input
 * seed is that seed, and those that differ in momentum or weight decay only where the learning
 * rate is 0. Each axis is used by some cell, so the config is valid ({@link IdleSettings}
 * refuses a setting that no cell uses, by the same rules); the sweep runs the copies, and the
 * summary shows them as configurations that never differed.
 */
final class RepeatedConfigurations {
  private RepeatedConfigurations() {}

  /**
   * "2 of 6 configurations repeat another's numbers (norm_placement changes nothing where norm
   * is none)", or null when every configuration computes something of its own.
   */
  static String note(List<CellSpec> configurations, List<Long> seeds) {
    String onlySeed = seeds.size() == 1 ? seeds.get(0).toString() : null;
    Map<String, String> reasonFor = Map.of(
        CellParameters.NORM_PLACEMENT, "norm_placement changes nothing where norm is none",
        CellParameters.NORM_EPS, "norm_eps changes nothing where norm is none",
        CellParameters.INPUT_SEED, "input_seed changes nothing where redraw_per_seed is true",
        CellParameters.REDRAW_PER_SEED, "redraw_per_seed changes nothing where input_seed is "
            + onlySeed + ", the one seed run",
        CellParameters.MOMENTUM, "momentum changes nothing where learning_rate is 0",
        CellParameters.WEIGHT_DECAY, "weight_decay changes nothing where learning_rate is 0");
    Map<Map<String, String>, CellSpec> first = new HashMap<>();
    Set<String> reasons = new TreeSet<>();
    int repeated = 0;
    for (CellSpec c : configurations) {
      CellSpec earlier = first.putIfAbsent(deciding(c.parameters(), onlySeed), c);
      if (earlier != null) {
        repeated++;
        reasonFor.forEach((parameter, reason) -> {
          if (!Objects.equals(earlier.parameters().get(parameter),
              c.parameters().get(parameter))) {
            reasons.add(reason);
          }
        });
      }
    }
    return repeated == 0 ? null : repeated + " of " + configurations.size()
        + " configurations " + (repeated == 1 ? "repeats" : "repeat") + " another's numbers ("
        + String.join("; ", reasons) + ")";
  }

  /**
   * The parameters that decide a cell's numbers: without the norm's placement and ε where there
   * is no norm, and with the seed x is drawn from in place of input_seed and redraw_per_seed
   * (the cell's own, which is {@code onlySeed} when one seed is run).
   */
  private static Map<String, String> deciding(Map<String, String> parameters, String onlySeed) {
    Map<String, String> deciding = new TreeMap<>(parameters);
    if (Norm.NONE.key().equals(parameters.get(CellParameters.NORM))) {
      deciding.remove(CellParameters.NORM_PLACEMENT);
      deciding.remove(CellParameters.NORM_EPS);
    }
    String learningRate = parameters.get(CellParameters.LEARNING_RATE);
    if (learningRate != null && Double.parseDouble(learningRate) == 0) { // w ← w − η·v: still
      deciding.remove(CellParameters.MOMENTUM);
      deciding.remove(CellParameters.WEIGHT_DECAY);
    }
    if (Boolean.parseBoolean(deciding.remove(CellParameters.REDRAW_PER_SEED))) {
      deciding.put(CellParameters.INPUT_SEED, onlySeed != null ? onlySeed : "the cell's seed");
    }
    return deciding;
  }
}
