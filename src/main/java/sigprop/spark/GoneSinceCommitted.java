package sigprop.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FSError;
import sigprop.experiment.SweepPlan;

/**
 * The end-of-run check that what the sweep committed is still in its folder. A folder deleted
 * while the run goes on is made again by Hadoop for the next wave, and nothing fails, so
 * without it the run would end "ok" without the waves before. A listing, no Parquet read.
 */
final class GoneSinceCommitted {
  private GoneSinceCommitted() {}

  /**
   * The one line saying what is gone and what --resume does about it, or null when all is
   * there: the manifest (written again here as {@code manifest}, the text the run found or
   * wrote, its {@code created} kept, so that --resume takes the folder), the theory table, and
   * the files of every wave in {@code committed}; {@code ran} is this run's cells.
   */
  static String line(SweepOutput output, SweepPlan plan, String manifest,
      CommittedWaves committed, int ran) throws IOException {
    List<String> gone = new ArrayList<>();
    if (!output.hasManifest()) {
      String again;
      try {
        output.writeManifest(manifest);
        again = "written again";
      } catch (IOException | FSError e) {
        again = "writing it again failed: " + OneLineFailure.rootCause(e) + "; the same"
            + " command with --overwrite runs the sweep anew";
      }
      gone.add(SweepOutput.MANIFEST + " (" + again + ")");
    }
    boolean theoryGone = !output.committed(output.theory());
    if (theoryGone) {
      gone.add("the theory table theory/");
    }
    gone.addAll(committed.gone());
    if (gone.isEmpty()) {
      return null;
    }
    long cells = committed.cellsOfDamagedWaves();
    String rerun = cells > 0 ? "runs the " + cells + (cells == 1 ? " cell" : " cells")
        + " of those waves again" : "";
    String theoryAgain = theoryGone ? "writes the theory table again" : "";
    String resume = rerun.isEmpty() && theoryAgain.isEmpty() ? "finds the sweep complete"
        : rerun + (rerun.isEmpty() || theoryAgain.isEmpty() ? "" : " and ") + theoryAgain;
    return "sigprop sweep: " + plan.sweep() + ": " + ran + " cells ran, but what the sweep"
        + " committed in " + output.root() + " is not all there (deleted while it ran?): "
        + String.join("; ", gone) + "; the same command with --resume " + resume;
  }
}
