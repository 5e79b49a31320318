package sigprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every verb of the command line by one rule: the same usage form, help within 90 columns, and
 * the same answers to the same mistakes (exit 2, nothing on stdout, nothing written). Only
 * mistakes are run here: no verb gets as far as starting Spark.
 */
class MainTest {
  private static final List<String> VERBS = List.of("check", "grid", "sweep", "summarize",
      "theory");

  @TempDir
  Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** Runs a mistake: exit 2, the message on stderr after "sigprop VERB: ", nothing on stdout. */
  private static void assertMistake(String expected, String... args) throws Exception {
    Result r = run(args);
    String context = String.join(" ", args) + " →\n" + r.err;
    assertEquals(2, r.code, context);
    assertTrue(r.err.startsWith("sigprop " + args[0] + ": "), context);
    assertTrue(r.err.contains(expected), "expected '" + expected + "' in " + context);
    assertTrue(r.err.contains("(sigprop " + args[0] + " --help lists the options)"), context);
    assertEquals("", r.out, context);
  }

  @Test
  void everyHelpSharesOneUsageFormAndFitsNinetyColumns() throws Exception {
    assertHelp(run("--help"), "usage: sigprop VERB");
    for (String verb : VERBS) {
      assertHelp(run(verb, "--help"), "usage: sigprop " + verb);
      assertHelp(run(verb, "-h"), "usage: sigprop " + verb);
      assertHelp(run("help", verb), "usage: sigprop " + verb);
      assertTrue(run("--help").out.contains("\n  " + verb + " "), verb);
    }
  }

  private static void assertHelp(Result r, String start) {
    assertEquals(0, r.code, r.err);
    assertEquals("", r.err);
    assertTrue(r.out.startsWith(start) && Character.isWhitespace(r.out.charAt(start.length())),
        r.out);
    r.out.lines().forEach(line -> assertTrue(line.length() <= 90,
        line.length() + " columns: " + line));
  }

  @Test
  void helpWinsOverAMistakeBesideIt() throws Exception {
    assertHelp(run("summarize", "--site=ouput", "--help"), "usage: sigprop summarize");
    assertHelp(run("grid", "--frobnicate", "-h"), "usage: sigprop grid");
  }

  @Test
  void anUnknownVerbSuggestsTheClosest() throws Exception {
    Result r = run("sumarize", "output/example");
    assertEquals(2, r.code);
    assertTrue(r.err.startsWith("sigprop: unknown verb 'sumarize'; did you mean 'summarize'?"),
        r.err);
    assertTrue(r.err.contains("(sigprop --help lists the verbs)"), r.err);
    assertEquals(2, run("help", "swep").code);
    assertEquals(2, run().code);
  }

  @Test
  void aMistypedOptionSuggestsTheClosestInEveryVerb() throws Exception {
    assertMistake("unknown option '--hlep'; did you mean '--help'?", "check", "--hlep");
    assertMistake("unknown option '--cell'; did you mean '--cells'?", "grid", "c.yaml",
        "--cell");
    assertMistake("unknown option '--resum'; did you mean '--resume'?", "sweep", "c.yaml",
        "--resum");
    assertMistake("unknown option '--sites'; did you mean '--site'?", "summarize", "s",
        "--sites=output");
    assertMistake("unknown option '--widht'; did you mean '--width'?", "theory", "--widht=8");
    assertMistake("unknown option '-x'", "grid", "c.yaml", "-x");
  }

  @Test
  void everyVerbTakesTheValueAfterAnEqualsSign() throws Exception {
    // Each gets past its options to a later check: so --name=value was read as --name value.
    Path missing = dir.resolve("none");
    Result r = run("summarize", missing.toString(), "--site=output", "--layers=every:2",
        "--facet=depth", "--experiment=a,b", "--master=local[1]");
    assertEquals(2, r.code);
    assertTrue(r.err.startsWith("sigprop summarize: no sweep folder " + missing), r.err);
    assertMistake("missing CONFIG", "grid", "--cores=2", "--set=seeds=1", "--master=local[1]");
    assertMistake("missing CONFIG", "sweep", "--out=o", "--task-slots=2", "--set=seeds=1");
    assertMistake("missing --init, --width", "theory", "--activation=tanh", "--depth=3");
    assertFalse(Files.exists(missing));
  }

  @Test
  void aMissingValueIsNamed() throws Exception {
    assertMistake("--cores needs a value", "grid", "c.yaml", "--cores");
    assertMistake("--out needs a value", "sweep", "c.yaml", "--out");
    assertMistake("--out needs a value, got the option '--overwrite'", "summarize", "s",
        "--out", "--overwrite");
    assertMistake("--depth needs a value", "theory", "--activation", "tanh", "--depth");
  }

  @Test
  void aFlagGivenAValueIsNamed() throws Exception {
    assertMistake("--cells takes no value, got '--cells=yes'", "grid", "c.yaml", "--cells=yes");
    assertMistake("--resume takes no value, got '--resume=1'", "sweep", "c.yaml", "--resume=1");
    assertMistake("--no-figures takes no value, got '--no-figures=true'", "summarize", "s",
        "--no-figures=true");
    assertMistake("--overwrite takes no value, got '--overwrite=yes'", "theory",
        "--overwrite=yes");
    assertMistake("--help takes no value, got '--help=me'", "check", "--help=me");
  }

  @Test
  void anOptionGivenTwiceWhereOneIsAllowedIsNamed() throws Exception {
    assertMistake("--master given twice ('local[1]', then 'local[2]'): give it once", "grid",
        "c.yaml", "--master", "local[1]", "--master=local[2]");
    Path out = dir.resolve("o");
    assertMistake("--out given twice", "sweep", "c.yaml", "--out", out.toString(), "--out",
        dir.resolve("p").toString());
    assertMistake("--layers given twice", "summarize", "s", "--layers", "all", "--layers",
        "every:5");
    assertMistake("--depth given twice", "theory", "--depth", "3", "--depth=4");
    assertFalse(Files.exists(out));
    // Repeatable ones add up; a flag twice says the same thing twice.
    Result r = run("summarize", dir.toString(), "--site", "output", "--site=output_gradient",
        "--overwrite", "--overwrite");
    assertTrue(r.err.contains("has no cells/ folder"), r.err);
  }

  @Test
  void unexpectedArgumentsAreNamed() throws Exception {
    assertMistake("unexpected argument 'now'", "check", "now");
    assertMistake("unexpected arguments 'a' and 'b'", "theory", "--depth", "3", "a", "b");
    assertMistake("one CONFIG only, got 'a.yaml' and 'b.yaml'", "grid", "a.yaml", "b.yaml");
    assertMistake("one CONFIG only, got 'a.yaml', 'b.yaml' and 'c.yaml'", "sweep", "a.yaml",
        "b.yaml", "c.yaml");
    assertMistake("SWEEP_DIR is an empty path", "summarize", "s", "");
  }
}
