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
 * writes them as CSV with {@code --csv}. Exit code 0 on success, 2 on bad input (the message names
 * the option).
 */
public final class TheoryCommand {
  /** The usage text printed by {@code --help}. */
  public static final String USAGE = String.join("\n",
      "usage: sigprop theory --activation NAME --init SCHEME --depth L --width N [options]",
      "Predicts per-layer signal and gradient propagation at initialization: mean field",
      "(Poole et al. 2016, Schoenholz et al. 2017), linear regime (Glorot & Bengio 2010),",
      "batch norm (Yang et al. 2019), layer norm, saturation. The large-width limit at",
      "initialization: the widths enter only through sigma_w^2 = n*E[w^2] and n_l/n_(l-1), so",
      "a narrow net's measurements drift from it (src/site/markdown/theory.md).",
      VerbArguments.helpList("  --activation NAME         ", "|", Activations.names(), 28),
      "  --activation-param K=V    e.g. slope=0.1 for leaky_relu (repeatable)",
      "  --init SCHEME             e.g. xavier_normal, glorot_standard, kaiming_normal, normal",
      "  --init-param K=V          e.g. gain=1.0, std=0.01, mode=fan_out (repeatable)",
      "  --depth L                 hidden layers (1 to 100000)",
      "  --width N                 width of every hidden layer (>= 1)",
      "  --input-width N0          width of the input x (default: --width)",
      "  --batch B                 batch size, used by batch norm only (default 256;",
      "                            >= 4, or >= 8 with the norm after the activation)",
      "  --norm none|batch|layer   normalization in every hidden layer (default none)",
      "  --placement before|after  norm before or after the activation (default before)",
      "  --norm-eps E              the norm's ε (default 1e-5, as in PyTorch)",
      "  --bias-var V              Var[b] (default 0)",
      "  --input-var V             Var[x] (default 1)",
      "  --csv FILE                also write the per-layer table as CSV (NaN empty, inf/-inf)",
      "  --overwrite               replace an existing --csv FILE",
      "  -h, --help                print this help");

  private static final VerbArguments.Spec OPTIONS = new VerbArguments.Spec(
      List.of("--activation", "--init", "--depth", "--width", "--input-width", "--batch",
          "--norm", "--placement", "--norm-eps", "--bias-var", "--input-var", "--csv"),
      List.of("--activation-param", "--init-param"), List.of("--overwrite"));

