package sigprop.experiment;

import java.util.List;

/**
 * A value written in a config, as one experiment takes it: why it changes no number in any of
 * that experiment's cells, or null when it does change one. {@code shared} values (from
 * {@code defaults:}, merged with {@code <<:}, or a --set path applied to every experiment) are
 * judged over every experiment that takes them; the others over their one experiment.
 *
 * @param node where the value is written
 * @param key what is written there, the same for every copy of one value (e.g. network.norm_eps)
 * @param shared whether other experiments may take the same value
 * @param experiment the experiment
 * @param because why it changes nothing there, with {@value #EXPERIMENT} where it names the
 *     experiment (so that the reasons of several experiments can be said once); null when it
 *     changes something
 * @param lead the problem's words before the reason ("has no effect: ")
 * @param tail its words after the reason ("; drop it or add a norm")
 * @param cover another value of the experiment whose problem says this one's too (null: none):
 *     while that one is reported this one is not, as following both remedies at once would
 *     change numbers that following either leaves alone
 */
record ValueUse(YamlNode node, String key, boolean shared, String experiment, String because,
    String lead, String tail, ValueUse cover) {
  /** Stands for "experiment 'x'" in {@link #because}. */
  static final String EXPERIMENT = "{experiment}";

  /** Whether the value changes nothing in this experiment. */
  boolean idle() {
    return because != null;
  }

  /** This value with a cover: not reported while the cover is. */
  ValueUse coveredBy(ValueUse other) {
    return new ValueUse(node, key, shared, experiment, because, lead, tail, other);
  }

  /** This value as one that changes something (its cover says what is wrong). */
  ValueUse used() {
    return new ValueUse(node, key, shared, experiment, null, lead, tail, null);
  }

  /** The problem with this reason (several experiments' reasons, for a shared value). */
  String message(String reason) {
    return lead + reason + tail;
  }

  /** The reason, naming these experiments: "experiment 'a'", "experiment 'a', 'b' or 'c'". */
  static String naming(String because, List<String> experiments) {
    StringBuilder names = new StringBuilder("experiment ");
    for (int i = 0; i < experiments.size(); i++) {
      names.append(i == 0 ? "" : i == experiments.size() - 1 ? " or " : ", ")
          .append('\'').append(experiments.get(i)).append('\'');
    }
    return because.replace(EXPERIMENT, names);
  }

  /**
   * Whether a value of the file is idle only because of an override (its cause, such as
   * {@code --set record.steps=0} or {@code --set seeds=1}, shrinking a sweep for a quick run):
   * not reported, as a file's value beside a {@code --set grid.X} axis is not, since --set
   * cannot take a value out of the file.
   */
  static boolean idledByOverride(YamlNode value, List<YamlNode> causes) {
    return !value.location().equals("--set")
        && causes.stream().anyMatch(c -> c != null && c.location().equals("--set"));
  }

  /**
   * Whether the node is the experiment's own value: written in it, or set with --set for it
   * alone. A --set path applied to every experiment of a multi-experiment file is shared.
   */
  static boolean own(YamlNode node, YamlNode explicit, boolean multi) {
    boolean everyExperiment = multi && node.location().equals("--set")
        && !node.path().startsWith("experiments.");
    return node == explicit && !everyExperiment;
  }
}
