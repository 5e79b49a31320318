package sigprop.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import sigprop.net.Activation;
import sigprop.net.InitScheme;
import sigprop.net.InitSpec;
import sigprop.net.LossType;
import sigprop.net.NetworkSpec;
import sigprop.net.Norm;
import sigprop.net.NormPlacement;
import sigprop.net.StandardActivation;

/**
 * A configuration value that a section key sets and a grid axis may vary: where it is written
 * ({@code network.depth}), its axis name ({@code depth}, the same as its key in
 * {@link CellSpec#parameters()}), its default and how to read it.
 */
enum Setting {
  DEPTH(CellParameters.DEPTH, "network", "depth", 4,
      (n, p) -> Values.integer(n, p, 1, Setting.MAX_DEPTH)),
  WIDTH(CellParameters.WIDTH, "network", "width", 256,
      (n, p) -> Values.integer(n, p, 1, Setting.MAX_SIZE)),
  WIDTHS(CellParameters.WIDTHS, "network", "widths", List.of(), SpecValues::widths),
  ACTIVATION(CellParameters.ACTIVATION, "network", "activation", StandardActivation.TANH,
      SpecValues::activation),
  NORM(CellParameters.NORM, "network", "norm", Norm.NONE,
      (n, p) -> enumValue(Norm.class, Values.word(n, p, "norm", keys(Norm.values())))),
  NORM_PLACEMENT(CellParameters.NORM_PLACEMENT, "network", "norm_placement",
      NormPlacement.BEFORE_ACTIVATION, (n, p) -> enumValue(NormPlacement.class,
          Values.word(n, p, "norm placement", keys(NormPlacement.values())))),
  NORM_EPS(CellParameters.NORM_EPS, "network", "norm_eps", NetworkSpec.DEFAULT_EPS,
      Values::positive),
  INIT(CellParameters.INIT, "network", "init", InitSpec.of(InitScheme.XAVIER_NORMAL),
      SpecValues::init),
  BIAS(CellParameters.BIAS, "network", "bias", InitSpec.of(InitScheme.ZEROS), SpecValues::bias),
  CLASSES(CellParameters.CLASSES, "network", "classes", 10,
      (n, p) -> Values.integer(n, p, 1, Setting.MAX_SIZE)),
  OUTPUT_ACTIVATION(CellParameters.OUTPUT_ACTIVATION, "network", "output_activation",
      StandardActivation.LINEAR, SpecValues::activation),
  BATCH(CellParameters.BATCH, "input", "batch", 256,
      (n, p) -> Values.integer(n, p, 1, Setting.MAX_SIZE)),
  INPUT_WIDTH(CellParameters.INPUT_WIDTH, "input", "width", 256,
      (n, p) -> Values.integer(n, p, 1, Setting.MAX_SIZE)),
  DISTRIBUTION(CellParameters.DISTRIBUTION, "input", "distribution", "normal",
      (n, p) -> Values.word(n, p, "input distribution", InputSpec.DISTRIBUTIONS)),
  INPUT_SEED(CellParameters.INPUT_SEED, "input", "seed", 0L,
      (n, p) -> Values.longInteger(n, p, 0, Long.MAX_VALUE)),
  REDRAW_PER_SEED(CellParameters.REDRAW_PER_SEED, "input", "redraw_per_seed", false,
      Values::bool),
  LOSS(CellParameters.LOSS, "loss", "type", LossType.CROSS_ENTROPY,
      (n, p) -> enumValue(LossType.class, Values.word(n, p, "loss", keys(LossType.values())))),
  LEARNING_RATE(CellParameters.LEARNING_RATE, "training", "learning_rate", 0.01,
      Values::nonNegative),
  MOMENTUM(CellParameters.MOMENTUM, "training", "momentum", 0.0, Values::nonNegative),
  WEIGHT_DECAY(CellParameters.WEIGHT_DECAY, "training", "weight_decay", 0.0,
      Values::nonNegative);

