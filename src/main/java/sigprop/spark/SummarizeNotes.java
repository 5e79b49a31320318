package sigprop.spark;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import sigprop.summary.Configuration;
import sigprop.summary.StatusCounts;

/** What a summarize run says of its input before it summarizes: counts, and what is odd. */
final class SummarizeNotes {
  private SummarizeNotes() {}

  /** The opening line: cells, configurations by status, and the options' choices. */
  static String describe(List<Row> cells, List<Configuration> configs,
      List<String> experiments, SummarizeOptions options) {
    int ok = 0;
    int diverged = 0;
    int failed = 0;
    for (Configuration c : configs) {
      ok += c.counts().ok();
      diverged += c.counts().diverged();
      failed += c.counts().failed();
    }
    return String.format(Locale.ROOT, "%d cells in %d configuration%s (%d ok, %d diverged, %d"
        + " failed); experiments %s; sites %s; layers %s%s; from %s", cells.size(),
        configs.size(), configs.size() == 1 ? "" : "s", ok, diverged, failed, experiments,
        options.sites().isEmpty() ? "all" : options.sites(), options.layers(),
        options.histogramLayers().isAll() ? ""
            : " (histograms " + options.histogramLayers() + ")", options.sweeps());
  }

  /**
   * An experiment none of whose cells is ok has no averages and no figures at all (a figure
   * needs one line to draw): says so, rather than leaving a user to wonder where they went.
   */
  static void experimentsWithoutOkCells(List<Configuration> configs, PrintStream log) {
    Map<String, StatusCounts> byExperiment = new LinkedHashMap<>();
    for (Configuration c : configs) {
      byExperiment.merge(c.sweep() + "/" + c.experiment(), c.counts(), StatusCounts::plus);
    }
    byExperiment.forEach((experiment, n) -> {
      if (n.ok() == 0) {
        log.println("summarize: note: experiment " + experiment + " has no ok cell (" + n.seeds()
            + " cells: " + n.diverged() + " diverged, " + n.failed() + " failed): none is"
            + " averaged or drawn; cells.csv gives each cell's status and message");
      }
    });
  }

  /** Says so when the cells come from more than one build. */
  static void severalBuilds(List<Row> cells, PrintStream log) {
    Set<String> builds = new TreeSet<>();
    cells.forEach(r -> builds.add(r.getString(r.fieldIndex("code_version"))));
    if (builds.size() > 1) {
      // A sweep resumed with another build, or sweeps of several builds: the seeds' statistics
      // then pool numbers that may differ in their last bits or more.
      log.println("summarize: note: the cells come from " + builds.size() + " builds ("
          + String.join(", ", builds) + "); cells.csv's code_version tells which");
    }
  }
}
