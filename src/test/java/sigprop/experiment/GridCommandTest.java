package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return GridCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void summarizesTheExample() {
    assertEquals(0, run("conf/example.yaml"), err());
    assertTrue(out().contains("example: 2 depths × 2 inits × 2 norms × 3 seeds = 24 cells"),
        out());
    assertTrue(out().contains("  work:   "), out());
    assertTrue(out().contains(" GFLOP in total, max "), out());
    assertTrue(out().contains("  memory: max "), out());
    assertTrue(out().contains("total: 24 cells, "), out());
    assertTrue(out().contains("  time:   about "), out());
    assertTrue(out().contains("GFLOP/s per core (0.4 × the matrix kernel's "), out());
    assertTrue(out().contains("it leaves out Spark's start-up"), out());
    assertEquals("", err());
  }

  @Test
  void saysWhichConfigurationsRepeatAnothersNumbers() {
    assertEquals(0, run("conf/example.yaml", "--set",
        "grid.norm_placement=before_activation,after_activation"), err());
    assertTrue(out().contains("example: 2 depths × 2 inits × 2 norms × 2 norm_placements × 3 "
        + "seeds = 48 cells\n  note:   4 of 16 configurations repeat another's numbers "
        + "(norm_placement changes nothing where norm is none)\n"), out());
  }

  @Test
  void estimatesTimeFromTheWorkAtAGivenRateAndCores() {
    assertEquals(0, run("conf/example.yaml", "--gflops", "10", "--cores=4"), err());
    // The cost model's work (0.446 GFLOP of products at 1 + 12/64 times their flops for a batch
    // of 64: 0.530, about 1.2 of elementwise work and 1.9 for about 1,700 records) ÷ (10 GFLOP/s
    // × 4 cores) = 0.095 s; the largest cell, about 0.26 in all, takes 0.026 s on one core.
    assertTrue(out().contains("  time:   about 0.095 s on 4 cores for 3.78 GFLOP of cost-model"
        + " work, max 0.026 s per cell"), out());
    assertTrue(out().contains("time:  about 0.095 s on 4 cores at 10.0 GFLOP/s per core (given"
        + " with --gflops)"), out());
  }

  @Test
  void aSweepOfTinyCellsIsTimedByItsRecordsNotItsProducts() {
    // 20,000 cells of depth 2–3, width 4–8, batch 8: 0.146 GFLOP of products, 466 of work, nearly
    // all of it the 420,000 records' fixed cost. Such a sweep ran 26 s here; in products alone the
    // estimate was 0.008 s.
    assertEquals(0, run("conf/example.yaml", "--set", "grid.depth=2,3", "--set", "input.width=8",
        "--set", "grid.width=4,8", "--set", "input.batch=8", "--set", "seeds=1250",
        "--gflops", "10", "--cores", "2"), err());
    assertTrue(out().contains("  work:   0.146 GFLOP in total"), out());
    assertTrue(out().contains("  time:   about 23 s on 2 cores for 466 GFLOP of cost-model work"),
        out());
    assertTrue(out().contains("time:  about 23 s on 2 cores"), out());
  }

  @Test
  void badTimeOptionsExitTwo() {
    assertEquals(2, run("conf/example.yaml", "--cores", "0"));
    assertTrue(err().contains("--cores needs a whole number ≥ 1, got '0'"), err());
    assertEquals(2, run("conf/example.yaml", "--gflops=nan"));
    assertTrue(err().contains("--gflops needs a positive number, got 'nan'"), err());
    assertEquals(2, run("conf/example.yaml", "--gflops", "-5"));
    assertEquals("", out());
  }

  @Test
  void listsCellsWithIdsSeedsAndVaryingParameters() {
    assertEquals(0, run("conf/example.yaml", "--cells", "--set", "seeds=2"), err());
    long cellLines = out().lines().filter(l -> l.matches("    c[0-9a-f]{16}  seed=\\d.*")).count();
    assertEquals(16, cellLines, out());
    assertTrue(out().contains("seed=1  depth=20 init=xavier_normal(gain=1.0) norm=batch"),
        out());
    assertTrue(out().contains("  fixed: activation=tanh batch=64 "), out());
  }

  @Test
  void aGridOfManySeedsOfDeepNetworksIsSummarizedPromptly(@TempDir Path dir) throws IOException {
    Path config = Files.writeString(dir.resolve("deep.yaml"), "sweep: deep\n"
        + "input: {batch: 2, width: 2}\nnetwork: {depth: 100000, width: 2, classes: 2}\n"
        + "record: {sites: [output]}\nseeds: 100000\n");
    // Estimated per configuration, not per seed: every cell's estimate took over a minute.
    assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertEquals(0, run(config.toString()), err()));
    assertTrue(out().contains("deep: 100000 seeds = 100000 cells"), out());
    assertTrue(out().contains("320 GFLOP in total, max 0.00320 GFLOP per cell"), out());
  }

  @Test
  void summedMemoryBeyondALongDoesNotWrap() {
    SweepPlan plan = Configs.plan("sweep: s\ninput: {batch: 1000000, width: 1000000}\n"
        + "network: {depth: 100000, width: 1000000}\nseeds: 100\n");
    assertEquals(Long.MAX_VALUE, plan.experiments().get(0).summedMemoryBytes(0));
  }

  @Test
  void optionsTakeTheirValueAfterAnEqualsSignToo() {
    assertEquals(0, run("conf/example.yaml", "--heap-mb=2048", "--set=seeds=1", "--gflops=5"),
        err());
    assertTrue(out().contains("= 8 cells"), out());
  }

  @Test
  void overridesReshapeTheGrid() {
    assertEquals(0, run("conf/example.yaml", "--set", "grid.depth=4,60,100",
        "--set=seeds=[7]"), err());
    assertTrue(out().contains("3 depths × 2 inits × 2 norms × 1 seed = 12 cells"), out());
  }

  @Test
  void helpGoesToOutWithExitZero() {
    assertEquals(0, run("--help"));
    assertTrue(out().startsWith("usage: sigprop grid CONFIG"), out());
  }

  @Test
  void invalidConfigPrintsEveryProblemAndExitsTwo(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("bad.yaml");
    Files.writeString(config, "sweep: bad\nnetwork: {activaton: tanh, depth: x}\n");
    assertEquals(2, run(config.toString()));
    assertTrue(err().contains("bad.yaml: 2 problems"), err());
    assertTrue(err().contains("did you mean 'activation'?"), err());
    assertTrue(err().contains("network.depth: expected an integer, got 'x'"), err());
    assertEquals("", out());
  }

  @Test
  void tooSmallHeapExitsTwo() {
    assertEquals(2, run("conf/example.yaml", "--heap-mb", "1"));
    assertTrue(err().contains("more than the 1.0 MiB heap a cell gets"), err());
  }

  @Test
  void badArgumentsExitTwo() {
    assertEquals(2, run());
    assertTrue(err().contains("missing CONFIG"), err());
    assertEquals(2, run("conf/example.yaml", "--frobnicate"));
    assertTrue(err().contains("unknown option '--frobnicate'"), err());
    assertEquals(2, run("conf/example.yaml", "--cell"));
    assertTrue(err().contains("unknown option '--cell'; did you mean '--cells'?"), err());
    assertEquals(2, run("conf/example.yaml", "--cells=yes"));
    assertTrue(err().contains("--cells takes no value, got '--cells=yes'"), err());
    assertEquals(2, run(""));
    assertTrue(err().contains("grid: CONFIG is an empty path"), err());
    assertEquals(2, run("conf/example.yaml", "--heap-mb", "lots"));
    assertEquals(2, run("conf/example.yaml", "--set"));
    assertEquals(2, run("no/such/file.yaml"));
    assertTrue(err().contains("sigprop grid: cannot read no/such/file.yaml: no such file"),
        err());
    assertEquals(2, run("conf"));
    assertTrue(err().contains("cannot read conf: it is a folder, not a config file"), err());
  }

  @Test
  void aConfigThatIsNotUtf8IsRefusedSaying(@TempDir Path dir) throws Exception {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "sweep: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(2, run(latin1.toString()));
    assertTrue(err().contains("latin1.yaml: not UTF-8 text (save the file as UTF-8)"), err());
    assertFalse(err().contains("Exception"), err());
  }
}
