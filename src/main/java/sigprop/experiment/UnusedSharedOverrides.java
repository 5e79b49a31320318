package sigprop.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A shared default set with {@code --set defaults.…} that no experiment takes (each sets its own
 * value, varies it in its grid, or writes its own seeds), or a setting set with --set in every
 * experiment that each one's grid (or widths) replaces, changes nothing: reported like an
 * experiment's own such override (ExperimentReader), rather than run as if it had been applied.
 * One that some experiment uses is fine, as every shared value is.
 */
final class UnusedSharedOverrides {
  private UnusedSharedOverrides() {}

  /**
   * Reports each {@code defaults.…} override that none of the experiments takes, and each
   * setting set in every experiment that every experiment replaces.
   */
  static void report(List<String> overrides, YamlNode.Mapping defaults, List<Scope> scopes,
      List<ExperimentConfig> experiments, Problems problems) {
    if (experiments.isEmpty()) {
      return;
    }
    Set<YamlNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (String override : overrides) {
      int eq = override.indexOf('=');
      String path = eq < 0 ? "" : override.substring(0, eq).trim();
      String[] all = path.split("\\.");
      if (all.length == 2 && Setting.byKey(all[0], all[1]) != null) {
        everyExperiment(Setting.byKey(all[0], all[1]), path, scopes, experiments, seen,
            problems);
      }
      if (!path.startsWith("defaults.") || defaults == null) {
        continue;
      }
      String[] keys = path.substring("defaults.".length()).split("\\.");
      YamlNode node = new Scope(defaults).find(keys);
      if (node == null || !node.location().equals("--set") || !seen.add(node)) {
        continue; // not set (a problem said why), replaced by a later override, or said
      }
      Setting setting = keys.length < 2 ? null : Setting.byKey(keys[0], keys[1]);
      if (setting != null) {
        bySetting(setting, new Scope(defaults).find(keys[0], keys[1]), node, scopes,
            experiments, problems);
      } else if (!taken(keys, node, scopes)) {
        problems.add(node, "has no effect: every experiment sets its own " + String.join(".",
            keys) + "; use --set " + String.join(".", keys) + "=… (every experiment)");
      }
    }
  }

  /**
   * A setting set in every experiment ({@code --set network.depth=…}) is replaced where the
   * experiment varies it, or its widths give depth and width: reported when every experiment
   * taking it replaces it, naming each with what replaces it.
   */
  private static void everyExperiment(Setting s, String path, List<Scope> scopes,
      List<ExperimentConfig> experiments, Set<YamlNode> seen, Problems problems) {
    YamlNode set = null;
    List<String> replaced = new ArrayList<>();
    boolean axis = false;
    for (int i = 0; i < experiments.size(); i++) {
      YamlNode node = scopes.get(i).explicit(s.section(), s.key());
      if (node == null || !node.location().equals("--set") || !node.path().equals(path)
          || set != null && node != set) {
        continue; // another override of this experiment's own replaced it
      }
      set = node;
      ExperimentConfig e = experiments.get(i);
      AxisConfig varied = e.axes().stream().filter(a -> a.setting() == s).findFirst()
          .orElse(null);
      AxisConfig widths = ExperimentConfig.widthsAxis(e.axes());
      if (varied != null) {
        axis = true;
        replaced.add("experiment '" + e.name() + "' varies " + s.axis() + " ("
            + new SettingValue(null, varied.node()).where("") + ")");
      } else if ((s == Setting.DEPTH || s == Setting.WIDTH)
          && ExperimentConfig.widthsEverywhere(e.fixed(), e.axes())) {
        replaced.add("experiment '" + e.name() + "' has widths ("
            + (widths != null ? new SettingValue(null, widths.node()).where("")
                : e.fixed().get(Setting.WIDTHS).where("")) + "), which give the depth and"
            + " every hidden layer's width");
      } else {
        return; // used
      }
    }
    if (set != null && seen.add(set)) {
      problems.add(set, "has no effect: " + String.join("; ", replaced) + "; "
          + (axis ? "use --set grid." + s.axis() + "=… to replace the axes, or drop it"
              : "drop it"));
    }
  }

  /** {@code shared} is the setting's value in defaults:, {@code set} the override within it. */
  private static void bySetting(Setting s, YamlNode shared, YamlNode set, List<Scope> scopes,
      List<ExperimentConfig> experiments, Problems problems) {
    boolean taken = experiments.stream().anyMatch(e -> e.fixed().get(s).node() == shared
        && e.axes().stream().noneMatch(a -> a.setting() == s));
    if (taken) {
      return;
    }
    // A value merged with <<: *anchor is a copy made as the file is read: say so.
    boolean merged = scopes.stream().anyMatch(e -> e.own(s.section(), s.key()) != null
        && e.explicit(s.section(), s.key()) == null);
    problems.add(set, "has no effect: every experiment sets its own " + s.section() + "."
        + s.key() + (merged ? " (a value merged with '<<:' is a copy made as the file is"
            + " read, which --set defaults.… does not change)" : "") + " or varies "
        + s.axis() + " in its grid; use --set " + s.section() + "." + s.key()
        + "=… (every experiment) or --set grid." + s.axis() + "=…");
  }

  /** Whether an experiment takes the shared value: seeds it does not write, or a record key. */
  private static boolean taken(String[] keys, YamlNode node, List<Scope> scopes) {
    if (keys.length == 1 && keys[0].equals("seeds")) {
      return scopes.stream().anyMatch(e -> e.own("seeds") == null
          && e.own("grid", "seeds") == null);
    }
    return scopes.stream().anyMatch(e -> e.find(keys) == node);
  }
}