  /** The largest width, batch or class count accepted (keeps size arithmetic far from overflow). */
  static final int MAX_SIZE = 1_000_000;
  /** The largest depth accepted. */
  static final int MAX_DEPTH = 100_000;

  /** Reads a value, or returns null after recording a problem. */
  @FunctionalInterface
  interface Reader {
    Object read(YamlNode node, Problems problems);
  }

  private final String axis;
  private final String section;
  private final String key;
  private final Object defaultValue;
  private final Reader reader;

  Setting(String axis, String section, String key, Object defaultValue, Reader reader) {
    this.axis = axis;
    this.section = section;
    this.key = key;
    this.defaultValue = defaultValue;
    this.reader = reader;
  }

  /** The grid axis and parameter name, e.g. {@code input_width}. */
  String axis() {
    return axis;
  }

  /** The config section holding the key, e.g. {@code input}. */
  String section() {
    return section;
  }

  /** The key inside the section, e.g. {@code width}. */
  String key() {
    return key;
  }

  /** The value used when no section of the experiment or the defaults sets it. */
  Object defaultValue() {
    return defaultValue;
  }

  /** The typed value of a node, or null after recording a problem. */
  Object read(YamlNode node, Problems problems) {
    return reader.read(node, problems);
  }

  /** The setting with the given axis name, or null. */
  static Setting byAxis(String axis) {
    for (Setting s : values()) {
      if (s.axis.equals(axis)) {
        return s;
      }
    }
    return null;
  }

  /** What a value of this setting is, for "has no value; … or give an integer". */
  String expected() {
    return switch (this) {
      case DEPTH, WIDTH, CLASSES, BATCH, INPUT_WIDTH -> "an integer >= 1";
      case INPUT_SEED -> "an integer >= 0";
      case NORM_EPS -> "a number > 0";
      case LEARNING_RATE, MOMENTUM, WEIGHT_DECAY -> "a number >= 0";
      case REDRAW_PER_SEED -> "true or false";
      case ACTIVATION, OUTPUT_ACTIVATION -> "an activation name (or {name: …, …})";
      case INIT -> "an init scheme name (or {scheme: …, …})";
      case BIAS -> "a bias scheme name (or {scheme: …, …})";
      case NORM -> "a norm name (" + String.join(", ", keys(Norm.values())) + ")";
      case NORM_PLACEMENT -> "a norm placement (" + String.join(", ",
          keys(NormPlacement.values())) + ")";
      case DISTRIBUTION -> "an input distribution name (" + String.join(", ",
          InputSpec.DISTRIBUTIONS) + ")";
      case LOSS -> "a loss name (" + String.join(", ", keys(LossType.values())) + ")";
      case WIDTHS -> "a list of hidden widths such as [50, 30, 20]";
    };
  }

  /** The setting written as {@code section.key} (e.g. network.depth), or null. */
  static Setting byKey(String section, String key) {
    for (Setting s : values()) {
      if (s.section.equals(section) && s.key.equals(key)) {
        return s;
      }
    }
    return null;
  }

  /** Every axis name, in declaration order. */
  static List<String> axes() {
    return Arrays.stream(values()).map(Setting::axis).toList();
  }

  /** The keys a section accepts (settings only; record has its own). */
  static List<String> keysOf(String section) {
    return Arrays.stream(values()).filter(s -> s.section.equals(section)).map(Setting::key)
        .toList();
  }

  /** Canonical text of a value: the form {@link CellSpec#parameters()} holds. */
  static String text(Object value) {
    if (value instanceof Activation a) {
      return a.describe();
    } else if (value instanceof Norm n) {
      return n.key();
    } else if (value instanceof NormPlacement p) {
      return p.key();
    } else if (value instanceof LossType t) {
      return t.key();
    } else if (value instanceof List<?> l) {
      return l.isEmpty() ? "null" : CellParameters.list(l);
    }
    return String.valueOf(value);
  }

  private static List<String> keys(Enum<?>[] constants) {
    return Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String word) {
    return word == null ? null : Enum.valueOf(type, word.toUpperCase(Locale.ROOT));
  }
}
