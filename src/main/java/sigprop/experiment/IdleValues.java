package sigprop.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports values that cannot change any number ({@link IdleSettings}, {@link IdleRecordKeys}):
 * an experiment's own value that no cell of it uses, and a shared value (defaults:, merged with
 * {@code <<:}, --set for every experiment) that no experiment taking it uses. A shared value some
 * experiment uses is fine where another leaves it idle: defaults serve several experiments.
 */
final class IdleValues {
  private IdleValues() {}

  /** Checks every experiment; {@code scopes} are the experiments' scopes, in the same order. */
  static void report(List<ExperimentConfig> experiments, List<Scope> scopes, boolean multi,
      Problems problems) {
    Map<Object, List<ValueUse>> byValue = new LinkedHashMap<>();
    for (int i = 0; i < experiments.size(); i++) {
      List<ValueUse> uses = new ArrayList<>(IdleSettings.uses(experiments.get(i), scopes.get(i),
          multi));
      uses.addAll(IdleRecordKeys.uses(experiments.get(i), scopes.get(i), multi));
      for (ValueUse use : uses) {
        byValue.computeIfAbsent(sameValue(use), k -> new ArrayList<>()).add(use);
      }
    }
    // Values with a cover are judged after the others, as used where their cover is reported.
    Set<ValueUse> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    for (boolean covered : new boolean[] {false, true}) {
      for (List<ValueUse> group : byValue.values()) {
        if (group.stream().anyMatch(u -> u.cover() != null) == covered) {
          report(group.stream().map(u -> u.cover() != null && reported.contains(u.cover())
              ? u.used() : u).toList(), reported, problems);
        }
      }
    }
  }

  /** Reports one value's problem, given every experiment that takes it, and adds it there. */
  private static void report(List<ValueUse> takers, Set<ValueUse> reported, Problems problems) {
    // An experiment's own value that others merge (an anchor) is shared with them: where it
    // is written it may be idle, where it is merged used, and dropping it changes those cells.
    if (takers.stream().noneMatch(ValueUse::shared)) {
      takers.stream().filter(ValueUse::idle).forEach(use -> {
        problems.add(use.node(), use.message(ValueUse.naming(use.because(),
            List.of(use.experiment()))));
        reported.add(use);
      });
    } else if (takers.stream().allMatch(ValueUse::idle)) {
      // One reason per wording, naming every experiment it holds in.
      Map<String, List<String>> byReason = new LinkedHashMap<>();
      takers.forEach(t -> byReason.computeIfAbsent(t.because(), k -> new ArrayList<>())
          .add(t.experiment()));
      List<String> reasons = new ArrayList<>();
      byReason.forEach((because, names) -> reasons.add(ValueUse.naming(because,
          names.stream().distinct().toList())));
      ValueUse first = takers.get(0);
      problems.add(first.node(), first.message(String.join("; ", reasons)));
      reported.addAll(takers);
    }
  }

  /**
   * What makes two experiments' copies one value: a value merged with {@code <<:} is copied into
   * each experiment that merges it, with the line of the value it copies (the anchor's, which
   * may be one experiment's own value); an override set in every experiment is one value.
   */
  private static Object sameValue(ValueUse use) {
    String location = use.node().location();
    // A mapping that an override for every experiment made on its way is one per experiment,
    // named by the override's path.
    return location.startsWith("line ") ? use.key() + " at " + location
        : use.shared() ? use.key() + " at --set " + use.node().path() : use.node();
  }
}
