package sigprop.experiment;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A shared default set with {@code --set defaults.…} that no experiment takes (each sets its own
 * value, varies it in its grid, or writes its own seeds) changes nothing: reported like an
 * experiment's own such override (ExperimentReader), rather than run as if it had been applied.
 */
final class UnusedSharedOverrides {
  private UnusedSharedOverrides() {}

  /** Reports each {@code defaults.…} override that none of the experiments takes. */
  static void report(List<String> overrides, YamlNode.Mapping defaults, List<Scope> scopes,
      List<ExperimentConfig> experiments, Problems problems) {
    if (defaults == null || experiments.isEmpty()) {
      return;
    }
    Set<YamlNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (String override : overrides) {
      int eq = override.indexOf('=');
      String path = eq < 0 ? "" : override.substring(0, eq).trim();
      if (!path.startsWith("defaults.")) {
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
