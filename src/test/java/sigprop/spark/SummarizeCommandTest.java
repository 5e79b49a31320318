package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import sigprop.summary.LayerSelection;
import sigprop.summary.SourceDescriptions;

/** The verb's argument handling and the checks made before Spark starts; no Spark here. */
class SummarizeCommandTest {
  @TempDir Path dir;

  /** Runs the verb; returns the exit code followed by its output and error text. */
  static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      code = SummarizeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
    } catch (OneLineFailure f) { // as the command line prints it, without the trace
      code = f.exitCode();
      err.writeBytes((f.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)};
  }

  static void assertUsageError(String expected, String... args) {
    String[] r = run(args);
    assertEquals("2", r[0], r[2]);
    assertTrue(r[2].contains(expected), r[2]);
  }

  /**
   * A refused run removes the folders made for its --out, innermost first, and stops at the
   * first that holds anything or that was there before.
   */
  @Test
  void onlyTheEmptyFoldersMadeForOutAreRemoved() throws IOException {
    Path out = dir.resolve("a/b/c");
    assertEquals(dir.resolve("a").toAbsolutePath(), SummarizeCommand.firstMissing(out));
    assertNull(SummarizeCommand.firstMissing(dir), "an existing folder is not made");
    Files.createDirectories(out);
    Files.writeString(dir.resolve("a/b/note.txt"), "kept");
    SummarizeCommand.removeIfEmpty(out.toAbsolutePath(), dir.resolve("a").toAbsolutePath());
    assertFalse(Files.exists(out));
    assertTrue(Files.exists(dir.resolve("a/b/note.txt")), "a folder holding a file stays");

    Files.delete(dir.resolve("a/b/note.txt"));
    Files.createDirectories(out);
    SummarizeCommand.removeIfEmpty(out.toAbsolutePath(), dir.resolve("a/b").toAbsolutePath());
    assertFalse(Files.exists(dir.resolve("a/b")));
    assertTrue(Files.isDirectory(dir.resolve("a")), "a folder that was there before stays");
  }

  @Test
  void helpPrintsUsage() {
    String[] r = run("--help");
    assertEquals("0", r[0]);
    assertTrue(r[1].startsWith("usage: sigprop summarize SWEEP_DIR..."), r[1]);
    assertTrue(r[1].contains("--overwrite") && r[1].contains("every:K"));
  }

  @Test
  void badArgumentsExitWithTwo() {
    assertUsageError("no sweep folder given");
    assertUsageError("unknown option '--overwirte'; did you mean '--overwrite'?", "x",
        "--overwirte");
    assertUsageError("unknown site 'ouput'; did you mean 'output'?", "x", "--site", "ouput");
    assertUsageError("--layers: expected all, every:K", "x", "--layers", "every:0");
    assertUsageError("--out needs a value", "x", "--out");
    assertUsageError("--out needs a folder, got an empty path", "x", "--out", "");
    assertUsageError("several sweep folders need --out DIR", "a", "b");
    assertUsageError("--experiment: empty item", "x", "--experiment", "a,,b");
    assertUsageError("needs --out DIR, a local folder", "hdfs://nn/sweeps/x");
  }

  @Test
  void missingFoldersAreReportedBeforeSparkStarts() throws IOException {
    assertUsageError("no sweep folder " + dir.resolve("nope"), dir.resolve("nope").toString());
    Files.createDirectories(dir.resolve("s/cells"));
    assertUsageError("has no layers/ folder", dir.resolve("s").toString());
    Files.createDirectories(dir.resolve("s/layers"));
    Files.createDirectories(dir.resolve("s/summary/figures"));
    assertUsageError("figures exists: it is in the way and this folder holds no summary",
        dir.resolve("s").toString());
    Files.writeString(dir.resolve("s/summary/schema.md"), "# Summary tables\n");
    assertUsageError("a summary exists; pass --overwrite", dir.resolve("s").toString());
    String sweep = dir.resolve("s").toString();
    assertUsageError("is inside the sweep's cells/ table", sweep, "--out",
        dir.resolve("s/cells/here").toString());
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertUsageError("cannot write the summary into " + file + ": " + file + " is a file, not a"
        + " folder", sweep, "--out", file.toString());
    assertUsageError(file + " is a file, not a folder", sweep, "--out",
        file.resolve("below").toString());
    // A folder that cannot be made (procfs takes none, whoever asks) is said before any work.
    if (Files.isDirectory(Path.of("/proc/self"))) {
      assertUsageError("cannot write the summary into /proc/nope: cannot make the folder", sweep,
          "--out", "/proc/nope");
    }
  }

  @Test
  void everySweepColumnHasItsOwnDescription() {
    List<String> parameters = ParameterColumns.names();
    for (String column : CellTable.SCHEMA.fieldNames()) {
      boolean identity = List.of("sweep", "experiment", "config_id").contains(column);
      assertTrue(identity || SourceDescriptions.cells(parameters).containsKey(column), column);
    }
    assertTrue(SourceDescriptions.cells(parameters).containsKey("wave"));
    for (String column : TheoryTableRows.SCHEMA.fieldNames()) {
      boolean identity = List.of("sweep", "experiment", "config_id").contains(column);
      assertTrue(identity || SourceDescriptions.theory().containsKey(column), column);
    }
  }

  @Test
  void optionsParse() {
    SummarizeOptions o = SummarizeOptions.parse(new String[] {"a", "b", "--out", "o",
        "--experiment", "task1,task3", "--site", "output,output_gradient", "--layers",
        "1,5-6", "--overwrite", "--no-figures", "--master", "local[1]", "--site", "output"});
    assertEquals(List.of("a", "b"), o.sweeps());
    assertEquals(Path.of("o"), o.out());
    assertEquals(List.of("task1", "task3"), o.experiments());
    assertEquals(List.of("output", "output_gradient"), o.sites(), "each site once");
    assertEquals(LayerSelection.parse("1,5,6"), o.layers());
    assertTrue(o.histogramLayers().isAll(), "histograms keep every summarized layer by default");
    assertEquals(LayerSelection.parse("every:50"), SummarizeOptions.parse(
        new String[] {"x", "--histogram-layers", "every:50"}).histogramLayers());
    IllegalArgumentException layers = assertThrows(IllegalArgumentException.class,
        () -> SummarizeOptions.parse(new String[] {"x", "--histogram-layers", "0"}));
    assertTrue(layers.getMessage().startsWith("--histogram-layers: expected all, every:K"),
        layers.getMessage());
    assertTrue(o.overwrite() && !o.figures());
    assertEquals("local[1]", o.master());
    assertEquals(Path.of("x", "summary"), SummarizeOptions.parse(new String[] {"x"}).out());
    assertEquals("auto", SummarizeOptions.parse(new String[] {"x"}).facet());
    assertEquals("norm", SummarizeOptions.parse(new String[] {"x", "--facet", "norm"}).facet());
    assertEquals("none", SummarizeOptions.parse(new String[] {"x", "--facet", "none"}).facet());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> SummarizeOptions.parse(new String[] {"x", "--facet", "nrom"}));
    assertTrue(bad.getMessage().contains("'norm'"), bad.getMessage());
  }

  /** --name=value as sweep, grid and theory take it (--facet=depth was an unknown option). */
  @Test
  void optionsTakeTheirValueAfterAnEqualsSign() {
    SummarizeOptions o = SummarizeOptions.parse(new String[] {"a", "--out=o", "--facet=depth",
        "--site=output", "--layers=1,2", "--experiment=e1", "--master=local[1]"});
    assertEquals(Path.of("o"), o.out());
    assertEquals("depth", o.facet());
    assertEquals(List.of("output"), o.sites());
    assertEquals(List.of("e1"), o.experiments());
    assertEquals("local[1]", o.master());
    assertUsageError("--overwrite takes no value, got '--overwrite=yes'", "x", "--overwrite=yes");
    assertUsageError("unknown option '--fact'; did you mean '--facet'?", "x", "--fact=depth");
    assertUsageError("--out needs a folder, got an empty path", "x", "--out=");
  }
}