  /** The deepest net predicted: layer by layer, a million rows would be minutes of output. */
  static final int MAX_DEPTH = 100_000;

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
      Path csv = options.has("--csv") ? csvTarget(Path.of(single(options, "--csv")),
          options.has("--overwrite")) : null;
      TheoryTable table;
      try {
        table = Theory.predict(input);
      } catch (IllegalArgumentException e) { // inputs the theory does not cover: say which
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

  /** The --csv file, checked before any work: not a folder, and not replaced unless told. */
  private static Path csvTarget(Path path, boolean overwrite) {
    if (Files.isDirectory(path)) {
      throw new BadOption("bad --csv: '" + path + "' is a folder");
    }
    if (Files.exists(path) && !overwrite) {
      throw new BadOption("bad --csv: '" + path + "' exists; pass --overwrite to replace it");
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

  private static TheoryInput input(VerbArguments o) {
    // All at once: one at a time took four runs to learn what a first run needs.
    List<String> missing = List.of("--activation", "--init", "--depth", "--width").stream()
        .filter(name -> !o.has(name)).toList();
    if (!missing.isEmpty()) {
      throw new BadOption("missing " + String.join(", ", missing));
    }
    int depth = integer(o, "--depth", null, 1);
    if (depth > MAX_DEPTH) {
      throw new BadOption("bad --depth: at most " + MAX_DEPTH + ", got " + depth);
    }
    int width = integer(o, "--width", null, 1);
    int inputWidth = integer(o, "--input-width", width, 1);
    Norm norm = parsed(o, "--norm", "none", Norm::fromKey);
    int batch = integer(o, "--batch", 256, norm == Norm.BATCH ? 4 : 1);
    List<Integer> widths = new ArrayList<>(TheoryInput.uniformWidths(depth, width));
    widths.set(0, inputWidth);
    return new TheoryInput(activation(o), init(o), number(o, "--bias-var", 0.0, false), widths,
        number(o, "--input-var", 1.0, true), norm,
        parsed(o, "--placement", "before_activation", NormPlacement::fromKey), batch,
        number(o, "--norm-eps", NetworkSpec.DEFAULT_EPS, false));
  }

  private static Activation activation(VerbArguments o) {
    String name = single(o, "--activation");
    Map<String, Double> params = new LinkedHashMap<>();
    for (Map.Entry<String, String> p : keyValues(o, "--activation-param").entrySet()) {
      params.put(p.getKey(), parseDouble("--activation-param", p.getValue()));
    }
    boolean known = Activations.names().contains(name.trim().toLowerCase(Locale.ROOT));
    try {
      return Activations.named(name, params);
    } catch (IllegalArgumentException e) {
      throw new BadOption("bad " + (known ? "--activation-param" : "--activation") + ": "
          + e.getMessage());
    }
  }

  private static InitSpec init(VerbArguments o) {
    InitScheme scheme = parsed(o, "--init", null, InitScheme::fromKey);
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
      throw new BadOption("bad --init-param: " + e.getMessage());
    }
  }

  private static Map<String, String> keyValues(VerbArguments o, String name) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String kv : o.values(name)) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new BadOption("bad " + name + ": expected KEY=VALUE, got '" + kv + "'");
      }
      String key = kv.substring(0, eq).trim();
      if (out.put(key, kv.substring(eq + 1).trim()) != null) {
        throw new BadOption("bad " + name + ": '" + key + "' given twice");
      }
    }
    return out;
  }

  private static String single(VerbArguments o, String name) {
    if (!o.has(name)) {
      throw new BadOption("missing " + name);
    }
    return o.value(name, null);
  }

  private static <T> T parsed(VerbArguments o, String name, String fallback,
      Function<String, T> parser) {
    String value = o.has(name) || fallback == null ? single(o, name) : fallback;
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new BadOption("bad " + name + ": " + e.getMessage());
    }
  }

  private static int integer(VerbArguments o, String name, Integer fallback,
      int min) {
    if (!o.has(name) && fallback != null) {
      return fallback;
    }
    String value = single(o, name);
    try {
      int v = Integer.parseInt(value.trim());
      if (v >= min) {
        return v;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new BadOption("bad " + name + ": expected an integer >= " + min + ", got '" + value
        + "'");
  }

  private static double number(VerbArguments o, String name, double fallback,
      boolean positive) {
    if (!o.has(name)) {
      return fallback;
    }
    double v = parseDouble(name, single(o, name));
    if (positive ? !(v > 0) : !(v >= 0)) {
      throw new BadOption("bad " + name + ": expected a number " + (positive ? "> 0" : ">= 0")
          + ", got " + v);
    }
    return v;
  }

  private static double parseDouble(String name, String value) {
    try {
      double v = Double.parseDouble(value.trim());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new BadOption("bad " + name + ": expected a finite number, got '" + value + "'");
  }

  /** Writes the table through a temporary file beside the target: never half a table. */
  private static void writeCsv(Path path, TheoryTable table, boolean overwrite) {
    try {
      byte[] csv = TheoryTableWriter.csv(table).getBytes(StandardCharsets.UTF_8);
      AtomicFiles.write(path, overwrite ? IfExists.REPLACE : IfExists.FAIL, out -> out.write(csv));
    } catch (IOException e) {
      throw new BadOption("bad --csv: cannot write '" + path + "': " + e);
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
