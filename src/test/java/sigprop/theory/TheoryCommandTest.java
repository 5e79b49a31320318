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
        Double.parseDouble(c);
      }
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
    assertBad("bad --depth: at most 100000, got 2147483647", "--activation", "tanh", "--init",
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
    assertBad("--norm", with(base, "--norm", "batchnorm"));
    assertBad("--batch", with(base, "--norm", "batch", "--batch", "2"));
    assertBad("--init-param", with(base, "--init-param", "gain"));
    assertBad("--init-param", with(base, "--init-param", "gian=2"));
    assertBad("bad --init-param: 'gain' given twice", with(base, "--init-param", "gain=1",
        "--init-param", "gain=2"));
    assertBad("--activation-param", with(base, "--activation-param", "slope=0.1"));
    assertBad("--placement", with(base, "--placement", "middle"));
    assertBad("--input-var", with(base, "--input-var", "0"));
    assertBad("--depth given twice", with(base, "--depth", "4"));
    assertBad("unexpected argument 'extra'", with(base, "extra"));
    // Inputs the theory does not cover: one line and exit 2, not a stack trace or NaN.
    assertBad("batch norm after the activation: the theory's estimate needs batch >= 8",
        with(base, "--norm", "batch", "--placement", "after", "--batch", "5"));
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
