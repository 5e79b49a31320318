package sigprop.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sigprop.net.InitScheme;
import sigprop.net.InitSpec;
import sigprop.net.StandardActivation;

/** The {@code theory} verb: table, CSV, help and bad input. */
class TheoryCommandTest {
  @TempDir
  Path dir;

  @Test
  void printsAlignedTableAndScalars() {
    Result r = run("--activation", "tanh", "--init", "xavier_normal", "--depth", "12",
        "--width", "64");
    assertEquals(0, r.code, r.out);
    List<String> lines = r.out.lines().toList();
    assertTrue(lines.get(0).startsWith("theory: tanh, init xavier_normal(gain=1.0), width 64"));
    assertTrue(lines.get(1).trim().startsWith("layer  width"), lines.get(1));
    assertEquals(lines.get(1).length(), lines.get(13).length(), "aligned columns");
    assertTrue(lines.get(14).contains("q* = 0.0") && lines.get(14).contains("chi1 = 1.0000"),
        lines.get(14));
  }

  /**
   * He init on ReLU keeps the gradient's variance exactly: its log10 is 0, which the quadrature's
   * 1 ± 4e-16 printed as "1.9287e-16"; log10 columns print to four decimals.
   */
  @Test
  void log10ColumnsPrintToFourDecimalsWithoutRoundingNoise() {
    Result r = run("--activation", "relu", "--init", "he_normal", "--depth", "3", "--width",
        "128");
    assertEquals(0, r.code, r.out);
    List<String> header = List.of(r.out.lines().toList().get(1).trim().split("\\s+"));
    for (String row : r.out.lines().toList().subList(2, 5)) {
      List<String> fields = List.of(row.trim().split("\\s+"));
      assertEquals("0.0000", fields.get(header.indexOf("log10_grad_var")), row);
      assertEquals("0.0000", fields.get(header.indexOf("log10_pre_grad_var")), row);
    }
  }

  @Test
  void writesCsvWithHeaderAndPlainColumns() throws IOException {
    Path csv = dir.resolve("sub/theory.csv");
    Result r = run("--activation", "tanh", "--init", "lecun_normal", "--depth", "10",
        "--width", "32", "--norm", "batch", "--batch", "64", "--init-param", "gain=1.0",
        "--csv", csv.toString());
    assertEquals(2, r.code, "lecun_normal takes no gain: " + r.err);
    assertTrue(r.err.contains("--init-param"), r.err);

    r = run("--activation", "tanh", "--init", "lecun_normal", "--depth", "10", "--width", "32",
        "--csv", csv.toString());
    assertEquals(0, r.code, r.out);
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertEquals(11, lines.size());
    assertEquals(String.join(",", TheoryTableWriter.csvHeader()), lines.get(0));
    TheoryTable expected = Theory.predict(TheoryInput.plain(StandardActivation.TANH,
        InitSpec.of(InitScheme.LECUN_NORMAL), TheoryInput.uniformWidths(10, 32)));
    int outputVar = TheoryTableWriter.csvHeader().indexOf("output_var");
    for (int l = 1; l <= 10; l++) {
      String[] cells = lines.get(l).split(",", -1);
      assertEquals(TheoryTableWriter.csvHeader().size(), cells.length);
      assertEquals(l, Integer.parseInt(cells[0]));
      for (String c : cells) {
        csvNumber(c); // every cell a number, in the summary CSVs' convention
      }
      assertEquals(Double.POSITIVE_INFINITY, csvNumber(cells[TheoryTableWriter.csvHeader()
          .indexOf("xi_q")]), "critical: xi_q = inf");
      assertEquals(expected.row(l).outputVariance(), Double.parseDouble(cells[outputVar]), 0.0);
    }
    String[] again = {"--activation", "tanh", "--init", "lecun_normal", "--depth", "10",
        "--width", "32", "--csv", csv.toString()};
    assertBad("'" + csv + "' exists; pass --overwrite", again);
    assertEquals(0, run(with(again, "--overwrite")).code);
    assertBad("'" + dir + "' is a folder", "--activation", "tanh", "--init", "lecun_normal",
        "--depth", "10", "--width", "32", "--csv", dir.toString());
    assertEquals(11, Files.readAllLines(csv, StandardCharsets.UTF_8).size());
  }

