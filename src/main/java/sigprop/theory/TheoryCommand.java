package sigprop.theory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import sigprop.net.Activation;
import sigprop.net.Activations;
import sigprop.net.InitScheme;
import sigprop.net.InitSpec;
import sigprop.net.NetworkSpec;
import sigprop.net.Norm;
import sigprop.net.NormPlacement;
import sigprop.args.VerbArguments;
import sigprop.report.AtomicFiles;
import sigprop.report.IfExists;

/**
 * The CLI verb {@code theory}: prints the per-layer predictions and the mean-field scalars, and
 * writes them as CSV with {@code --csv}. Exit code 0 on success, 2 on bad input: every problem,
 * each naming its option, and options that cannot change the result refused as the config
 * refuses settings that have no effect.
 */
public final class TheoryCommand {
  /** The deepest net predicted: layer by layer, a million rows would be minutes of output. */
  static final int MAX_DEPTH = 100_000;
  /** The batch when --batch is not given. */
  static final int DEFAULT_BATCH = 256;

  /** The usage text printed by {@code --help}. */
  public static final String USAGE = String.join("\n",
      "usage: sigprop theory --activation NAME --init SCHEME --depth L --width N [options]",
      "Predicts per-layer signal and gradient propagation at initialization: mean field",
      "(Poole et al. 2016, Schoenholz et al. 2017), linear regime (Glorot & Bengio 2010),",
      "batch norm (Yang et al. 2019), layer norm, saturation. The large-width limit at",
      "initialization: the widths enter only through sigma_w^2 = n*E[w^2] and n_l/n_(l-1), so",
      "a narrow net's measurements drift from it. Prints one row per hidden layer, then the",
      "mean-field scalars of layer L's map without the norm (q*, chi1, c*, xi_q, xi_c); the",
      "columns are described in src/site/markdown/theory.md. An option that cannot change the",
      "result is refused (--batch without batch norm, --placement or --norm-eps without a",
      "norm, --init-param slope without nonlinearity=leaky_relu, --overwrite without --csv).",
      VerbArguments.helpList("  --activation NAME         ", "|", Activations.names(), 28),
      "  --activation-param K=V    e.g. slope=0.1 for leaky_relu (repeatable)",
      VerbArguments.helpList("  --init SCHEME             ", ", ", InitScheme.keys(), 28),
      "  --init-param K=V          e.g. gain=1.0, std=0.01, mode=fan_out (repeatable)",
      "  --depth L                 hidden layers (1 to " + MAX_DEPTH + ")",
      "  --width N                 width of every hidden layer (>= 1)",
      "  --input-width N0          width of the input x (default: --width)",
      "  --batch B                 batch size, with --norm batch only (default " + DEFAULT_BATCH
          + "; >= 4, or",
      "                            >= 8 with the norm after the activation)",
      "  --norm none|batch|layer   normalization in every hidden layer (default none)",
      "  --placement before|after  the norm before or after the activation (default before)",
      "  --norm-eps E              the norm's ε (default 1e-5, as in PyTorch); batch norm's",
      "                            predictions take it as negligible and check that it is",
      "  --bias-var V              Var[b] (default 0)",
      "  --input-var V             Var[x] (default 1)",
      "  --csv FILE                also write the rows as CSV, the scalars as constant",
      "                            columns (NaN empty, inf/-inf)",
      "  --overwrite               replace an existing --csv FILE",
      "  -h, --help                print this help");

  private static final VerbArguments.Spec OPTIONS = new VerbArguments.Spec(
      List.of("--activation", "--init", "--depth", "--width", "--input-width", "--batch",
          "--norm", "--placement", "--norm-eps", "--bias-var", "--input-var", "--csv"),
      List.of("--activation-param", "--init-param"), List.of("--overwrite"));

  private TheoryCommand() {}

  /** Runs the verb with its arguments (the verb itself excluded); returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      VerbArguments options = parse(args);
      if (options.help()) {
        out.println(USAGE);
        return 0;
      }
      TheoryInput input = input(options);
      Path csv = options.has("--csv") ? csvTarget(options.value("--csv", null),
          options.has("--overwrite")) : null;
      TheoryTable table;
      try {
        table = Theory.predict(input);
      } catch (NoPrediction e) { // inputs the theory does not cover: name the option
        throw new BadOption(e.message(TheoryCommand::option));
      } catch (IllegalArgumentException e) {
        throw new BadOption(e.getMessage());
      }
      if (csv != null) {
        writeCsv(csv, table, options.has("--overwrite"));
      }
      out.print(TheoryTableWriter.text(table));
      if (csv != null) {
        out.println("wrote " + csv);
      }
      return 0;
    } catch (BadOption e) {
      return VerbArguments.usageError(err, "theory", e.getMessage());
    }
  }

  /** The option that sets a theory input. */
  private static String option(NoPrediction.Input input) {
    return switch (input) {
      case NORM_EPS -> "--norm-eps";
      case BATCH -> "--batch";
      case INIT -> "--init";
    };
  }

