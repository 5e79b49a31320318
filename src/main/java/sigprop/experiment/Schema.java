package sigprop.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import sigprop.net.Names;
import sigprop.net.Site;

/**
 * The keys each mapping of a config accepts. Unknown keys are reported with the closest valid
 * key, or with the section a key belongs to when it was written in the wrong one.
 */
final class Schema {
  /** The sections of settings an experiment (or the defaults) may hold. */
  static final List<String> SECTIONS = List.of("input", "network", "loss", "record", "training");
  /** Keys of one experiment. */
  static final List<String> EXPERIMENT = List.of("input", "network", "loss", "record", "training",
      "seeds", "grid");
  /** Keys of {@code defaults:} (grid axes belong to each experiment). */
  static final List<String> DEFAULTS = List.of("input", "network", "loss", "record", "training",
      "seeds");
  /** Top-level keys of a file with {@code experiments:}. */
  static final List<String> MULTI_ROOT = List.of("sweep", "defaults", "experiments");
  /** Top-level keys of a single-experiment file. */
  static final List<String> SINGLE_ROOT = concat(List.of("sweep"), EXPERIMENT);
  /** Keys of {@code record:}. */
  static final List<String> RECORD = List.of("sites", "steps", "histogram");
  /** Keys of {@code record.histogram:}. */
  static final List<String> HISTOGRAM = List.of("linear_bins", "range", "log_bins_per_decade",
      "min_decade", "max_decade", "sites");
  /** Keys of one site's entry under {@code record.histogram.sites:}. */
  static final List<String> SITE_HISTOGRAM = List.of("bins", "range", "linear_bins",
      "log_bins_per_decade", "min_decade", "max_decade");

  private Schema() {}

  /** Checks the top level of a file; true when it holds several experiments. */
  static boolean checkRoot(YamlNode.Mapping root, Problems problems) {
    boolean multi = root.get("experiments") != null;
    if (!multi) {
      checkExperiment(root, SINGLE_ROOT, problems);
      return false;
    }
    for (Map.Entry<String, YamlNode> e : root.view().entrySet()) {
      String key = e.getKey();
      if (EXPERIMENT.contains(key)) {
        problems.add(e.getValue(), "with 'experiments:', shared settings go under 'defaults:' "
            + "(defaults." + key + ") and per-experiment ones under experiments.NAME." + key);
      } else if (!MULTI_ROOT.contains(key)) {
        unknown(e.getValue(), key, MULTI_ROOT, problems);
      }
    }
    return true;
  }

  /** Checks an experiment's (or the defaults') keys and its sections' keys. */
  static void checkExperiment(YamlNode.Mapping experiment, List<String> allowed,
      Problems problems) {
    for (Map.Entry<String, YamlNode> e : experiment.view().entrySet()) {
      String key = e.getKey();
      YamlNode value = e.getValue();
      if (SECTIONS.contains(key) && allowed.contains(key)) {
        checkSection(key, value, problems);
      } else if (key.equals("grid") && allowed.contains(key)) {
        checkGrid(value, problems);
      } else if (allowed.contains(key)) {
        continue; // sweep and seeds are read (and checked) on their own
      } else if (key.equals("grid")) {
        problems.add(value, "grid axes belong to each experiment (experiments.NAME.grid), not to "
            + "the defaults");
      } else if (key.equals("defaults")) {
        problems.add(value, "'defaults:' needs 'experiments:' beside it; a file without "
            + "experiments is one experiment whose settings sit at the top level");
      } else if (MULTI_ROOT.contains(key)) {
        problems.add(value, "'" + key + "' belongs at the top of the file");
      } else {
        unknown(value, key, allowed, problems);
      }
    }
  }