  @Test
  void nonFiniteValuesFollowTheSummaryCsvConvention() throws IOException {
    Path csv = dir.resolve("zeros.csv");
    Result r = run("--activation", "relu", "--init", "normal", "--init-param", "std=1e200",
        "--depth", "3", "--width", "8", "--csv", csv.toString());
    assertEquals(0, r.code, r.err);
    String text = Files.readString(csv, StandardCharsets.UTF_8);
    assertTrue(text.contains(",inf"), text);
    assertTrue(!text.contains("Infinity") && !text.contains("NaN"), text);
  }

  @Test
  void aDepthBeyondTheLimitIsOneLine() {
    assertBad("sigprop theory: --depth needs a whole number of hidden layers from 1 to 100000,"
        + " got '2147483647'\n(sigprop theory --help", "--activation", "tanh", "--init",
        "xavier_normal", "--depth", "2147483647", "--width", "8");
  }

  @Test
  void helpPrintsUsage() {
    Result r = run("--help");
    assertEquals(0, r.code);
    assertTrue(r.out.startsWith("usage: sigprop theory"), r.out);
  }

  @Test
  void badInputNamesTheOptionAndExitsWithTwo() {
    String[] base = {"--activation", "tanh", "--init", "xavier_normal", "--depth", "3",
        "--width", "8"};
    assertBad("--depth", "--activation", "tanh", "--init", "xavier_normal", "--depth", "x",
        "--width", "8");
    assertBad("did you mean '--depth'", "--dept", "3");
    assertBad("--activation", "--activation", "tanhh", "--init", "xavier_normal", "--depth",
        "3", "--width", "8");
    assertBad("--init", "--activation", "tanh", "--init", "xavier", "--depth", "3",
        "--width", "8");
    assertBad("missing --init", "--activation", "tanh", "--depth", "3", "--width", "8");
    assertBad("missing --init, --depth, --width", "--activation", "tanh");
    assertBad("--width needs a value", "--activation", "tanh", "--init", "normal",
        "--depth", "3", "--width");
    assertBad("--norm: unknown norm 'batchnorm'; did you mean 'batch'? (valid: none, batch,"
        + " layer)", with(base, "--norm", "batchnorm"));
    assertBad("--activation: unknown activation 'tanhh'; did you mean 'tanh'?", "--activation",
        "tanhh", "--init", "xavier_normal", "--depth", "3", "--width", "8");
    assertBad("--init: unknown init scheme 'xavier'; did you mean 'xavier_normal'?",
        "--activation", "tanh", "--init", "xavier", "--depth", "3", "--width", "8");
    assertBad("--batch needs at least 4 examples with batch norm", with(base, "--norm", "batch",
        "--batch", "2"));
    assertBad("--init-param needs KEY=VALUE, got 'gain'", with(base, "--init-param", "gain"));
    assertBad("--init-param: unknown parameter of init xavier_normal 'gian'; did you mean"
        + " 'gain'?", with(base, "--init-param", "gian=2"));
    assertBad("--init-param gain given twice ('1', then '2'): give it once", with(base,
        "--init-param", "gain=1", "--init-param", "gain=2"));
    assertBad("--activation-param: ", with(base, "--activation-param", "slope=0.1"));
    assertBad("--placement: unknown norm placement 'middle'", with(base, "--norm", "layer",
        "--placement", "middle"));
    assertBad("--depth given twice", with(base, "--depth", "4"));
    assertBad("unexpected argument 'extra'", with(base, "extra"));
    // Inputs the theory does not cover: one line and exit 2, not a stack trace or NaN.
    // ... each naming the option the user typed, not the theory's name for the input.
    assertBad("batch norm after the activation: the theory's estimate needs --batch >= 8",
        with(base, "--norm", "batch", "--placement", "after", "--batch", "5"));
    assertBad("sigprop theory: batch norm theory takes ε as negligible against the variance it"
        + " divides by, but ε/Var adds up to 0.100 over layers 1..1 (Var 1.00 at layer 1,"
        + " --norm-eps 0.100), more than 0.05, so there is no prediction; a smaller --norm-eps"
        + " would be covered\n", with(base, "--norm", "batch", "--norm-eps", "0.1"));
    assertBad("the mean field assumes i.i.d. zero-mean weights; --init identity(gain=1.0) is not"
        + " random", "--activation", "tanh", "--init", "identity", "--depth", "3", "--width", "8");
    assertBad("--init-param slope has no effect with --init kaiming_normal and nonlinearity relu"
        + " (its gain takes slope only with leaky_relu); drop it or give --init-param"
        + " nonlinearity=leaky_relu", "--activation", "tanh", "--init", "kaiming_normal",
        "--init-param", "slope=0.2", "--depth", "3", "--width", "8");
  }