  /** The --csv file, checked before any work: not a folder, and not replaced unless told. */
  private static Path csvTarget(String name, boolean overwrite) {
    if (name.isBlank()) {
      throw new BadOption("--csv needs a file, got an empty path");
    }
    Path path = Path.of(name);
    if (Files.isDirectory(path)) {
      throw new BadOption("--csv: '" + path + "' is a folder");
    }
    if (Files.exists(path) && !overwrite) {
      throw new BadOption("--csv: '" + path + "' exists; pass --overwrite to replace it");
    }
    return path;
  }

  private static VerbArguments parse(String[] args) {
    try {
      VerbArguments given = OPTIONS.parse(args);
      given.noPositionals();
      return given;
    } catch (IllegalArgumentException e) {
      throw new BadOption(e.getMessage());
    }
  }

  /** Reads every option, then reports every problem at once (one at a time took many runs). */
  private static TheoryInput input(VerbArguments o) {
    List<String> problems = new ArrayList<>();
    List<String> missing = List.of("--activation", "--init", "--depth", "--width").stream()
        .filter(name -> !o.has(name)).toList();
    if (!missing.isEmpty()) {
      problems.add("missing " + String.join(", ", missing));
    }
    Activation activation = read(problems, () -> o.has("--activation") ? activation(o) : null);
    InitSpec init = read(problems, () -> o.has("--init") ? init(o) : null);
    Integer depth = read(problems, () -> o.count("--depth", "hidden layers", 1, MAX_DEPTH));
    Integer width = read(problems, () -> o.count("--width", "units", 1));
    Integer inputWidth = read(problems, () -> o.count("--input-width", "inputs",
        width == null ? 1 : width));
    Norm norm = read(problems, () -> named("--norm", o.value("--norm", "none"), Norm::fromKey));
    NormPlacement placement = read(problems, () -> named("--placement",
        o.value("--placement", "before_activation"), NormPlacement::fromKey));
    Integer batch = read(problems, () -> batch(o, norm, placement));
    Double normEps = read(problems, () -> o.nonNegative("--norm-eps", NetworkSpec.DEFAULT_EPS));
    Double biasVariance = read(problems, () -> o.nonNegative("--bias-var", 0.0));
    Double inputVariance = read(problems, () -> o.positive("--input-var", 1.0));
    if (norm != null) {
      problems.addAll(withoutEffect(o, norm));
    }
    if (init != null) {
      problems.addAll(idleInitParameters(o, init));
    }
    if (!problems.isEmpty()) {
      throw new BadOption(problems.size() == 1 ? problems.get(0) : problems.size()
          + " problems:\n  " + String.join("\n  ", problems));
    }
    List<Integer> widths = new ArrayList<>(TheoryInput.uniformWidths(depth, width));
    widths.set(0, inputWidth);
    return new TheoryInput(activation, init, biasVariance, widths, inputVariance, norm,
        placement, batch, normEps);
  }

