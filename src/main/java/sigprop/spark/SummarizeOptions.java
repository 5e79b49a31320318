package sigprop.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import sigprop.net.Names;
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
 * @param out the summary folder
 * @param overwrite whether an existing summary may be replaced
 * @param figures whether to draw figures
 * @param facet how curve figures of many configurations are split: {@code auto}, {@code none}
 *     or a parameter name ({@link sigprop.summary.CurveFacets})
 * @param master the Spark master to use when spark.master is not set; null for local[*]
 */
public record SummarizeOptions(List<String> sweeps, List<String> experiments, List<String> sites,
    LayerSelection layers, Path out, boolean overwrite, boolean figures, String facet,
    String master) {

  private static final List<String> VALUED =
      List.of("--experiment", "--site", "--layers", "--out", "--facet", "--master");
  private static final List<String> OPTIONS = List.of("--experiment", "--site", "--layers",
      "--out", "--overwrite", "--no-figures", "--facet", "--master", "--help");

  /** The usage text. */
  public static final String USAGE = String.join("\n",
      "usage: summarize SWEEP_DIR... [options]",
      "  Averages a sweep's Parquet (SWEEP_DIR/cells, layers, theory) over seeds into plain CSV",
      "  tables, a schema and figures in SWEEP_DIR/summary/ (docs/SUMMARY.md).",
      "  --experiment E[,E…]   only these experiments (default: all)",
      "  --site S[,S…]         only these sites: " + String.join(", ", siteKeys()),
      "  --layers SPEC         all (default); a list such as 1,2,10-20; or every:K = layers",
      "                        1, 1+K, 1+2K, … plus the top hidden layer L and the head L+1",
      "  --out DIR             the summary folder, local (default SWEEP_DIR/summary; required",
      "                        with several sweep folders or a sweep at a URI)",
      "  --overwrite           replace an existing summary (otherwise it is kept and this fails)",
      "  --no-figures          tables only",
      "  --facet P             split each variance and saturation figure into one per value of",
      "                        parameter P (e.g. depth, norm, init); auto (default) splits past",
      "                        12 configurations by the parameter of the fewest figures; none",
      "                        never splits",
      "  --master M            Spark master when spark.master is not set (default local[*])",
      "  --help                this text",
      "Exit codes: 0 done, 1 the job failed, 2 bad input or an existing summary.");

  /** Checks the invariants. */
  public SummarizeOptions {
    sweeps = List.copyOf(sweeps);
    experiments = List.copyOf(experiments);
    sites = List.copyOf(sites);
    if (facet == null) {
      facet = CurveFacets.AUTO;
    }
    if (sweeps.isEmpty()) {
      throw new IllegalArgumentException("no sweep folder given");
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
  public static SummarizeOptions parse(String[] given) {
    String[] args = split(given);
    List<String> sweeps = new ArrayList<>();
    List<String> experiments = new ArrayList<>();
    List<String> sites = new ArrayList<>();
    LayerSelection layers = LayerSelection.ALL;
    Path out = null;
    boolean overwrite = false;
    boolean figures = true;
    String facet = null;
    String master = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> {
          return null;
        }
        case "--experiment" -> experiments.addAll(list(a, value(args, ++i, a)));
        case "--site" -> sites(value(args, ++i, a)).stream()
            .filter(site -> !sites.contains(site)).forEach(sites::add); // once each
        case "--layers" -> layers = LayerSelection.parse(value(args, ++i, a));
        case "--out" -> {
          String folder = value(args, ++i, a);
          if (folder.isBlank()) {
            throw new IllegalArgumentException("--out needs a folder, got an empty path");
          }
          out = Path.of(folder);
        }
        case "--overwrite" -> overwrite = true;
        case "--no-figures" -> figures = false;
        case "--facet" -> facet = facet(value(args, ++i, a));
        case "--master" -> {
          master = value(args, ++i, a);
          SparkSessions.checkMaster(master);
        }
        default -> {
          if (a.startsWith("-")) {
            throw new IllegalArgumentException(Names.unknown("option", a, OPTIONS));
          }
          sweeps.add(a);
        }
      }
    }
    return new SummarizeOptions(sweeps, experiments, sites, layers, out, overwrite, figures,
        facet, master);
  }

  /** --name=value as --name value, as sweep, grid and theory take it. */
  private static String[] split(String[] args) {
    List<String> split = new ArrayList<>();
    for (String a : args) {
      int eq = a.startsWith("--") ? a.indexOf('=') : -1;
      String name = eq > 0 ? a.substring(0, eq) : a;
      if (eq < 0) {
        split.add(a);
      } else if (VALUED.contains(name)) {
        split.add(name);
        split.add(a.substring(eq + 1));
      } else {
        throw new IllegalArgumentException(OPTIONS.contains(name) ? name + " takes no value, got '"
            + a + "'" : Names.unknown("option", name, OPTIONS));
      }
    }
    return split.toArray(new String[0]);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
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