  @Test
  void numbersAreReadAsTheOtherVerbsReadThem() {
    String[] base = {"--activation", "leaky_relu", "--init", "xavier_normal", "--depth", "3",
        "--width", "8"};
    assertBad("sigprop theory: --depth needs a whole number of hidden layers from 1 to 100000,"
        + " got 'x'\n", "--activation", "tanh", "--init", "xavier_normal", "--depth", "x",
        "--width", "8");
    assertBad("sigprop theory: --width needs a whole number of units ≥ 1, got '0'\n",
        "--activation", "tanh", "--init", "xavier_normal", "--depth", "3", "--width", "0");
    assertBad("--input-width needs a whole number of inputs ≥ 1, got '8.5'", with(base,
        "--input-width", "8.5"));
    assertBad("--batch needs a whole number of examples ≥ 1, got 'many'", with(base, "--norm",
        "batch", "--batch", "many"));
    assertBad("--bias-var needs a number ≥ 0, got '-1'", with(base, "--bias-var", "-1"));
    assertBad("--norm-eps needs a number ≥ 0, got 'NaN'", with(base, "--norm", "layer",
        "--norm-eps", "NaN"));
    assertBad("--input-var needs a positive number, got '0'", with(base, "--input-var", "0"));
    assertBad("--activation-param slope needs a number, got 'x'", with(base,
        "--activation-param", "slope=x"));
    assertBad("--csv needs a file, got an empty path", with(base, "--csv="));
  }

  @Test
  void everyProblemIsListedAtOnce() {
    Result r = run("--activation", "tanh", "--depth", "0", "--width", "8", "--norm",
        "batchnorm", "--bias-var", "-1");
    assertEquals(2, r.code);
    assertEquals("sigprop theory: 4 problems:\n"
        + "  missing --init\n"
        + "  --depth needs a whole number of hidden layers from 1 to 100000, got '0'\n"
        + "  --norm: unknown norm 'batchnorm'; did you mean 'batch'? (valid: none, batch,"
        + " layer)\n"
        + "  --bias-var needs a number ≥ 0, got '-1'\n"
        + "(sigprop theory --help lists the options)\n", r.err);
  }

  @Test
  void anOptionThatCannotChangeTheResultIsRefusedSayingWhy() {
    String[] base = {"--activation", "tanh", "--init", "xavier_normal", "--depth", "3",
        "--width", "8"};
    assertBad("sigprop theory: --batch has no effect with no norm (--norm none): only batch"
        + " norm's statistics are over the batch, the rest is per example; drop --batch or give"
        + " --norm batch\n", with(base, "--batch", "32"));
    assertBad("--batch has no effect with --norm layer", with(base, "--norm", "layer",
        "--batch", "32"));
    assertBad("--placement has no effect with no norm (--norm none); drop --placement or give"
        + " --norm batch or layer", with(base, "--placement", "after"));
    assertBad("--norm-eps has no effect with no norm (--norm none)", with(base, "--norm-eps",
        "0.1"));
    assertBad("--overwrite has no effect without --csv", with(base, "--overwrite"));
    Result all = run(with(base, "--batch", "32", "--placement", "after", "--norm-eps", "0.1",
        "--overwrite"));
    assertTrue(all.err.startsWith("sigprop theory: 4 problems:\n  --batch has"), all.err);
    // Each of them does change the result where it is allowed.
    for (String[] used : List.of(new String[] {"--norm", "batch", "--batch", "32"},
        new String[] {"--norm", "layer", "--placement", "after"},
        new String[] {"--norm", "layer", "--norm-eps", "0.1"})) {
      Result r = run(with(base, used));
      assertEquals(0, r.code, r.err);
      String[] defaults = used.clone();
      defaults[3] = used[2].equals("--batch") ? "256" : used[2].equals("--placement")
          ? "before" : "1e-5";
      assertTrue(!r.out.lines().skip(1).toList().equals(run(with(base, defaults)).out.lines()
          .skip(1).toList()), String.join(" ", used));
    }
  }

