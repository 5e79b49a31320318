package sigprop.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sigprop.net.Names;
import sigprop.args.VerbArguments;
import sigprop.net.Site;
import sigprop.summary.CurveFacets;
import sigprop.summary.LayerSelection;

/**
 * The options of {@code summarize}.
 *
 * @param sweeps the sweep folders (output/&lt;sweep&gt;, or any URI Spark reads), at least one
 * @param experiments only these experiments; empty for all
 * @param sites only these sites (table names such as output_gradient); empty for all
 * @param layers which layers
 * @param histogramLayers which of those layers histograms.csv and the histogram figures hold
 * @param out the summary folder
 * @param overwrite whether an existing summary may be replaced
 * @param figures whether to draw figures
 * @param facet how curve figures of many configurations are split: {@code auto}, {@code none}
 *     or a parameter name ({@link sigprop.summary.CurveFacets})
 * @param master the Spark master to use when spark.master is not set; null for local[*]
 */
public record SummarizeOptions(List<String> sweeps, List<String> experiments, List<String> sites,
    LayerSelection layers, LayerSelection histogramLayers, Path out, boolean overwrite,
    boolean figures, String facet,
    String master) {

  /** The usage text. */
  public static final String USAGE = String.join("\n",
      "usage: sigprop summarize SWEEP_DIR... [options]",
      "Averages a sweep's Parquet (SWEEP_DIR/cells, layers, theory) over seeds into plain CSV",
      "tables, a schema and figures in SWEEP_DIR/summary/ (docs/SUMMARY.md).",
      "  --experiment E[,E…]   only these experiments (default: all)",
      VerbArguments.helpList("  --site S[,S…]         only these sites: ", ", ", siteKeys(), 24),
      "  --layers SPEC         all (default); a list such as 1,2,10-20; every:K = layers",
      "                        1, 1+K, 1+2K, … plus the top hidden layer L and the head L+1;",
      "                        or spread:N = N evenly spaced hidden layers, first and last",
      "  --histogram-layers SPEC",
      "                        of those, the layers histograms.csv and the histogram figures",
      "                        hold (same forms; default all): spread:5, the five layers",
      "                        each figure draws, keeps a deep net's histograms.csv small",
      "  --out DIR             the summary folder, local (default SWEEP_DIR/summary; required",
      "                        with several sweep folders or a sweep at a URI)",
      "  --overwrite           replace an existing summary (otherwise it is kept and this fails)",
      "  --no-figures          tables only",
      "  --facet P             split each variance and saturation figure into one per value of",
      "                        parameter P (e.g. depth, norm, init); auto (default) splits past",
      "                        12 configurations by the parameter of the fewest figures; none",
      "                        never splits",
      "  --master M            Spark master when spark.master is not set (default local[*])",
      "  -h, --help            print this help",
      "Exit codes: 0 done, 1 the job failed, 2 bad input or an existing summary.");

  private static final VerbArguments.Spec OPTIONS = new VerbArguments.Spec(
      List.of("--layers", "--histogram-layers", "--out", "--facet", "--master"),
      List.of("--experiment", "--site"),
      List.of("--overwrite", "--no-figures"));

  /** Checks the invariants. */
  public SummarizeOptions {
    sweeps = List.copyOf(sweeps);
    experiments = List.copyOf(experiments);
    sites = List.copyOf(sites);
    if (histogramLayers == null) {
      histogramLayers = LayerSelection.ALL;
    }
    if (facet == null) {
      facet = CurveFacets.AUTO;
    }
    if (sweeps.isEmpty()) {
      throw new IllegalArgumentException("missing SWEEP_DIR: no sweep folder given");
    }
    if (sweeps.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("SWEEP_DIR is an empty path");
    }
    if (out == null) {
      if (sweeps.size() > 1) {
        throw new IllegalArgumentException(
            "several sweep folders need --out DIR for the combined summary");
      }
      if (sweeps.get(0).contains("://")) {
        // The summary is written through java.nio on the driver: a local folder.
        throw new IllegalArgumentException("a sweep at a URI (" + sweeps.get(0)
            + ") needs --out DIR, a local folder for the summary");
      }
      out = Path.of(sweeps.get(0), "summary");
    }
  }

  /**
   * Parses the arguments after the verb; null for {@code --help}. Throws
   * IllegalArgumentException naming the bad option.
   */
  public static SummarizeOptions parse(String[] args) {
    VerbArguments given = OPTIONS.parse(args);
    if (given.help()) {
      return null;
    }
    List<String> experiments = new ArrayList<>();
    for (String text : given.values("--experiment")) {
      experiments.addAll(list("--experiment", text));
    }
    List<String> sites = new ArrayList<>();
    for (String text : given.values("--site")) {
      sites(text).stream().filter(site -> !sites.contains(site)).forEach(sites::add); // once each
    }
    LayerSelection layers = given.has("--layers")
        ? LayerSelection.parse(given.value("--layers", null)) : LayerSelection.ALL;
    LayerSelection histogramLayers = given.has("--histogram-layers")
        ? LayerSelection.parse("--histogram-layers", given.value("--histogram-layers", null))
        : LayerSelection.ALL;
    Path out = null;
    if (given.has("--out")) {
      String folder = given.value("--out", null);
      if (folder.isBlank()) {
        throw new IllegalArgumentException("--out needs a folder, got an empty path");
      }
      out = Path.of(folder);
    }
    String facet = given.has("--facet") ? facet(given.value("--facet", null)) : null;
    String master = given.value("--master", null);
    if (master != null) {
      SparkSessions.checkMaster(master);
    }
    return new SummarizeOptions(given.positionals(), experiments, sites, layers, histogramLayers,
        out, given.has("--overwrite"), !given.has("--no-figures"), facet, master);
  }

  private static List<String> list(String option, String text) {
    List<String> items = new ArrayList<>();
    for (String s : text.split(",", -1)) {
      if (s.isBlank()) {
        throw new IllegalArgumentException(option + ": empty item in '" + text + "'");
      }
      items.add(s.trim());
    }
    return items;
  }

  private static String facet(String text) {
    List<String> valid = new ArrayList<>(List.of(CurveFacets.AUTO, CurveFacets.NONE));
    valid.addAll(ParameterColumns.names());
    if (!valid.contains(text)) {
      throw new IllegalArgumentException("--facet: " + Names.unknown("parameter", text, valid));
    }
    return text;
  }

  private static List<String> sites(String text) {
    List<String> sites = new ArrayList<>();
    for (String s : list("--site", text)) {
      if (!siteKeys().contains(s)) {
        throw new IllegalArgumentException("--site: " + Names.unknown("site", s, siteKeys()));
      }
      sites.add(s);
    }
    return sites;
  }

  private static List<String> siteKeys() {
    List<String> keys = new ArrayList<>();
    for (Site s : Site.values()) {
      keys.add(s.key());
    }
    return keys;
  }
}
