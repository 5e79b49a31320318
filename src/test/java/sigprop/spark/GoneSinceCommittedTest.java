package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sigprop.experiment.ConfigLoader;
import sigprop.experiment.SweepPlan;

/**
 * The end-of-run line for what a sweep committed and lost since, on a folder of plain files:
 * the cases the end-to-end sweep tests do not reach (the theory table gone, a wave that lost
 * some of its files, the manifest alone gone).
 */
class GoneSinceCommittedTest {
  @TempDir Path dir;

  private SweepPlan plan() throws Exception {
    return ConfigLoader.parse(String.join("\n", "sweep: s", "input: {batch: 2, width: 2}",
        "network: {width: 2, depth: 1, activation: tanh, classes: 2}", "seeds: 3", ""),
        "test", List.of(), 0);
  }

  /** A committed wave of two files in each part. */
  private void wave(int k) throws IOException {
    for (String part : List.of("cells", "layers")) {
      Path w = Files.createDirectories(dir.resolve("s/" + part + "/wave=" + k));
      Files.createFile(w.resolve("_SUCCESS"));
      Files.createFile(w.resolve("part-0.parquet"));
      Files.createFile(w.resolve("part-1.parquet"));
    }
  }

  @Test
  void eachLossIsNamedWithWhatResumeDoes() throws Exception {
    SweepPlan plan = plan();
    SweepOutput output = new SweepOutput(dir.toString(), "s", new Configuration());
    String manifest = Manifest.of(plan);
    output.writeManifest(manifest);
    Files.createDirectories(dir.resolve("s/theory"));
    Files.createFile(dir.resolve("s/theory/_SUCCESS"));
    wave(0);
    wave(1);
    CommittedWaves committed = new CommittedWaves(output);
    committed.record(0, 2);
    committed.record(1, 1);
    assertNull(GoneSinceCommitted.line(output, plan, manifest, committed, 3));

    Files.delete(dir.resolve("s/layers/wave=1/part-1.parquet"));
    Files.delete(dir.resolve("s/theory/_SUCCESS"));
    assertEquals("sigprop sweep: s: 3 cells ran, but what the sweep committed in "
        + output.root() + " is not all there (deleted while it ran?): the theory table"
        + " theory/; wave 1: layers/wave=1/part-1.parquet, 1 cell; the same command with"
        + " --resume runs the 1 cell of those waves again and writes the theory table again",
        GoneSinceCommitted.line(output, plan, manifest, committed, 3));
  }

  /**
   * The manifest is written again as the run found it, not made anew: a new one's created
   * would be the end of this run, not the start of the sweep.
   */
  @Test
  void aManifestGoneAloneIsWrittenAgainAsItWasAndResumeFindsTheSweepComplete()
      throws Exception {
    SweepPlan plan = plan();
    SweepOutput output = new SweepOutput(dir.toString(), "s", new Configuration());
    String manifest = Manifest.of(plan).replaceFirst("\"created\" : \"[^\"]+\"",
        "\"created\" : \"2026-01-02T03:04:05Z\"");
    Files.createDirectories(dir.resolve("s/theory"));
    Files.createFile(dir.resolve("s/theory/_SUCCESS"));
    wave(0);
    CommittedWaves committed = new CommittedWaves(output);
    committed.record(0, 3);
    String line = GoneSinceCommitted.line(output, plan, manifest, committed, 3);
    assertTrue(line.endsWith(": sweep.json (written again); the same command with --resume"
        + " finds the sweep complete"), line);
    assertEquals(manifest, output.readManifest());
    assertTrue(manifest.contains("\"created\" : \"2026-01-02T03:04:05Z\""), manifest);
  }
}