  @Test
  void theCsvCarriesTheScalarsAsConstantColumnsOfOneRectangularTable() throws IOException {
    Path csv = dir.resolve("chaotic.csv");
    TheoryTable expected = Theory.predict(new TheoryInput(StandardActivation.TANH,
        InitSpec.of(InitScheme.NORMAL, java.util.Map.of("std", 0.125)), 0.3,
        TheoryInput.uniformWidths(5, 256), 1.0, sigprop.net.Norm.NONE,
        sigprop.net.NormPlacement.BEFORE_ACTIVATION, 256, 1e-5));
    FixedPoint f = expected.fixedPoint();
    assertTrue(f.cStar() < 1 && Double.isFinite(f.xiC()), "chaotic: every scalar non-trivial");
    Result r = run("--activation", "tanh", "--init", "normal", "--init-param", "std=0.125",
        "--bias-var", "0.3", "--depth", "5", "--width", "256", "--csv", csv.toString());
    assertEquals(0, r.code, r.err);
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(",", -1));
    List<String> scalars = List.of("sigma_w2", "sigma_b2", "q_star", "chi1", "length_slope",
        "c_star", "xi_q", "xi_c");
    assertEquals(scalars, header.subList(header.size() - scalars.size(), header.size()));
    double[] values = {f.weightVariance(), f.biasVariance(), f.qStar(), f.chi1(),
        f.lengthSlope(), f.cStar(), f.xiQ(), f.xiC()};
    assertEquals(6, lines.size());
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertEquals(header.size(), cells.length, "rectangular: " + line);
      for (int j = 0; j < scalars.size(); j++) {
        assertEquals(values[j], Double.parseDouble(cells[header.indexOf(scalars.get(j))]), 0.0,
            scalars.get(j));
      }
    }
    // The text's last line prints the same scalars under their labels.
    String footer = r.out.lines().filter(l -> l.startsWith("mean field")).findFirst().orElse("");
    assertTrue(footer.contains(String.format(java.util.Locale.ROOT, "c* = %.5g", f.cStar()))
        && footer.contains(String.format(java.util.Locale.ROOT, "xi_c = %.5g", f.xiC()))
        && footer.contains("sigma_b^2 = 0.30000"), footer);
  }

  @Test
  void everyCsvColumnAndTextLabelIsDocumentedInTheoryMd() throws IOException {
    List<String> rows = Files.readAllLines(Path.of("src/site/markdown/theory.md"),
        StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("| `")).toList();
    List<String> undocumented = new java.util.ArrayList<>();
    java.util.Map<String, String> labels = TheoryTableWriter.textLabels();
    for (String name : TheoryTableWriter.csvHeader()) {
      String label = labels.get(name);
      boolean found = rows.stream().anyMatch(row -> {
        String first = row.split("\\|")[1];
        return first.contains("`" + name + "`") && (label == null || label.equals(name)
            || first.contains("`" + label + "`"));
      });
      if (!found) {
        undocumented.add(name + (label == null ? "" : " (" + label + ")"));
      }
    }
    assertEquals(List.of(), undocumented, "columns of theory.md's table, with their text label");
  }

  @Test
  void acceptsEqualsSyntaxAndActivationParameters() {
    Result r = run("--activation=leaky_relu", "--activation-param", "slope=0.2",
        "--init=kaiming_normal", "--init-param", "nonlinearity=leaky_relu",
        "--init-param", "slope=0.2", "--depth=4", "--width=16", "--norm=layer",
        "--placement=after");
    assertEquals(0, r.code, r.out);
    assertTrue(r.out.contains("leaky_relu(slope=0.2)") && r.out.contains("after_activation"),
        r.out);
  }

  /** A CSV cell: empty for NaN, inf and -inf for the infinities, else Java's number. */
  private static double csvNumber(String cell) {
    return cell.isEmpty() ? Double.NaN : cell.equals("inf") ? Double.POSITIVE_INFINITY
        : cell.equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(cell);
  }

  private static String[] with(String[] base, String... more) {
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  private static void assertBad(String expected, String... args) {
    Result r = run(args);
    assertEquals(2, r.code, r.err);
    assertTrue(r.err.startsWith("sigprop theory: ") && r.err.contains(expected),
        "expected '" + expected + "' in: " + r.err);
    assertEquals("", r.out, "errors go to stderr, nothing to stdout");
  }

  private static Result run(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int code = TheoryCommand.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8),
        new PrintStream(errors, true, StandardCharsets.UTF_8));
    return new Result(code, bytes.toString(StandardCharsets.UTF_8),
        errors.toString(StandardCharsets.UTF_8));
  }

  private record Result(int code, String out, String err) {}
}
