package sigprop.spark;

import java.util.ArrayList;
import java.util.List;
import sigprop.summary.CurveFacets;
import sigprop.summary.SummaryProvenance;

/** The command line that makes a summary again, rebuilt from its options. */
final class RerunCommand {
  private RerunCommand() {}

  /**
   * The options in a fixed order, without {@code --overwrite} and {@code --master}, which change
   * nothing in the summary; words quoted for a POSIX shell where needed.
   */
  static String of(SummarizeOptions options) {
    List<String> words = new ArrayList<>(List.of("sigprop", "summarize"));
    words.addAll(options.sweeps());
    if (!options.experiments().isEmpty()) {
      words.addAll(List.of("--experiment", String.join(",", options.experiments())));
    }
    if (!options.sites().isEmpty()) {
      words.addAll(List.of("--site", String.join(",", options.sites())));
    }
    if (!options.layers().isAll()) {
      words.addAll(List.of("--layers", SummaryProvenance.spec(options.layers())));
    }
    if (!options.histogramLayers().isAll()) {
      words.addAll(List.of("--histogram-layers",
          SummaryProvenance.spec(options.histogramLayers())));
    }
    words.addAll(List.of("--out", options.out().toString()));
    if (!options.figures()) {
      words.add("--no-figures");
    }
    if (!options.facet().equals(CurveFacets.AUTO)) {
      words.addAll(List.of("--facet", options.facet()));
    }
    List<String> quoted = new ArrayList<>();
    for (String w : words) {
      quoted.add(w.matches("[A-Za-z0-9_./:,=+@%-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
    }
    return String.join(" ", quoted);
  }
}
