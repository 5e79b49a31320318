package sigprop.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A value written in {@code defaults:} that no experiment takes (each sets its own, varies it in
 * its grid, has widths that give it, or writes its own seeds) changes no cell, though its reader
 * believes it applies somewhere: refused at its line, naming what replaces it in each experiment.
 * A value merged with {@code <<:} from an anchor there is a copy of it, so an experiment that
 * keeps the merged copy takes it. Where an override replaces it in some experiment it is left
 * alone ({@code --set} shrinks a sweep for a quick run and cannot take a value out of the file);
 * a default set with {@code --set defaults.…} is {@link UnusedSharedOverrides}' to judge.
 */
final class UntakenDefaults {
  private UntakenDefaults() {}

  /** Checks every setting, record key and the seeds in {@code defaults}. */
  static void report(YamlNode.Mapping defaults, List<Scope> scopes,
      List<ExperimentConfig> experiments, Problems problems) {
    if (defaults == null || experiments.isEmpty()) {
      return;
    }
    for (Map.Entry<String, YamlNode> section : defaults.view().entrySet()) {
      String name = section.getKey();
      if (name.equals("seeds")) {
        check(section.getValue(), new String[] {"seeds"}, scopes, experiments, problems);
      } else if (section.getValue() instanceof YamlNode.Mapping m) {
        for (Map.Entry<String, YamlNode> e : m.view().entrySet()) {
          leaves(e.getValue(), new String[] {name, e.getKey()}, scopes, experiments, problems);
        }
      }
    }
  }

  /** A setting is one value (an init mapping too); record keys are judged key by key. */
  private static void leaves(YamlNode node, String[] keys, List<Scope> scopes,
      List<ExperimentConfig> experiments, Problems problems) {
    if (Setting.byKey(keys[0], keys[1]) == null && node instanceof YamlNode.Mapping m) {
      for (Map.Entry<String, YamlNode> e : m.view().entrySet()) {
        String[] child = Arrays.copyOf(keys, keys.length + 1);
        child[keys.length] = e.getKey();
        leaves(e.getValue(), child, scopes, experiments, problems);
      }
    } else {
      check(node, keys, scopes, experiments, problems);
    }
  }

  private static void check(YamlNode node, String[] keys, List<Scope> scopes,
      List<ExperimentConfig> experiments, Problems problems) {
    if (Schema.isNull(node) || !node.location().startsWith("line ")) {
      return; // null is no value; --set defaults.… is judged with the overrides
    }
    List<String> replaced = new ArrayList<>();
    for (int i = 0; i < experiments.size(); i++) {
      YamlNode instead = replacement(node, keys, scopes.get(i), experiments.get(i), replaced);
      if (instead == null || instead.location().equals("--set")) {
        return; // taken, or replaced by an override only
      }
    }
    problems.add(node, "has no effect: no experiment takes this default: "
        + String.join("; ", replaced) + "; drop it from defaults:");
  }

  /**
   * What replaces the default in the experiment (adding its words to {@code replaced}), or null
   * when the experiment takes it, itself or as a merged copy.
   */
  private static YamlNode replacement(YamlNode node, String[] keys, Scope scope,
      ExperimentConfig e, List<String> replaced) {
    String who = "experiment '" + e.name() + "' ";
    if (keys.length == 1) {
      YamlNode seeds = ExperimentReader.seedsNode(scope);
      if (seeds == null || Schema.isNull(seeds) || same(seeds, node, scope.explicit("seeds") == null
          && scope.explicit("grid", "seeds") == null)) {
        return null;
      }
      replaced.add(who + "writes its own seeds (" + where(seeds) + ")");
      return seeds;
    }
    Setting s = keys.length == 2 ? Setting.byKey(keys[0], keys[1]) : null;
    AxisConfig axis = s == null ? null
        : e.axes().stream().filter(a -> a.setting() == s).findFirst().orElse(null);
    if (axis != null) {
      replaced.add(who + "varies " + s.axis() + " (" + where(axis.node()) + ")");
      return axis.node();
    }
    YamlNode found = scope.find(keys);
    if (found != null && Schema.isNull(found)) {
      return null; // "depth:" with no value: refused on its own, as giving no value
    }
    if (found != null && !same(found, node, scope.explicit(keys) == null)) {
      replaced.add(who + "sets its own " + String.join(".", keys) + " (" + where(found) + ")");
      return found;
    }
    if ((s == Setting.DEPTH || s == Setting.WIDTH) && scope.own("network", "widths") == null
        && ExperimentConfig.widthsAxis(e.axes()) != null) {
      YamlNode widths = ExperimentConfig.widthsAxis(e.axes()).node();
      replaced.add(who + "varies widths (" + where(widths) + "), which give the depth and"
          + " every hidden layer's width");
      return widths;
    }
    if ((s == Setting.DEPTH || s == Setting.WIDTH) && scope.own("network", "widths") != null
        && ExperimentConfig.widthsEverywhere(e.fixed(), e.axes())) {
      YamlNode widths = scope.own("network", "widths");
      replaced.add(who + "has widths (" + where(widths) + "), which give the depth and every"
          + " hidden layer's width");
      return widths;
    }
    return null;
  }

  /** The default itself, or a copy of it merged with {@code <<:} (written on its line). */
  private static boolean same(YamlNode found, YamlNode node, boolean merged) {
    return found == node || merged && found.location().equals(node.location());
  }

  private static String where(YamlNode node) {
    return node.location();
  }
}
