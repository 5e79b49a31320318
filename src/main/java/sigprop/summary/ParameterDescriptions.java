package sigprop.summary;

import java.util.Map;

/** What each configuration parameter column holds (docs/CONFIG.md has the details). */
final class ParameterDescriptions {
  private static final Map<String, String> KNOWN = Map.ofEntries(
      Map.entry("depth", "hidden layers L (layers 1..L; L+1 is the output head)"),
      Map.entry("width", "the hidden width of a uniform-width net (empty when widths is set)"),
      Map.entry("widths", "the hidden widths of a net of unequal widths, e.g. [50,30,20]"),
      Map.entry("activation", "the hidden activation, e.g. tanh or leaky_relu(slope=0.2)"),
      Map.entry("norm", "normalization: none, batch or layer"),
      Map.entry("norm_placement", "where the norm sits: before_activation or after_activation"),
      Map.entry("norm_eps", "the norm's epsilon"),
      Map.entry("init", "the weight init with its parameters, e.g. xavier_normal(gain=1.0)"),
      Map.entry("bias", "the bias init"),
      Map.entry("classes", "outputs of the head"),
      Map.entry("output_activation", "the head's activation"),
      Map.entry("batch", "examples in the input batch"),
      Map.entry("input_width", "input width n0"),
      Map.entry("distribution", "the input's distribution: normal or uniform"),
      Map.entry("input_seed", "the seed of the fixed input batch"),
      Map.entry("redraw_per_seed", "TRUE when each cell drew its own input from its seed"),
      Map.entry("loss", "the loss: cross_entropy, mse or sum_of_outputs"),
      Map.entry("learning_rate", "SGD learning rate"),
      Map.entry("momentum", "SGD momentum"),
      Map.entry("weight_decay", "SGD weight decay"),
      Map.entry("steps", "the recorded training steps of the cells, e.g. [0,10]"));

  private ParameterDescriptions() {}

  /** The description of a parameter column. */
  static String of(String name) {
    return KNOWN.getOrDefault(name, "configuration parameter '" + name + "' (docs/CONFIG.md)");
  }

  /** Whether the parameter has its own description. */
  static boolean known(String name) {
    return KNOWN.containsKey(name);
  }
}
