package sigprop.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The histogram bins each sweep folder's manifest records per experiment (its canonical
 * {@code record.histogram} lines), to refuse a configuration whose seeds come from folders that
 * binned them differently: their histograms cannot pool, and the summary failed deep in Spark
 * with some 200 lines of traces ("cannot merge histograms with different specs").
 */
final class FolderBins {
  private static final String EXPERIMENT = "experiment: ";
  private static final String BINS = "record.histogram";

  private FolderBins() {}

  /** Experiment → its bins' canonical lines, from a manifest's canonical config text. */
  static Map<String, String> of(String canonicalConfig) {
    Map<String, String> bins = new LinkedHashMap<>();
    String experiment = null;
    for (String line : canonicalConfig.split("\n")) {
      if (line.startsWith(EXPERIMENT)) {
        experiment = line.substring(EXPERIMENT.length());
        bins.put(experiment, "");
      } else if (experiment != null && line.strip().startsWith(BINS)) {
        bins.merge(experiment, line.strip() + "\n", String::concat);
      }
    }
    return bins;
  }

  /**
   * The refusal of the first configuration whose cells come from folders with different bins,
   * or null.
   *
   * @param cells each cell's sweep, experiment, config_id and source (the folder's index)
   * @param bins per folder, its experiments' bins ({@link #of}), null for a folder without a
   *     readable manifest
   * @param folders the folders, by index
   */
  static String conflict(List<CellSource> cells, List<Map<String, String>> bins,
      List<String> folders) {
    Map<String, TreeSet<Integer>> sources = new LinkedHashMap<>();
    Map<String, CellSource> first = new LinkedHashMap<>();
    for (CellSource c : cells) {
      String key = c.sweep() + "/" + c.configId();
      sources.computeIfAbsent(key, k -> new TreeSet<>()).add(c.source());
      first.putIfAbsent(key, c);
    }
    for (Map.Entry<String, TreeSet<Integer>> e : sources.entrySet()) {
      CellSource c = first.get(e.getKey());
      List<Integer> known = new ArrayList<>();
      for (int source : e.getValue()) {
        if (bins.get(source) != null && bins.get(source).containsKey(c.experiment())) {
          known.add(source);
        }
      }
      for (int source : known) {
        String a = bins.get(known.get(0)).get(c.experiment());
        String b = bins.get(source).get(c.experiment());
        if (!a.equals(b)) {
          return "the seeds of configuration " + c.configId() + " (sweep " + c.sweep()
              + ", experiment " + c.experiment() + ") come from " + folders.get(known.get(0))
              + " and " + folders.get(source) + ", which bin histograms differently ("
              + describe(a) + " vs " + describe(b) + "), so they cannot be pooled; summarize"
              + " those folders one at a time; nothing written";
        }
      }
    }
    return null;
  }

  private static String describe(String lines) {
    return lines.strip().replace("\n", "; ");
  }

  /** Where one cell's row came from. */
  record CellSource(String sweep, String experiment, String configId, int source) {}
}
