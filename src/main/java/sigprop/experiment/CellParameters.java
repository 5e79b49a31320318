package sigprop.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sigprop.net.LossType;
import sigprop.net.NetworkSpec;

/**
 * The keys of {@link CellSpec#parameters()} and how a cell's values are written there. Every cell
 * carries every key below (fixed values and grid axes alike), except that a network of equal
 * hidden widths has {@link #WIDTH} and one of unequal widths has {@link #WIDTHS} instead. Values
 * are derived from the resolved specs, so two spellings of one configuration (he_normal and
 * kaiming_normal, widths [64, 64] and width 64 × depth 2) give the same parameters and cell ids.
 * Grid axes are named by these keys too.
 */
public final class CellParameters {
  /** Hidden layers L. */
  public static final String DEPTH = "depth";
  /** The hidden width of a uniform-width network. */
  public static final String WIDTH = "width";
  /** The hidden widths of a network of unequal widths, e.g. {@code [50,30,20]}. */
  public static final String WIDTHS = "widths";
  /** Hidden activation, {@link sigprop.net.Activation#describe()}. */
  public static final String ACTIVATION = "activation";
  /** none, batch or layer. */
  public static final String NORM = "norm";
  /** before_activation or after_activation. */
  public static final String NORM_PLACEMENT = "norm_placement";
  /** The norm's epsilon. */
  public static final String NORM_EPS = "norm_eps";
  /** Weight init, {@link sigprop.net.InitSpec#toString()}, e.g. {@code normal(std=1.0)}. */
  public static final String INIT = "init";
  /** Bias init, as {@link #INIT}. */
  public static final String BIAS = "bias";
  /** Outputs of the head. */
  public static final String CLASSES = "classes";
  /** The head's activation. */
  public static final String OUTPUT_ACTIVATION = "output_activation";
  /** Examples per batch. */
  public static final String BATCH = "batch";
  /** Input width n₀. */
  public static final String INPUT_WIDTH = "input_width";
  /** normal or uniform. */
  public static final String DISTRIBUTION = "distribution";
  /** The seed of the fixed input batch. */
  public static final String INPUT_SEED = "input_seed";
  /** true when each cell draws its own input from its seed. */
  public static final String REDRAW_PER_SEED = "redraw_per_seed";
  /** cross_entropy, mse or sum_of_outputs. */
  public static final String LOSS = "loss";
  /** SGD learning rate. */
  public static final String LEARNING_RATE = "learning_rate";
  /** SGD momentum. */
  public static final String MOMENTUM = "momentum";
  /** SGD weight decay. */
  public static final String WEIGHT_DECAY = "weight_decay";
  /** The recorded training steps, e.g. {@code [0,10,100]}: they set how long a cell trains. */
  public static final String STEPS = "steps";

  private CellParameters() {}

  /** The parameters of a cell built from these specs. */
  public static Map<String, String> of(NetworkSpec network, InputSpec input, LossType loss,
      TrainingSpec training, RecordSpec record) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(DEPTH, Integer.toString(network.depth()));
    List<Integer> widths = network.hiddenWidths();
    if (widths.stream().distinct().count() == 1) {
      p.put(WIDTH, widths.get(0).toString());
    } else {
      p.put(WIDTHS, list(widths));
    }
    p.put(ACTIVATION, network.activation().describe());
    p.put(NORM, network.norm().key());
    p.put(NORM_PLACEMENT, network.placement().key());
    p.put(NORM_EPS, Double.toString(network.normEps()));
    p.put(INIT, network.weightInit().toString());
    p.put(BIAS, network.biasInit().toString());
    p.put(CLASSES, Integer.toString(network.classes()));
    p.put(OUTPUT_ACTIVATION, network.outputActivation().describe());
    p.put(BATCH, Integer.toString(input.batch()));
    p.put(INPUT_WIDTH, Integer.toString(input.width()));
    p.put(DISTRIBUTION, input.distribution());
    p.put(INPUT_SEED, Long.toString(input.seed()));
    p.put(REDRAW_PER_SEED, Boolean.toString(input.redrawPerSeed()));
    p.put(LOSS, loss.key());
    p.put(LEARNING_RATE, Double.toString(training.learningRate()));
    p.put(MOMENTUM, Double.toString(training.momentum()));
    p.put(WEIGHT_DECAY, Double.toString(training.weightDecay()));
    p.put(STEPS, list(record.steps()));
    return p;
  }

  /** A list as {@code [a,b,c]}, without spaces. */
  static String list(List<?> values) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      b.append(i == 0 ? "" : ",").append(values.get(i));
    }
    return b.append(']').toString();
  }
}
