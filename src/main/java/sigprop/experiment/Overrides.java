package sigprop.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import sigprop.net.Names;

/**
 * Applies {@code --set key.path=value} overrides to a config tree before it is checked. Paths
 * follow the file's own keys ({@code input.batch}, {@code grid.depth},
 * {@code experiments.task3.network.depth}); values are YAML ({@code 4,60} is a list). In a file
 * with several experiments, a path that starts with an experiment key ({@code input},
 * {@code network}, {@code grid}, {@code seeds}, …) is set in every experiment.
 */
final class Overrides {
  private Overrides() {}

  /** Applies each override in order, later ones winning. */
  static void apply(YamlNode.Mapping root, List<String> overrides, Problems problems) {
    for (String override : overrides) {
      int eq = override.indexOf('=');
      String path = eq < 0 ? override.trim() : override.substring(0, eq).trim();
      if (eq < 0 || path.isEmpty() || path.startsWith(".") || path.endsWith(".")
          || path.contains("..")) {
        problems.add(path, "--set", "expected --set key.path=value, got '" + override + "'");
        continue;
      }
      YamlNode value = YamlTrees.parseOverrideValue(override.substring(eq + 1), path, problems);
      if (value == null) {
        continue;
      }
      List<String> keys = List.of(path.split("\\."));
      List<YamlNode.Mapping> targets = targets(root, keys, path, problems);
      for (YamlNode.Mapping target : targets) {
        set(target, keys, value, path, target != root, problems);
      }
    }
  }

  /** The mappings the path is relative to: the root, or every experiment. */
  private static List<YamlNode.Mapping> targets(YamlNode.Mapping root, List<String> keys,
      String path, Problems problems) {
    boolean everyExperiment = root.get("experiments") instanceof YamlNode.Mapping
        && Schema.EXPERIMENT.contains(keys.get(0));
    if (!everyExperiment) {
      boolean sharedPath = keys.get(0).equals("experiments") || keys.get(0).equals("defaults");
      if (sharedPath && root.get("experiments") == null) {
        String rest = keys.get(0).equals("experiments") ? keys.size() > 2
            ? String.join(".", keys.subList(2, keys.size())) : null
            : String.join(".", keys.subList(1, keys.size()));
        problems.add(path, "--set", "this config has one experiment (no experiments: section)"
            + (rest == null || rest.isEmpty() ? "" : "; set " + rest + " directly (--set "
                + rest + "=…)"));
        return List.of();
      }
      if (keys.size() >= 2 && keys.get(0).equals("experiments")
          && root.get("experiments") instanceof YamlNode.Mapping exps
          && exps.get(keys.get(1)) == null) {
        problems.add(path, "--set", Names.unknown("experiment", keys.get(1),
            new ArrayList<>(exps.view().keySet())));
        return List.of();
      }
      return List.of(root);
    }
    YamlNode.Mapping exps = (YamlNode.Mapping) root.get("experiments");
    List<YamlNode.Mapping> out = new ArrayList<>();
    for (String name : new ArrayList<>(exps.view().keySet())) {
      YamlNode e = exps.get(name);
      if (Schema.isNull(e)) { // "task2:" with nothing under it
        e = YamlNode.Mapping.empty(e.path(), e.location());
        exps.entries().put(name, e);
      }
      if (e instanceof YamlNode.Mapping m) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * Sets the value at the keys under target; {@code everyExperiment}: the target is one of the
   * experiments that all get it, so a mapping made on the way is named by the override's path,
   * as the value is (the same in each experiment: judged as one shared value).
   */
  private static void set(YamlNode.Mapping target, List<String> keys, YamlNode value,
      String path, boolean everyExperiment, Problems problems) {
    YamlNode.Mapping at = target;
    YamlNode.Mapping above = null;
    for (int i = 0; i < keys.size() - 1; i++) {
      String key = keys.get(i);
      YamlNode next = at.get(key);
      if (next == null || Schema.isNull(next)) {
        next = YamlNode.Mapping.empty(everyExperiment ? String.join(".", keys.subList(0, i + 1))
            : YamlNode.child(at.path(), key), "--set");
        at.entries().put(key, next);
      }
      if (!(next instanceof YamlNode.Mapping m)) {
        problems.add(path, "--set", "cannot set a key inside " + next.path() + ", which is "
            + next.describe() + ", not a mapping");
        return;
      }
      above = at;
      at = at.isMerged(key) ? unmerge(at, key, m) : m;
    }
    String last = keys.get(keys.size() - 1);
    replaced(at.entries().put(last, value), value, problems);
    at.merged().remove(last); // an override is the experiment's own value
    // seeds and grid.seeds are one setting written two ways: the override replaces either.
    if (last.equals("seeds") && keys.size() >= 2 && keys.get(keys.size() - 2).equals("grid")) {
      replaced(above.entries().remove("seeds"), value, problems);
      above.merged().remove("seeds");
    } else if (last.equals("seeds") && at.get("grid") instanceof YamlNode.Mapping grid) {
      replaced(grid.entries().remove("seeds"), value, problems);
      grid.merged().remove("seeds");
    }
  }

  /** Notes the config file's value {@code old} (if any) that the override's value replaced. */
  private static void replaced(YamlNode old, YamlNode value, Problems problems) {
    if (old != null && !Schema.isNull(old) && !old.location().equals("--set")) {
      problems.overrode(value.path(), old);
    }
  }

  /**
   * Makes parent's merged mapping under key the parent's own, so that a value set inside it is
   * explicit, while the mapping's other keys stay merged (a merged value is one a grid axis and
   * the experiment's explicit keys override).
   */
  private static YamlNode.Mapping unmerge(YamlNode.Mapping parent, String key,
      YamlNode.Mapping merged) {
    Set<String> inherited = new HashSet<>(merged.entries().keySet());
    YamlNode.Mapping own = new YamlNode.Mapping(new LinkedHashMap<>(merged.entries()), inherited,
        merged.path(), merged.location());
    parent.entries().put(key, own);
    parent.merged().remove(key);
    return own;
  }
}