  private static void checkSection(String section, YamlNode node, Problems problems) {
    if (isNull(node)) {
      return; // "network:" with nothing under it: no settings of its own
    }
    if (section.equals("loss") && node instanceof YamlNode.Scalar s) { // loss: mse
      problems.add(node, "expected a mapping (key: value, …), got " + node.describe()
          + "; write loss: {type: " + s.text() + "}");
      return;
    }
    YamlNode.Mapping m = Values.mapping(node, problems);
    if (m == null) {
      return;
    }
    List<String> keys = section.equals("record") ? RECORD : Setting.keysOf(section);
    for (Map.Entry<String, YamlNode> e : m.view().entrySet()) {
      if (!keys.contains(e.getKey())) {
        unknown(e.getValue(), e.getKey(), keys, problems);
      } else if (e.getKey().equals("histogram") && !isNull(e.getValue())) {
        YamlNode.Mapping h = Values.mapping(e.getValue(), problems);
        if (h != null) {
          for (String k : h.view().keySet()) {
            if (!HISTOGRAM.contains(k)) {
              unknown(h.get(k), k, HISTOGRAM, problems);
            } else if (k.equals("sites")) {
              checkHistogramSites(h.get(k), problems);
            }
          }
        }
      }
    }
  }

  /** record.histogram.sites: site names, each with a mapping of {@link #SITE_HISTOGRAM} keys. */
  private static void checkHistogramSites(YamlNode node, Problems problems) {
    if (isNull(node)) {
      return;
    }
    YamlNode.Mapping sites = Values.mapping(node, problems);
    if (sites == null) {
      return;
    }
    List<String> names = Arrays.stream(Site.values()).map(Site::key).toList();
    for (Map.Entry<String, YamlNode> e : sites.view().entrySet()) {
      if (!names.contains(e.getKey())) {
        problems.add(e.getValue(), Names.unknown("site", e.getKey(), names));
        continue;
      }
      if (isNull(e.getValue())) {
        continue;
      }
      YamlNode.Mapping entry = Values.mapping(e.getValue(), problems);
      if (entry != null) {
        for (String k : entry.view().keySet()) {
          if (!SITE_HISTOGRAM.contains(k)) {
            unknown(entry.get(k), k, SITE_HISTOGRAM, problems);
          }
        }
      }
    }
  }

  private static void checkGrid(YamlNode node, Problems problems) {
    if (isNull(node)) {
      return;
    }
    if (!(node instanceof YamlNode.Mapping m)) {
      problems.add(node, "expected a mapping of axis name to a list of values (e.g. "
          + "grid: {depth: [4, 20]}), got " + node.describe());
      return;
    }
    List<String> axes = concat(Setting.axes(), List.of("seeds"));
    for (String key : m.view().keySet()) {
      if (RECORD.contains(key)) { // "steps" would otherwise be answered with "seeds"
        problems.add(m.get(key), "record." + key + " is not a grid axis: every cell of an"
            + " experiment records alike; to compare, write experiments with their own record."
            + key);
      } else if (!axes.contains(key)) {
        String axis = axisFor(key);
        problems.add(m.get(key), axis != null
            ? "unknown grid axis '" + key + "'; did you mean '" + axis + "'? (axes are named "
                + "by their parameter name)"
            : Names.unknown("grid axis", key, axes));
      }
    }
  }

  /** The axis a section key such as input.width, network.depth or type stands for, or null. */
  private static String axisFor(String key) {
    int dot = key.lastIndexOf('.');
    String section = dot < 0 ? null : key.substring(0, dot);
    String tail = key.substring(dot + 1);
    for (Setting s : Setting.values()) {
      boolean sameKey = s.key().equals(tail) || s.axis().equals(tail);
      if (sameKey && (section == null ? !tail.equals("seed") : s.section().equals(section))) {
        return s.axis();
      }
    }
    return null;
  }

  /** "unknown key 'activaton'; did you mean 'activation'?", or where the key belongs. */
  private static void unknown(YamlNode at, String key, List<String> valid, Problems problems) {
    List<String> homes = new ArrayList<>();
    for (String section : SECTIONS) {
      List<String> keys = section.equals("record") ? RECORD : Setting.keysOf(section);
      if (keys.contains(key) && !valid.contains(key)) {
        homes.add(section + ": (" + section + "." + key + ")");
      }
    }
    if (!homes.isEmpty()) {
      problems.add(at, "unknown key '" + key + "' here; it belongs in " + String.join(" or ",
          homes));
      return;
    }
    problems.add(at, Names.unknown("key", key, valid));
  }

  /** True for a key written with nothing after it. */
  static boolean isNull(YamlNode node) {
    return node instanceof YamlNode.Scalar s && s.isNull();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }
}
