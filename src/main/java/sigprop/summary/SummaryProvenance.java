package sigprop.summary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How a summary was made, for the top of its {@code schema.md} and for {@code provenance.json}
 * (both rendered from this record alone): the command's options and what each table holds
 * because of them (sites, layers per depth), every sweep folder read with its config hashes,
 * builds and cells by status, the seeds pooled per configuration, the build that summarized and
 * the date. A folder found weeks later then says whether histograms.csv holds every layer and
 * what was pooled, which only the run's terminal log said before.
 *
 * @param command the command line, rebuilt from the options (equivalent to the one given)
 * @param sites the sites chosen; empty for all
 * @param layers the --layers selection
 * @param histogramLayers the --histogram-layers selection
 * @param figures whether figures were drawn
 * @param facet the --facet rule
 * @param configurations the configurations summarized, in config_index order, with their cells'
 *     status counts
 * @param tableLayers per depth, the layers layers.csv holds ({@link #layersByDepth})
 * @param histogramTableLayers per depth, the layers histograms.csv holds
 * @param sources the folders read, in the order given
 * @param build the code version of the build that summarized
 * @param date when it ran (ISO-8601, UTC): the only part a rerun changes
 */
public record SummaryProvenance(String command, List<String> sites, LayerSelection layers,
    LayerSelection histogramLayers, boolean figures, String facet,
    List<Configuration> configurations, SortedMap<Integer, SortedSet<Integer>> tableLayers,
    SortedMap<Integer, SortedSet<Integer>> histogramTableLayers, List<Source> sources,
    String build, String date) {

  /** The section's heading. */
  public static final String HEADING = "## How this summary was made";

  /**
   * One sweep folder read.
   *
   * @param folder the folder as given
   * @param sweeps the sweep names its summarized cells carry
   * @param configHashes the config hashes of its summarized cells (one unless it was resumed with
   *     another config)
   * @param codeVersions the builds that computed them
   * @param counts its summarized cells by status (a cell a later folder also holds counts there)
   * @param rebuilt what its {@code sweep.json} says of being written again by {@code sweep
   *     --resume} after it was deleted; null when it never was (or the folder has none)
   */
  public record Source(String folder, SortedSet<String> sweeps, SortedSet<String> configHashes,
      SortedSet<String> codeVersions, StatusCounts counts, Rebuilt rebuilt) {
    /** Copies the sets. */
    public Source {
      sweeps = Collections.unmodifiableSortedSet(new TreeSet<>(sweeps));
      configHashes = Collections.unmodifiableSortedSet(new TreeSet<>(configHashes));
      codeVersions = Collections.unmodifiableSortedSet(new TreeSet<>(codeVersions));
    }
  }

  /**
   * A sweep folder's {@code sweep.json} written again by {@code sweep --resume} after it was
   * deleted (its {@code rebuilt} field): its {@code created} is then not when the sweep began
   * but the time of the earliest commit found, which the sweep began before.
   *
   * @param at when --resume wrote it again
   * @param created its {@code created}; null when no commit marker had a time
   * @param createdFrom the commit marker whose time {@code created} is; null likewise
   */
  public record Rebuilt(String at, String created, String createdFrom) {
    /** The sentence schema.md writes of it for {@code folder}. */
    String sentence(String folder) {
      return "`" + folder.replace("`", "'") + "`: its sweep.json was deleted and written again"
          + " by `sweep --resume` at " + at + " from the config whose cells it holds; its"
          + " `created` " + (created == null ? "is null (no commit marker had a time)"
              : "(" + created + ") is the time of " + createdFrom + ", the earliest commit found,"
                  + " not when the sweep began (somewhat before it)") + ".";
    }
  }

  /** Copies the lists and maps. */
  public SummaryProvenance {
    sites = List.copyOf(sites);
    configurations = List.copyOf(configurations);
    tableLayers = copy(tableLayers);
    histogramTableLayers = copy(histogramTableLayers);
    sources = List.copyOf(sources);
  }

  /** Depth → the layers the rows of configurations of that depth hold. */
  public static SortedMap<Integer, SortedSet<Integer>> layersByDepth(List<LayerRow> rows) {
    SortedMap<Integer, SortedSet<Integer>> byDepth = new TreeMap<>();
    for (LayerRow r : rows) {
      byDepth.computeIfAbsent(r.config().depth(), d -> new TreeSet<>()).add(r.key().layer());
    }
    return byDepth;
  }

  private static SortedMap<Integer, SortedSet<Integer>> copy(
      SortedMap<Integer, SortedSet<Integer>> byDepth) {
    SortedMap<Integer, SortedSet<Integer>> copy = new TreeMap<>();
    byDepth.forEach((depth, layers) ->
        copy.put(depth, Collections.unmodifiableSortedSet(new TreeSet<>(layers))));
    return Collections.unmodifiableSortedMap(copy);
  }

  /** The experiments summarized, in name order. */
  public SortedSet<String> experiments() {
    SortedSet<String> experiments = new TreeSet<>();
    configurations.forEach(c -> experiments.add(c.experiment()));
    return experiments;
  }

  /** The Markdown section: the options and their effect on each table, and what was read. */
  public String markdown() {
    StringBuilder md = new StringBuilder(HEADING).append("\n\n");
    md.append("```\n").append(command).append("\n```\n\n");
    String siteText = sites.isEmpty() ? "every site the sweeps recorded"
        : (sites.size() == 1 ? "the site " : "the sites ") + String.join(", ", sites);
    md.append("- **layers.csv**: ").append(siteText).append("; layers `")
        .append(spec(layers)).append("` (").append(meaning(layers)).append("): ")
        .append(layersText(tableLayers)).append(".\n");
    md.append("- **histograms.csv**: ").append(histogramLayers.isAll()
        ? "every layer layers.csv holds" : "of those, layers `" + spec(histogramLayers) + "` ("
            + (histogramLayers.spread() > 0 ? histogramLayers.spread() + " evenly spaced of the"
                + " hidden layers layers.csv holds, first and last included"
                : meaning(histogramLayers)) + "): " + layersText(histogramTableLayers))
        .append(".\n");
    Set<String> experiments = experiments();
    md.append("- **theory.csv**: the hidden layers layers.csv holds; **cells.csv**: every cell of"
        + " the experiment").append(experiments.size() == 1 ? " " : "s ")
        .append(String.join(", ", experiments)).append(", whatever its status.\n");
    md.append("- **figures/**: ").append(figures ? "drawn, variance and saturation figures split"
        + " by `--facet " + facet + "`" : "none (`--no-figures`)").append(".\n");
    md.append("- Seeds per configuration: ").append(seedRange(configurations)).append(".\n\n");
    md.append("| sweep folder | sweep | config hash | code version | cells | ok | diverged"
        + " | failed |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Source s : sources) {
      md.append("| `").append(s.folder().replace("|", "\\|")).append("` | ")
          .append(String.join(", ", s.sweeps()))
          .append(" | ").append(String.join(", ", s.configHashes())).append(" | ")
          .append(String.join(", ", s.codeVersions())).append(" | ").append(s.counts().seeds())
          .append(" | ").append(s.counts().ok()).append(" | ").append(s.counts().diverged())
          .append(" | ").append(s.counts().failed()).append(" |\n");
    }
    for (Source s : sources) {
      if (s.rebuilt() != null) {
        md.append("\n").append(s.rebuilt().sentence(s.folder())).append("\n");
      }
    }
    md.append("\nA cell in several folders counts once, in the folder given last. Summarized by"
        + " sigprop ").append(build).append(" on ").append(date).append(".\n");
    return md.toString();
  }

  /** A selection as the option takes it: {@code all}, {@code every:10}, {@code 1-2,10-20}. */
  public static String spec(LayerSelection s) {
    return s.isAll() || s.every() > 0 || s.spread() > 0 ? s.toString()
        : LayerRuns.ranges(new TreeSet<>(s.layers())).replace(", ", ",");
  }

  private static String meaning(LayerSelection s) {
    if (s.isAll()) {
      return "every layer";
    }
    if (s.every() > 0) {
      return "layers 1, 1+" + s.every() + ", 1+2·" + s.every() + ", … plus the top hidden layer"
          + " L and the head L+1";
    }
    if (s.spread() > 0) {
      return s.spread() + " evenly spaced hidden layers of each net, first and last included";
    }
    return "these layers of each net";
  }

  /** "depth 4 (head 5): 1, 3-5" per depth, regular runs compactly; or "none". */
  private static String layersText(SortedMap<Integer, SortedSet<Integer>> byDepth) {
    if (byDepth.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    byDepth.forEach((depth, layers) -> parts.add("depth " + depth + " (head " + (depth + 1)
        + "): " + LayerRuns.compact(layers)));
    return String.join("; ", parts);
  }

  private static String seedRange(List<Configuration> configs) {
    if (configs.isEmpty()) {
      return "no configuration";
    }
    int[] seeds = configs.stream().mapToInt(c -> c.counts().seeds()).sorted().toArray();
    int[] ok = configs.stream().mapToInt(c -> c.counts().ok()).sorted().toArray();
    return String.format(Locale.ROOT, "%s cells pooled, %s of them ok (averaged), over %d"
        + " configuration%s", range(seeds), range(ok), configs.size(),
        configs.size() == 1 ? "" : "s");
  }

  private static String range(int[] sorted) {
    int lo = sorted[0];
    int hi = sorted[sorted.length - 1];
    return lo == hi ? "" + lo : lo + "–" + hi;
  }
}