  /** The value, or null with its problem added to {@code problems}. */
  private static <T> T read(List<String> problems, Supplier<T> reader) {
    try {
      return reader.get();
    } catch (BadOption | IllegalArgumentException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  /**
   * Options the others leave nothing to change, in ExperimentReader's words: batch norm alone
   * takes statistics over the batch, and without a norm nothing sits before or after φ or adds ε.
   */
  private static List<String> withoutEffect(VerbArguments o, Norm norm) {
    List<String> dead = new ArrayList<>();
    String given = norm == Norm.NONE ? "no norm (--norm none)" : "--norm " + norm.key();
    if (o.has("--batch") && norm != Norm.BATCH) {
      dead.add("--batch has no effect with " + given + ": only batch norm's statistics are"
          + " over the batch, the rest is per example; drop --batch or give --norm batch");
    }
    for (String option : List.of("--placement", "--norm-eps")) {
      if (o.has(option) && norm == Norm.NONE) {
        dead.add(option + " has no effect with " + given + "; drop " + option
            + " or give --norm batch or layer");
      }
    }
    if (o.has("--overwrite") && !o.has("--csv")) {
      dead.add("--overwrite has no effect without --csv (it replaces an existing --csv FILE);"
          + " drop --overwrite or give --csv FILE");
    }
    return dead;
  }

  /** --init-param keys the scheme leaves unused (Kaiming's slope without leaky_relu). */
  private static List<String> idleInitParameters(VerbArguments o, InitSpec init) {
    return keyValues(o, "--init-param").keySet().stream().filter(k -> !init.takes(k))
        .map(k -> "--init-param " + k + " has no effect with --init " + o.value("--init", "")
            + " and nonlinearity " + init.word("nonlinearity") + " (its gain takes " + k
            + " only with leaky_relu); drop it or give --init-param nonlinearity=leaky_relu")
        .toList();
  }

  /**
   * --batch; with batch norm at least 4, where the mean-field gradient variance is finite (the
   * placement after φ needs 8, which {@link BatchNormGain} says when it predicts).
   */
  private static Integer batch(VerbArguments o, Norm norm, NormPlacement placement) {
    int batch = o.count("--batch", "examples", DEFAULT_BATCH);
    if (norm == Norm.BATCH && batch < 4) {
      throw new BadOption("--batch needs at least 4 examples with batch norm (the mean-field"
          + " gradient variance is infinite at 3, and 2 or fewer are degenerate), got '"
          + o.value("--batch", null) + "'");
    }
    return batch;
  }

  private static Activation activation(VerbArguments o) {
    String name = o.value("--activation", null);
    Map<String, Double> params = new LinkedHashMap<>();
    for (Map.Entry<String, String> p : keyValues(o, "--activation-param").entrySet()) {
      params.put(p.getKey(), parameter(p.getKey(), p.getValue()));
    }
    boolean known = Activations.names().contains(name.trim().toLowerCase(Locale.ROOT));
    try {
      return Activations.named(name, params);
    } catch (IllegalArgumentException e) {
      throw new BadOption((known ? "--activation-param" : "--activation") + ": "
          + e.getMessage());
    }
  }

  private static InitSpec init(VerbArguments o) {
    InitScheme scheme = named("--init", o.value("--init", null), InitScheme::fromKey);
    Map<String, Object> params = new LinkedHashMap<>();
    for (Map.Entry<String, String> p : keyValues(o, "--init-param").entrySet()) {
      Object value;
      try {
        value = Double.parseDouble(p.getValue());
      } catch (NumberFormatException e) {
        value = p.getValue(); // word parameters: mode, distribution, nonlinearity
      }
      params.put(p.getKey(), value);
    }
    try {
      return InitSpec.of(scheme, params);
    } catch (IllegalArgumentException e) {
      throw new BadOption("--init-param: " + e.getMessage());
    }
  }

  private static Map<String, String> keyValues(VerbArguments o, String name) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String kv : o.values(name)) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new BadOption(name + " needs KEY=VALUE, got '" + kv + "'");
      }
      String key = kv.substring(0, eq).trim();
      String value = kv.substring(eq + 1).trim();
      String first = out.putIfAbsent(key, value);
      if (first != null) {
        throw new BadOption(name + " " + key + " given twice ('" + first + "', then '" + value
            + "'): give it once");
      }
    }
    return out;
  }

  /** A name read by {@code parser}, whose message (with "did you mean") follows the option. */
  private static <T> T named(String option, String value, Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new BadOption(option + ": " + e.getMessage());
    }
  }

  /** An activation parameter's value: a finite number. */
  private static double parameter(String key, String value) {
    try {
      double v = Double.parseDouble(value);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new BadOption("--activation-param " + key + " needs a number, got '" + value + "'");
  }

  /** Writes the table through a temporary file beside the target: never half a table. */
  private static void writeCsv(Path path, TheoryTable table, boolean overwrite) {
    try {
      byte[] csv = TheoryTableWriter.csv(table).getBytes(StandardCharsets.UTF_8);
      AtomicFiles.write(path, overwrite ? IfExists.REPLACE : IfExists.FAIL, out -> out.write(csv));
    } catch (IOException e) {
      throw new BadOption("--csv: cannot write '" + path + "': " + e);
    }
  }

  /** A mistake in the arguments; the message names the option. */
  private static final class BadOption extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadOption(String message) {
      super(message);
    }
  }
}
